/**
 * The layout every lab panel shares: a controls column beside the views, a summary line, and
 * boxed sections; one column below 900 px of container width.
 */
import { css } from 'lit';

export const labPanelStyles = css`
  :host {
    --_surface: var(--distill-surface-color, #ffffff);
    --_border: var(--distill-border-color, #d7d7de);
    --_muted: var(--distill-muted-color, #4a4a55);
    display: block;
    container-type: inline-size;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(300px, 360px) minmax(0, 1fr);
    gap: 1.25em;
    align-items: start;
  }
  .controls {
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
    .controls {
      position: static;
      max-height: none;
    }
  }
`;
