import { css } from 'lit';

export const controlsStyles = css`
  :host {
    --_accent: var(--distill-accent-color, #0072b2);
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_radius: var(--distill-radius, 10px);
  }
  /* Columns, not a grid: groups differ a lot in height, and columns pack them without gaps. */
  form {
    columns: var(--distill-controls-column-width, 18rem);
    column-gap: 1rem;
    margin: 0;
  }
  fieldset {
    break-inside: avoid;
    margin: 0 0 1rem;
    min-width: 0;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: flex;
    flex-direction: column;
    gap: 0.9rem;
  }
  legend {
    padding: 0 0.4rem;
    font-weight: 700;
    font-size: 1.1em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.75rem;
  }
  label {
    font-weight: 600;
  }
  output,
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    color: var(--_accent);
    text-align: right;
  }
  .sub {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .help {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    line-height: 1.35;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: 44px;
    min-width: 4.5rem;
    padding: 0.4rem 1.1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  button.primary {
    background: var(--_accent);
    color: #fff;
    min-width: 7rem;
  }
  button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 85%, black);
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .icon {
    display: inline-block;
    width: 1.2em;
    text-align: center;
  }
  .icon-play::before {
    content: '\\25B6';
  }
  .icon-pause::before {
    content: '\\275A\\275A';
    letter-spacing: -0.1em;
  }
  select,
  input[type='number'] {
    font: inherit;
    min-height: 44px;
    padding: 0.3rem 0.6rem;
    border: 1.5px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
    color: inherit;
    width: 100%;
  }
  select:focus-visible,
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--distill-focus-color, #1a5fb4);
    outline-offset: 2px;
  }
  input[type='range'] {
    width: 100%;
    min-height: 40px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75rem;
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.6rem;
    align-items: center;
  }
  .check input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check .help {
    grid-column: 2;
  }
  .note {
    margin: 0;
    font-size: 0.875em;
  }
  .note.warning {
    color: #8a4b00;
  }
`;
