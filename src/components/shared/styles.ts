/**
 * Styles every view element shares: readable defaults for projectors (≥ 16 px type, visible
 * focus rings), the theme's custom properties with their fallbacks, and a visually-hidden helper.
 */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--distill-font-family, inherit);
    font-size: var(--distill-font-size, max(16px, 1rem));
    line-height: 1.45;
    color: var(--distill-text-color, #1b1b1f);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--distill-focus-color, #1a5fb4);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** Bar fills and line samples per role; colours overridable through `--distill-*-color`. */
export const roleStyles = css`
  :host {
    --_teacher: var(--distill-teacher-color, #0072b2);
    --_student: var(--distill-student-color, #d55e00);
    --_labels: var(--distill-labels-color, #000000);
  }
  .fill-teacher {
    background: var(--_teacher);
  }
  .fill-student {
    background-color: color-mix(in srgb, var(--_student) 22%, white);
    background-image: repeating-linear-gradient(
      135deg,
      var(--_student) 0 4px,
      transparent 4px 7px
    );
    box-shadow: inset 0 0 0 1.5px var(--_student);
  }
  .fill-labelsOnly {
    background-color: color-mix(in srgb, var(--_labels) 8%, white);
    background-image: radial-gradient(circle, var(--_labels) 1.25px, transparent 1.75px);
    background-size: 6px 6px;
    background-position: 1px 1px;
    box-shadow: inset 0 0 0 1.5px var(--_labels);
  }
`;

/** The role legend above bars and charts: one row of swatch + name items. */
export const legendStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.4rem;
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.45rem;
    font-weight: 600;
  }
`;
