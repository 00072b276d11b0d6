/**
 * The layout every lab panel shares: a controls column beside the views (sticky, scrolling on its
 * own so the views stay on screen), a summary line, and boxed sections. Below 700 px of container
 * width the controls become a drawer (`renderSettings` in ./lab-panel) opened from a toolbar.
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
    grid-template-columns: minmax(280px, 320px) minmax(0, 1fr);
    gap: 1em;
    align-items: start;
  }
  .controls {
    position: sticky;
    top: 0.5em;
    max-height: calc(100vh - 1em);
    overflow-y: auto;
  }
  /* On a wide screen the settings dialog is simply the controls column. */
  dialog.settings:not([open]) {
    display: block;
    position: sticky;
    inset: auto;
    margin: 0;
    padding: 0;
    border: 0;
    width: auto;
    height: auto;
    max-width: none;
    background: none;
    color: inherit;
  }
  dialog.settings:not([open]) .drawer-head {
    display: none;
  }
  .drawer-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-bottom: 0.5em;
  }
  .drawer-head h2 {
    margin: 0;
    font-size: 1.2em;
  }
  .toolbar {
    display: none;
  }
  .pill {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.3em 0.9em;
    border: 1.5px solid var(--distill-accent-color, #005a9c);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--distill-accent-color, #005a9c);
    cursor: pointer;
  }
  .panel h2.small {
    font-size: 1em;
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
  /*
   * A panel off screen (below the fold, scrolled away) is neither laid out nor painted: the text a
   * snapshot changes there costs the frame nothing until the panel comes into view. On a slow
   * 2-core machine this (with the cost widget's slower refresh) cut the MNIST page's layout time
   * while training by about a third and its paint by half (Chrome traces, 8 s at 1280 × 720). A
   * panel keeps the height it last had on screen (auto); 360px before it was ever shown.
   */
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.9em 1em 1em;
    min-width: 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 360px;
  }
  /* Printed, every panel is drawn (off screen it would print as an empty box). */
  @media print {
    .panel {
      content-visibility: visible;
    }
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
    dialog.settings:not([open]) {
      position: static;
    }
  }
  /* A phone: the settings in a drawer, the run buttons in a toolbar that stays at the top. */
  @container (max-width: 700px) {
    dialog.settings:not([open]) {
      display: none;
    }
    dialog.settings[open] {
      position: fixed;
      inset: 0 0 0 auto;
      margin: 0;
      width: min(100vw, 28rem);
      height: 100%;
      max-height: 100%;
      padding: 0.75em;
      border: 0;
      background: var(--distill-page-color, #f4f4f6);
      color: inherit;
      overflow-y: auto;
    }
    dialog.settings::backdrop {
      background: rgba(0, 0, 0, 0.35);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
      position: sticky;
      top: 0;
      z-index: 3;
      padding: 0.4em 0;
      background: var(--distill-page-color, #f4f4f6);
    }
    .toolbar distill-run-controls::part(button) {
      padding-inline: 0.6em;
      min-width: 0;
    }
    .toolbar .pill {
      padding-inline: 0.7em;
    }
  }
`;
