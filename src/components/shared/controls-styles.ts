/**
 * The groups of a lab's settings panel, shared by every lab's controls element: the form flows
 * its fieldsets in columns (one in the narrow settings column, more where there is room), each
 * group a box with its legend. Fields and buttons inside come from `formStyles` (./fields).
 */
import { css } from 'lit';

export const controlsStyles = css`
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
`;
