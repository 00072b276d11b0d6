import { css } from 'lit';

export const costStyles = css`
  :host {
    --_accent: var(--distill-accent-color, #0072b2);
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_radius: var(--distill-radius, 10px);
    /* Okabe–Ito: vermillion, blue, bluish green, black, reddish purple. */
    --_browser: var(--distill-cost-browser-color, #d55e00);
    --_gpu: var(--distill-cost-gpu-color, #0072b2);
    --_projection: var(--distill-cost-projection-color, #009e73);
    --_deepseek: var(--distill-cost-deepseek-color, #000000);
    --_fleet: var(--distill-cost-fleet-color, #cc79a7);
  }
  article {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.2;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.2em;
    line-height: 1.25;
  }
  h4 {
    margin: 0 0 0.5rem;
    font-size: 1.05em;
  }
  p {
    margin: 0;
  }
  .intro {
    max-width: 60rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.9rem 1rem 1rem;
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    min-width: 0;
  }
  /* Explanations stay at full size (projectors); only source marks and sub-lines are smaller. */
  .help {
    color: var(--_muted);
    line-height: 1.4;
  }
  .muted {
    color: var(--_muted);
    font-style: italic;
  }
  .key {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .cite {
    font-size: 0.875em;
    color: var(--_muted);
    margin-left: 0.2em;
    white-space: nowrap;
    cursor: help;
  }
  .cite .est {
    font-style: italic;
  }
  a {
    color: var(--_accent);
  }
  .error {
    color: #b3261e;
    font-size: 0.875em;
    font-weight: 600;
  }

  /* The chart: one row per bar, text on the left, bar on a shared log axis on the right. */
  .bars {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(12rem, 22rem) 1fr;
    gap: 0.2rem 1rem;
    align-items: center;
  }
  .bar-text {
    display: flex;
    flex-direction: column;
    line-height: 1.25;
  }
  .bar-label {
    font-weight: 700;
  }
  .bar-value {
    font-variant-numeric: tabular-nums;
  }
  .track {
    display: block;
    overflow: visible;
  }
  .track .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .axis text {
    fill: var(--_muted);
    font-size: 0.875em;
  }
  .bar {
    stroke: #000;
    stroke-width: 1;
  }
  .bar-browser {
    fill: var(--_browser);
  }
  .bar-h800 {
    fill: var(--_gpu);
  }
  .bar-projection {
    fill: var(--_projection);
  }
  .bar-deepseek {
    fill: var(--_deepseek);
  }
  .bar-fleet {
    fill: var(--_fleet);
    stroke-dasharray: 5 3;
    stroke-width: 2;
  }
  @media (max-width: 40rem) {
    .bar-row {
      grid-template-columns: 1fr;
    }
    .axis > span {
      display: none;
    }
  }

  /* The debate: two cards side by side. */
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
    gap: 1rem;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    color: var(--_muted);
    padding-bottom: 0.3rem;
  }
  th,
  td {
    padding: 0.35rem 0.6rem;
    text-align: right;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
    vertical-align: top;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
  }
  thead th {
    color: var(--_muted);
    border-bottom: 2px solid var(--_border);
  }
  tfoot th,
  tfoot td {
    border-top: 2px solid var(--_text, currentColor);
    border-bottom: none;
    font-size: 1.15em;
  }
  .stages {
    width: 100%;
  }
  .notes {
    margin: 0;
    padding-left: 1.2rem;
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  .big {
    font-size: 1.1em;
  }
  .big .key {
    font-size: 1.5em;
    margin-right: 0.3rem;
  }
  .ratio {
    font-size: 1.1em;
  }

  /* This run. */
  .stats,
  .results {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 0.5rem 1rem;
  }
  .stats dt,
  .results dt {
    color: var(--_muted);
  }
  .stats dd,
  .results dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .stats dd.key {
    font-size: 1.3em;
    color: var(--_browser);
  }
  .summary.waiting {
    padding: 0.5rem 0.75rem;
    border-left: 5px solid var(--_browser);
    background: color-mix(in srgb, var(--_browser) 7%, white);
    border-radius: 4px;
  }
  .catalog {
    width: 100%;
  }
  .catalog th[scope='row'] {
    font-weight: 400;
  }
  .gpu-name {
    display: block;
    font-weight: 700;
  }
  .sub {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .price .sub {
    text-align: right;
  }
  tr[data-gpu='browser'] {
    background: color-mix(in srgb, var(--_browser) 6%, white);
  }
  tr[data-gpu='h800'] {
    background: color-mix(in srgb, var(--_gpu) 6%, white);
  }

  /* Inputs. */
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .field.mfu {
    max-width: 36rem;
  }
  .field.mfu input {
    max-width: 8rem;
  }
  label {
    font-weight: 600;
  }
  input[type='text'],
  select {
    font: inherit;
    min-height: 44px;
    padding: 0.3rem 0.6rem;
    border: 1.5px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
    color: inherit;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  input[aria-invalid='true'] {
    border-color: #b3261e;
    border-width: 2px;
  }
  .money {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .money input {
    width: 6.5rem;
    text-align: right;
  }
  .field .money {
    display: flex;
  }
  .field .money input {
    width: 100%;
    text-align: left;
  }
  .exact {
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .inputs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: 0.9rem 1rem;
    align-items: start;
  }
  .presets {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 0.9rem 0.75rem;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: 0.5rem 1rem;
  }
  .presets legend {
    font-weight: 700;
    padding: 0 0.3rem;
  }
  .preset {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.5rem;
    align-items: start;
    font-weight: 400;
    cursor: pointer;
  }
  .preset input {
    width: 1.3rem;
    height: 1.3rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }
  .preset > span {
    display: flex;
    flex-direction: column;
  }
  .results {
    padding: 0.75rem 0.9rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_projection) 8%, white);
    border: 1px solid color-mix(in srgb, var(--_projection) 45%, white);
  }
  .results .key {
    font-size: 1.2em;
  }
  .transfer {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    border-top: 1px solid var(--_border);
    padding-top: 0.8rem;
  }

  .sources h3 {
    font-size: 1em;
  }
  .sources ol {
    margin: 0;
    padding-left: 1.6rem;
    color: var(--_muted);
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
`;
