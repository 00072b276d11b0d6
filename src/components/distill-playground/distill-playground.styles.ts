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
  .layout {
    display: grid;
    grid-template-columns: minmax(300px, 360px) minmax(0, 1fr);
    gap: 1.25em;
    align-items: start;
  }
  distill-controls {
    position: sticky;
    top: 0.5em;
    max-height: calc(100vh - 1em);
    overflow-y: auto;
  }
  .views {
    display: grid;
    gap: 1em;
    min-width: 0;
  }
  distill-regions {
    /* Three maps side by side on a laptop screen, so the curves stay close to the fold. */
    --distill-map-size: 1fr;
  }
  .summary {
    margin: 0;
    padding: 0.6em 0.9em;
    border-left: 4px solid var(--distill-teacher-color, #0072b2);
    background: var(--_surface);
  }
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.9em 1em 1em;
    min-width: 0;
  }
  .panel h2 {
    font-size: 1.2em;
    margin: 0 0 0.2em;
  }
  .panel .hint {
    margin: 0 0 0.75em;
    color: var(--_muted);
    font-size: 0.92em;
    max-width: 80ch;
  }
  @container (max-width: 900px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    distill-controls {
      position: static;
      max-height: none;
    }
  }
`;
