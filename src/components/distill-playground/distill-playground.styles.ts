import { css } from 'lit';

export const playgroundStyles = css`
  :host {
    --_surface: var(--distill-surface-color, #ffffff);
    --_border: var(--distill-border-color, #d7d7de);
    --_muted: var(--distill-muted-color, #4a4a55);
    max-width: 1600px;
    margin: 0 auto;
    container-type: inline-size;
  }
  header h1 {
    font-size: 1.9em;
    line-height: 1.15;
    margin: 0 0 0.25em;
  }
  header .intro {
    margin: 0 0 0.75em;
    max-width: 70ch;
    color: var(--_muted);
  }
  .lab-picker {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 700;
    margin: 0 1em 0.6em 0;
  }
  .lab-picker select {
    font: inherit;
    font-weight: 400;
    min-height: 40px;
    padding: 0.3em 0.5em;
  }
  header .hint {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .summary progress {
    vertical-align: middle;
    width: 12em;
    margin: 0 0.5em;
  }
  distill-status {
    margin-bottom: 0.75em;
  }
  /* Before a lab's panel has loaded: the starting line, styled like the panels' summary. */
  .summary {
    margin: 0;
    padding: 0.6em 0.9em;
    border-left: 4px solid var(--distill-teacher-color, #0072b2);
    background: var(--_surface);
  }
`;
