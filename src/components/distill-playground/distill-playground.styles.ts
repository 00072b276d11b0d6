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
  /* One compact band on a laptop: title, tagline and lab picker, so the lab fits below it. */
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 1.2em;
    margin-bottom: 0.4em;
  }
  header slot {
    display: contents;
  }
  header h1 {
    font-size: 1.5em;
    line-height: 1.15;
    margin: 0;
  }
  header .tagline {
    margin: 0;
    color: var(--_muted);
    font-size: 0.95em;
    flex: 1 1 22em;
  }
  .lab-picker {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 700;
  }
  .about {
    margin-top: 1.5em;
    max-width: 80ch;
    color: var(--_muted);
  }
  .about h2 {
    font-size: 1.1em;
    margin: 0 0 0.3em;
    color: var(--distill-text-color, #1b1b1f);
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
    margin-bottom: 0.5em;
  }
  /* Before a lab's panel has loaded: the starting line, styled like the panels' summary. */
  .summary {
    margin: 0;
    padding: 0.6em 0.9em;
    border-left: 4px solid var(--distill-teacher-color, #0072b2);
    background: var(--_surface);
  }
`;
