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

/**
 * A box that scrolls sideways when its content is too wide (`.scroll-x`), with a shadow at each
 * edge that still has content beyond it: the cue that there is more to see. The shadows are
 * "scroll" backgrounds, covered by "local" ones that move with the content and hide them at the ends.
 */
export const scrollCueStyles = css`
  .scroll-x {
    overflow-x: auto;
    max-width: 100%;
    /* The containing block of visually-hidden (absolute) text inside: without it that text sits
       at its place in the scrolled content but outside the clip, and widens the page. */
    position: relative;
    --_cue-bg: var(--distill-surface-color, #ffffff);
    background:
      linear-gradient(to right, var(--_cue-bg) 40%, transparent) left / 2.5rem 100% no-repeat local,
      linear-gradient(to left, var(--_cue-bg) 40%, transparent) right / 2.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.35), transparent) left / 1rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.35), transparent) right / 1rem 100% no-repeat scroll;
  }
`;
