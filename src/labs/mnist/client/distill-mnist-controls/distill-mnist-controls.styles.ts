import { css } from 'lit';

/**
 * What the MNIST controls add to the 2-D controls' styles (`controlsStyles`, shared so both panels
 * look alike): full-width student cards, the preset's paper figure, the ten digit toggles.
 */
export const mnistControlsStyles = css`
  /*
   * Three bands: Run beside Preset; the students, their cards side by side on a wide screen; then
   * the other groups in up to three balanced columns (a fourth would stay empty: Distillation is
   * the tallest group). On a narrow page everything stacks.
   */
  form {
    columns: auto;
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  form > fieldset,
  .top > fieldset {
    margin: 0;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .top > fieldset {
    flex: 1 1 16rem;
  }
  .top > fieldset.preset {
    flex: 2 1 20rem;
  }
  :host {
    container: mnist-controls / inline-size;
  }
  .rest {
    columns: var(--distill-controls-column-width, 18rem);
    column-gap: 1rem;
    margin-bottom: -1rem;
  }
  .stack {
    break-inside: avoid;
  }
  /* Room for three columns: Distillation, Transfer set, then Seed above Compute. */
  @container mnist-controls (min-width: 58rem) {
    .rest {
      columns: auto;
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      align-items: start;
      gap: 1rem;
      margin-bottom: 0;
    }
    .rest fieldset {
      margin: 0;
    }
    .stack {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
  }
  .cards {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .cards > fieldset.student {
    flex: 1 1 min(100%, 20rem);
    max-width: 40rem;
  }
  fieldset.student {
    margin: 0;
    padding: 0.5rem 0.85rem 0.85rem;
    gap: 0.75rem;
    border-width: 1.5px;
    background: color-mix(in srgb, var(--_accent) 4%, var(--_surface));
  }
  fieldset.student > legend {
    font-size: 1em;
  }
  .student-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
  }
  .summary {
    margin: 0;
    text-align: left;
  }
  .summary .part {
    white-space: nowrap;
  }
  button.small {
    min-width: 0;
    padding: 0.3rem 0.8rem;
  }
  .add {
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .add .help {
    flex: 1 1 12rem;
  }
  .row-1 {
    grid-template-columns: 1fr;
  }
  .row-k {
    grid-template-columns: 1fr 5.5rem;
  }
  .row-3 {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .row > .span {
    grid-column: 1 / -1;
  }
  /* In a card the explanation spans the row, so inputs line up even when a label wraps. */
  .student .row {
    row-gap: 0.25rem;
    align-items: end;
  }
  .preset-details {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    line-height: 1.4;
  }
  .preset-details dt {
    display: inline;
    font-weight: 700;
  }
  .preset-details dd {
    display: inline;
    margin: 0 0 0 0.3em;
  }
  fieldset.digits-group {
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    gap: 0.4rem;
  }
  fieldset.digits-group > legend {
    padding: 0;
    margin-bottom: 0.25rem;
    font-size: 1em;
    font-weight: 600;
  }
  .digits {
    display: grid;
    grid-template-columns: repeat(5, 1fr);
    gap: 0.4rem;
  }
  label.digit {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 44px;
    border: 1.5px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    font-size: 1.1em;
    cursor: pointer;
  }
  label.digit.checked {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  label.digit:has(input:disabled) {
    opacity: 0.55;
    cursor: not-allowed;
  }
  label.digit:has(input:focus-visible) {
    outline: 3px solid var(--distill-focus-color, #1a5fb4);
    outline-offset: 2px;
  }
  label.digit input:focus-visible {
    outline: none;
  }
  label.digit input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
`;
