import { css } from 'lit';

export const regionsStyles = css`
  :host {
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_radius: var(--distill-radius, 10px);
    display: block;
    container-type: inline-size;
  }
  /* On a phone: the teacher beside one student at a time, picked with these tabs. */
  .compare {
    display: none;
    gap: 0.4rem;
    margin-bottom: 0.5rem;
  }
  .compare button {
    font: inherit;
    font-size: 0.95em;
    min-height: 40px;
    padding: 0.25rem 0.8rem;
    border: 1.5px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  .compare button[aria-selected='true'] {
    border-color: var(--distill-accent-color, #005a9c);
    background: var(--distill-accent-color, #005a9c);
    color: #fff;
    font-weight: 700;
  }
  .compare button:focus-visible {
    outline: 3px solid var(--distill-focus-color, #1a5fb4);
    outline-offset: 2px;
  }
  @container (max-width: 26rem) {
    .compare {
      display: flex;
    }
    .maps {
      grid-template-columns: 1fr 1fr;
      gap: 0.6rem;
    }
    figure.other-student {
      display: none;
    }
  }
  .maps {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--distill-map-min, 15rem)), var(--distill-map-size, 340px)));
    gap: 1rem;
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  figcaption {
    font-weight: 700;
    font-size: 1.05em;
    margin-bottom: 0.3rem;
  }
  .frame {
    position: relative;
    width: 100%;
    aspect-ratio: 1;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    overflow: hidden;
    background: var(--_surface);
  }
  canvas {
    display: block;
    width: 100%;
    height: 100%;
    cursor: crosshair;
    touch-action: manipulation;
  }
  canvas:focus-visible {
    outline: 3px solid var(--distill-focus-color, #1a5fb4);
    outline-offset: -3px;
  }
  .frame:has(canvas:focus-visible) {
    border-color: var(--distill-focus-color, #1a5fb4);
  }
  .waiting {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    padding: 1rem;
    text-align: center;
    color: var(--_muted);
    pointer-events: none;
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 1rem;
    margin: 0.4rem 0 0;
    font-size: var(--distill-key-font-size, 1em);
    padding: 0;
    list-style: none;
  }
  .key li {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
  }
  .key .help {
    font-weight: 400;
    color: var(--_muted);
  }
  .hollow {
    display: inline-block;
    width: 0.6rem;
    height: 0.6rem;
    margin: 0 0.25rem;
    border-radius: 50%;
    border: 1.5px solid rgba(20, 20, 25, 0.55);
  }
  .ring {
    display: inline-grid;
    place-items: center;
    width: 1.6rem;
    height: 1.6rem;
    border-radius: 50%;
    border: 2.5px solid var(--distill-text-color, #1b1b1f);
    font-size: 0.8em;
    font-weight: 700;
    background: #fff;
  }
`;
