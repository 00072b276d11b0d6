import { css } from 'lit';

/** The controls' groups; fields and buttons come from the kit's `formStyles`. */
export const cartpoleControlsStyles = css`
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
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75rem;
  }
  .note {
    margin: 0;
  }
`;
