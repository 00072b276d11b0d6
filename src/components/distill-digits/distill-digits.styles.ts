import { css } from 'lit';

export const digitsStyles = css`
  :host {
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_accent: var(--distill-accent-color, #0072b2);
    --_radius: var(--distill-radius, 10px);
    --_bar-height: var(--distill-bar-height, 110px);
    --_pad-size: var(--distill-pad-size, 280px);
  }
  h3 {
    font-size: 1em;
    font-weight: 700;
    margin: 0 0 0.4rem;
  }
  .help {
    color: var(--_muted);
    font-weight: 400;
  }

  /* The strip of test digits */
  .strip {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .digit-button {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.15rem;
    padding: 4px 4px 2px;
    font: inherit;
    font-weight: 700;
    color: inherit;
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: 8px;
    cursor: pointer;
    min-width: 44px;
  }
  .digit-button:hover {
    border-color: var(--_accent);
  }
  .digit-button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: 0 0 0 2px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .digit-button canvas {
    width: var(--distill-strip-digit-size, 64px);
    height: var(--distill-strip-digit-size, 64px);
  }
  canvas.pixels {
    image-rendering: pixelated;
    display: block;
    border-radius: 3px;
  }

  /* Drawing pad | probabilities */
  .main {
    display: grid;
    grid-template-columns: minmax(0, auto) minmax(0, 1fr);
    gap: 1rem 1.5rem;
    align-items: start;
  }
  @media (max-width: 760px) {
    .main {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .panel {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.7rem 0.9rem 0.8rem;
    min-width: 0;
  }
  .draw.selected {
    border-color: var(--_accent);
    box-shadow: 0 0 0 2px var(--_accent);
  }
  .pad-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-start;
  }
  .pad {
    display: block;
    width: var(--_pad-size);
    height: var(--_pad-size);
    max-width: 100%;
    aspect-ratio: 1;
    border: 2px solid var(--_muted);
    border-radius: 4px;
    touch-action: none;
    cursor: crosshair;
  }
  .pad-side {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    max-width: 11rem;
  }
  .clear {
    font: inherit;
    font-weight: 700;
    min-height: 44px;
    padding: 0.2rem 1rem;
    border-radius: 999px;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    align-self: flex-start;
  }
  .clear:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .seen {
    margin: 0;
  }
  .seen canvas {
    width: 84px;
    height: 84px;
    border: 1px solid var(--_border);
  }
  .seen figcaption {
    line-height: 1.3;
    margin-top: 0.25rem;
  }
  .seen figcaption b {
    display: block;
  }
  .note {
    margin: 0.6rem 0 0;
    color: var(--_muted);
    max-width: 30rem;
  }

  /* Probabilities of the selected digit */
  .selected-head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 0.4rem;
  }
  .selected-head canvas {
    width: 56px;
    height: 56px;
    border: 1px solid var(--_border);
  }
  .selected-head h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .legend .chip {
    width: 1.6rem;
    height: 1.1rem;
  }
  .bars {
    display: grid;
    grid-template-columns: 3.6rem minmax(0, 1fr);
    column-gap: 0.4rem;
  }
  .row-label {
    grid-column: 1 / -1;
    font-weight: 700;
    margin: 0.9rem 0 0.35rem;
  }
  .row-label .help {
    font-weight: 400;
    color: var(--_muted);
  }
  .y-axis {
    position: relative;
    height: var(--_bar-height);
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .y-axis span {
    position: absolute;
    right: 0;
    transform: translateY(50%);
    line-height: 1;
    white-space: nowrap;
  }
  .plot {
    display: grid;
    grid-template-columns: repeat(10, minmax(0, 1fr));
    gap: 0.5rem;
    height: var(--_bar-height);
    border-bottom: 2px solid var(--distill-text-color, #1b1b1f);
    /* faint guides at 50 % and 100 % */
    background: linear-gradient(to bottom, #0000 0 calc(50% - 0.5px), #0001 calc(50% - 0.5px) calc(50% + 0.5px), #0000 0),
      linear-gradient(#0001 0 1px, #0000 0);
    padding: 0 0.2rem;
  }
  .group {
    display: flex;
    align-items: flex-end;
    justify-content: center;
    gap: 2px;
    height: 100%;
  }
  .group.true {
    background: color-mix(in srgb, var(--_accent) 9%, transparent);
    border-radius: 4px 4px 0 0;
  }
  .bar {
    flex: 1 1 0;
    max-width: 1.4rem;
    min-height: 1px;
    border-radius: 3px 3px 0 0;
    transition: height var(--distill-bar-transition, 250ms) ease-out;
  }
  .axis {
    grid-column: 2;
    display: grid;
    grid-template-columns: repeat(10, minmax(0, 1fr));
    gap: 0.5rem;
    padding: 0.15rem 0.2rem 0;
    text-align: center;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .axis .true span {
    display: inline-block;
    min-width: 1.6em;
    border-radius: 999px;
    background: var(--_accent);
    color: #fff;
  }
  .axis-note {
    grid-column: 2;
    text-align: center;
    color: var(--_muted);
    margin: 0.1rem 0 0;
  }
  .top {
    width: 100%;
    margin-top: 0.8rem;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .top caption {
    text-align: left;
    font-weight: 700;
    margin-bottom: 0.2rem;
  }
  .top th,
  .top td {
    text-align: left;
    padding: 0.25rem 0.6rem 0.25rem 0;
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }
  .top thead th {
    border-top: none;
    color: var(--_muted);
  }
  .top .entry {
    white-space: nowrap;
  }
  .top .model {
    display: inline-flex;
    align-items: center;
    gap: 0.45rem;
    font-weight: 600;
  }
  .empty {
    color: var(--_muted);
    margin: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar {
      transition: none;
    }
  }
`;
