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
  /* Ten equal columns, so the ten digits share one row; five columns on a phone. */
  .strip {
    display: grid;
    grid-template-columns: repeat(10, minmax(0, 1fr));
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
    max-width: calc(10 * (var(--distill-strip-digit-size, 64px) + 12px) + 4.5rem);
  }
  @media (max-width: 560px) {
    .strip {
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
  }
  .digit-button {
    width: 100%;
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
    width: 100%;
    max-width: var(--distill-strip-digit-size, 64px);
    height: auto;
    aspect-ratio: 1;
  }
  canvas.pixels {
    image-rendering: pixelated;
    display: block;
    border-radius: 3px;
  }

  /* Drawing pad | probabilities */
  /* Two equal columns: the pad's side notes wrap under it before the top-3 table runs out of room. */
  .main {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 1rem 1.5rem;
    align-items: start;
  }
  @media (max-width: 760px) {
    .main {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  :host([compact]) .main {
    grid-template-columns: minmax(0, 1fr);
    gap: 0.6rem;
  }
  :host([compact]) #strip-title {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  :host([compact]) .selected-head canvas {
    width: 36px;
    height: 36px;
  }
  :host([compact]) .selected-head h3 {
    font-size: 1em;
  }
  :host([compact]) .panel {
    padding: 0.5rem 0.7rem 0.6rem;
  }
  :host([compact]) distill-bars {
    --distill-bar-height: 70px;
  }
  :host([compact]) .legend {
    margin-bottom: 0.4rem;
    gap: 0.2rem 1rem;
  }
  .panel {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.7rem 0.9rem 0.8rem;
    min-width: 0;
  }
  /* Whatever is still too wide scrolls inside its panel, never widening the page. */
  .probabilities {
    overflow-x: auto;
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
    display: inline-block;
    flex: none;
    width: 1.6rem;
    height: 1.1rem;
    border-radius: 3px;
  }
  distill-bars {
    --distill-bar-height: var(--_bar-height);
  }
  .empty {
    color: var(--_muted);
    margin: 0;
  }
`;
