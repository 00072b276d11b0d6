import { css } from 'lit';

export const logitsStyles = css`
  :host {
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_accent: var(--distill-accent-color, #0072b2);
    --_radius: var(--distill-radius, 10px);
    --_bar-height: var(--distill-bar-height, 88px);
  }
  .legend .chip {
    display: inline-block;
    flex: none;
    width: 1.5rem;
    height: 1.05rem;
    border-radius: 3px;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
    gap: 1rem;
  }
  .picker {
    display: flex;
    gap: 0.4rem;
    margin: 0 0 0.5rem;
  }
  .picker .probe-button {
    min-width: 40px;
  }
  .closer {
    margin: 0.3rem 0 0;
    font-size: 0.88em;
    color: var(--_muted);
  }
  .cards.single {
    grid-template-columns: minmax(0, 1fr);
  }
  .card {
    position: relative;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.6rem 0.85rem 0.75rem;
    cursor: pointer;
    transition: border-color 150ms, box-shadow 150ms;
  }
  .card.selected {
    border-color: var(--_accent);
    box-shadow: 0 0 0 2px var(--_accent);
  }
  header {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.25rem 0.6rem;
    margin-bottom: 0.35rem;
  }
  .probe-button {
    font: inherit;
    font-weight: 700;
    font-size: 1.05em;
    min-height: 40px;
    padding: 0.2rem 0.8rem;
    border-radius: 999px;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  .probe-button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .where {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .kl {
    margin: 0.6rem 0 0;
    font-size: 0.95em;
    font-variant-numeric: tabular-nums;
  }
  .kl .pair {
    white-space: nowrap;
  }
  .kl .num {
    font-weight: 700;
  }
  .empty {
    color: var(--_muted);
    margin: 0;
  }
  distill-bars {
    --distill-bar-height: var(--_bar-height);
  }
`;
