import { css } from 'lit';

export const classErrorsStyles = css`
  :host {
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_accent: var(--distill-accent-color, #0072b2);
    --_radius: var(--distill-radius, 10px);
    --_heat: var(--distill-heat-color, #a63603);
    --_chart-height: var(--distill-chart-height, 220px);
  }
  h3 {
    font-size: 1em;
    font-weight: 700;
    margin: 0 0 0.3rem;
  }
  .help {
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  /* Side by side when there is room, the matrix panel wide enough for all ten columns; else
     stacked. A narrower matrix scrolls inside its panel, with a shadow at the edge (the cue). */
  .layout-box {
    container-type: inline-size;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    align-items: start;
  }
  @container (min-width: 50rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 32rem);
    }
  }
  /* Grid items may shrink below their content, so the matrix scrolls inside its panel. */
  .layout > * {
    min-width: 0;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.7rem 0.9rem 0.8rem;
    min-width: 0;
  }
  .totals {
    list-style: none;
    margin: 0 0 0.6rem;
    padding: 0;
    font-variant-numeric: tabular-nums;
  }
  .totals li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
    padding: 0.1rem 0;
  }
  .totals .name {
    font-weight: 600;
  }
  .totals .num {
    font-weight: 700;
  }
  .highlight-line {
    margin: 0 0 0.6rem;
    padding: 0.35rem 0.6rem;
    border-left: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    font-variant-numeric: tabular-nums;
  }
  .highlight-line .item {
    white-space: nowrap;
    margin-right: 0.9rem;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }

  /* Bars */
  .chart {
    display: grid;
    grid-template-columns: 3.6rem minmax(0, 1fr);
    grid-template-rows: var(--_chart-height) auto;
    column-gap: 0.4rem;
  }
  .y-axis {
    position: relative;
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .y-axis span {
    position: absolute;
    right: 0;
    transform: translateY(50%);
    line-height: 1;
    white-space: nowrap;
  }
  .plot {
    position: relative;
    display: grid;
    grid-template-columns: repeat(10, minmax(0, 1fr));
    gap: 0.35rem;
    padding: 0 0.2rem;
    border-bottom: 2px solid var(--distill-text-color, #1b1b1f);
    border-left: 1px solid var(--_border);
  }
  .gridline {
    position: absolute;
    left: 0;
    right: 0;
    height: 0;
    border-top: 1px solid var(--distill-grid-color, rgba(0, 0, 0, 0.1));
    pointer-events: none;
  }
  .group {
    position: relative;
    display: flex;
    align-items: flex-end;
    justify-content: center;
    gap: 2px;
    height: 100%;
  }
  .group.highlight {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
    outline: 2px solid var(--_accent);
    outline-offset: -1px;
    border-radius: 4px 4px 0 0;
  }
  .bar {
    flex: 1 1 0;
    max-width: 1.3rem;
    height: 100%;
    border-radius: 3px 3px 0 0;
    transform-origin: 50% 100%;
    transition: transform var(--distill-bar-transition, 250ms) ease-out;
  }
  /* Training at full speed: each snapshot moves the bars (src/components/shared/cadence.ts). */
  .streaming .bar {
    transition: none;
  }
  .x-axis {
    grid-column: 2;
    display: grid;
    grid-template-columns: repeat(10, minmax(0, 1fr));
    gap: 0.35rem;
    padding: 0.2rem 0.2rem 0;
    text-align: center;
    font-weight: 700;
  }
  .x-axis .highlight span {
    display: inline-block;
    min-width: 1.6em;
    border-radius: 999px;
    background: var(--_accent);
    color: #fff;
  }
  .x-title {
    grid-column: 2;
    text-align: center;
    color: var(--_muted);
  }

  /* Confusion matrix */
  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0 0 0.6rem;
    padding: 0;
    border: 0;
  }
  .picker legend {
    font-weight: 600;
    margin-right: 0.4rem;
    padding: 0;
    float: left;
    line-height: 44px;
  }
  .picker button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.2rem 0.8rem;
    border-radius: 999px;
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .picker button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .matrix-wrap {
    overflow-x: auto;
  }

  table.matrix {
    border-collapse: separate;
    border-spacing: 2px;
    font-variant-numeric: tabular-nums;
  }
  .matrix caption {
    caption-side: top;
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.2rem;
  }
  .matrix th {
    font-weight: 700;
    padding: 0 0.2rem;
    text-align: center;
  }
  .matrix th.corner,
  .matrix th.predicted {
    font-weight: 600;
    color: var(--_muted);
    white-space: nowrap;
  }
  .matrix th.corner {
    text-align: right;
  }
  .matrix thead tr:first-child td {
    background: none;
  }
  .matrix th.row-head.highlight,
  .matrix th.col-head.highlight {
    color: var(--_accent);
    text-decoration: underline 3px;
  }
  .matrix td {
    min-width: 2.2rem;
    height: 2.1rem;
    padding: 0 0.1rem;
    font-size: 0.875em;
    text-align: center;
    border-radius: 3px;
    background: color-mix(in srgb, var(--_heat) calc(var(--heat) * 100%), var(--_surface));
  }
  .matrix td.hot {
    color: #fff;
    font-weight: 700;
  }
  .matrix td.diagonal {
    background: color-mix(in srgb, var(--_muted) 12%, var(--_surface));
    color: var(--_muted);
  }
  .matrix td.zero {
    color: transparent;
  }
  .top-confusions {
    margin: 0.6rem 0 0;
    font-variant-numeric: tabular-nums;
  }
  .top-confusions .item {
    /* Inline blocks break between items even though the template puts no space between them. */
    display: inline-block;
    white-space: nowrap;
    margin-right: 0.9rem;
    font-weight: 700;
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
