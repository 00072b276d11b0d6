import { css } from 'lit';

export const lossChartStyles = css`
  :host {
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_radius: var(--distill-radius, 10px);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr));
    gap: 1rem;
  }
  figure {
    margin: 0;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.6rem 0.75rem 0.7rem;
    display: flex;
    flex-direction: column;
  }
  figcaption {
    font-weight: 700;
    margin-bottom: 0.3rem;
  }
  .plot {
    min-width: 0;
    width: 100%;
    height: var(--distill-chart-height, 210px);
    overflow: hidden;
  }
  .latest {
    margin: 0.45rem 0 0;
    font-size: 0.95em;
    font-variant-numeric: tabular-nums;
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.9rem;
  }
  .latest .lead {
    color: var(--_muted);
  }
  .latest .item {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    white-space: nowrap;
  }
  .latest .num {
    font-weight: 700;
  }
  .line-sample {
    flex: none;
  }
`;
