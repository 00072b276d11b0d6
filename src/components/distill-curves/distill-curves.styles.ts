import { css } from 'lit';

export const curvesStyles = css`
  :host {
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_accent: var(--distill-accent-color, #0072b2);
    --_radius: var(--distill-radius, 10px);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
    gap: 1rem;
  }
  .charts.large {
    grid-template-columns: minmax(0, 1fr);
  }
  /* A grid, not a flex column, so the caption stays the figure's first child (its accessible name)
     while a zoom toggle sits beside it. */
  figure {
    margin: 0;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.6rem 0.75rem 0.7rem;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-content: start;
    align-items: center;
    column-gap: 1rem;
  }
  figure > * {
    grid-column: 1 / -1;
  }
  figure > figcaption.with-toggle {
    grid-column: 1;
  }
  figure > .range {
    grid-column: 2;
    margin-bottom: 0.3rem;
  }
  figcaption {
    font-weight: 700;
    margin-bottom: 0.3rem;
  }
  .range {
    font: inherit;
    font-weight: 600;
    min-height: 40px;
    padding: 0.15rem 0.8rem;
    border-radius: 999px;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  .range[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .plot {
    min-width: 0;
    width: 100%;
    height: var(--distill-chart-height, 210px);
    overflow: hidden;
  }
  .large .plot {
    height: var(--distill-chart-height, 260px);
  }
  .latest {
    margin: 0.45rem 0 0;
    font-variant-numeric: tabular-nums;
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.9rem;
  }
  .small .latest {
    font-size: 0.95em;
  }
  .large .latest {
    gap: 0.1rem 1rem;
  }
  .latest .lead {
    color: var(--_muted);
  }
  .latest .item {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-width: 0;
    max-width: 100%;
  }
  .latest .num {
    font-weight: 700;
  }
  .note {
    margin: 0.3rem 0 0;
    color: var(--_muted);
  }
  .line-sample {
    flex: none;
  }
`;
