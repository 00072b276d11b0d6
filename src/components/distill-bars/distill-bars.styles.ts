import { css } from 'lit';

export const barsStyles = css`
  :host {
    --_muted: var(--distill-muted-color, #4a4d57);
    --_accent: var(--distill-accent-color, #0072b2);
    --_border: var(--distill-border-color, #b9bcc4);
    --_bars-height: var(--distill-bar-height, 100px);
    --_gap: 0.5rem;
  }
  .bars {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    column-gap: 0.4rem;
  }
  .bars.with-axis {
    grid-template-columns: 3.6rem minmax(0, 1fr);
  }
  .row-label {
    grid-column: 1 / -1;
    font-weight: 700;
    margin: 0.35rem 0 0.2rem;
  }
  .row-label[aria-hidden='true'] {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .with-axis .row-label {
    margin-top: 0.9rem;
  }
  .row-label .help {
    font-weight: 400;
    color: var(--_muted);
  }
  .y-axis {
    position: relative;
    height: var(--_bars-height);
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
  .plot,
  .axis {
    grid-column: -2 / -1;
    display: grid;
    grid-template-columns: repeat(var(--_columns), minmax(0, 1fr));
    gap: var(--_gap);
    padding: 0 0.2rem;
  }
  .plot {
    height: var(--_bars-height);
    border-bottom: 2px solid var(--distill-text-color, #1b1b1f);
    /* faint guides at 50 % and 100 % */
    background: linear-gradient(to bottom, #0000 0 calc(50% - 0.5px), #0001 calc(50% - 0.5px) calc(50% + 0.5px), #0000 0),
      linear-gradient(#0001 0 1px, #0000 0);
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
  .group.rest {
    border-left: 1px dashed var(--_border);
  }
  .bar {
    flex: 1 1 0;
    max-width: 1.5rem;
    height: 100%;
    border-radius: 3px 3px 0 0;
    transform-origin: 50% 100%;
    transition: transform var(--distill-bar-transition, 250ms) ease-out;
  }
  /* Training at full speed: each snapshot moves the bars (src/components/shared/cadence.ts). */
  .streaming .bar {
    transition: none;
  }
  .axis {
    padding-top: 0.2rem;
  }
  .class {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.1rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: center;
    line-height: 1.15;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .class.true span {
    display: inline-block;
    min-width: 1.6em;
    border-radius: 999px;
    background: var(--_accent);
    color: #fff;
  }
  .axis-note {
    grid-column: -2 / -1;
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
  .chip {
    display: inline-block;
    flex: none;
    width: 1.6rem;
    height: 1.1rem;
    border-radius: 3px;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar {
      transition: none;
    }
  }
`;
