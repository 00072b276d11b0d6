import { css } from 'lit';

export const statusStyles = css`
  :host {
    --_muted: var(--distill-muted-color, #4a4d57);
    --_radius: var(--distill-radius, 10px);
  }
  .line {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.75rem;
    font-variant-numeric: tabular-nums;
  }
  .state {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 700;
    padding: 0.1rem 0.65rem;
    border-radius: 999px;
    border: 1.5px solid currentColor;
  }
  .state::before {
    content: '';
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: currentColor;
  }
  .state.training {
    color: var(--distill-running-color, #007a55);
  }
  .state.paused {
    color: var(--_muted);
  }
  .state.starting {
    color: var(--distill-info-color, #0072b2);
  }
  .state.starting::before {
    background: conic-gradient(currentColor 0 75%, transparent 75%);
    animation: distill-spin 1s linear infinite;
  }
  @keyframes distill-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .state.starting::before {
      animation: none;
    }
  }
  .pending {
    font-weight: 600;
  }
  .why {
    margin: 0.2rem 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .state.paused::before {
    border-radius: 1px;
    width: 0.55rem;
    background: linear-gradient(to right, currentColor 0 35%, transparent 35% 65%, currentColor 65%);
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    margin-top: 0.6rem;
    padding: 0.6rem 0.6rem 0.6rem 0.9rem;
    border-radius: var(--_radius);
    border: 1.5px solid;
    border-left-width: 6px;
  }
  .notice.info {
    border-color: var(--distill-info-color, #0072b2);
    background: color-mix(in srgb, var(--distill-info-color, #0072b2) 8%, white);
  }
  .notice.warning {
    border-color: var(--distill-warning-color, #b36b00);
    background: color-mix(in srgb, var(--distill-warning-color, #b36b00) 10%, white);
  }
  .notice.error {
    border-color: var(--distill-error-color, #b3261e);
    background: color-mix(in srgb, var(--distill-error-color, #b3261e) 8%, white);
  }
  .notice .text {
    flex: 1;
    align-self: center;
  }
  .notice .kind {
    font-weight: 700;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 40px;
    padding: 0.2rem 0.9rem;
    border-radius: calc(var(--_radius) * 0.7);
    border: 1.5px solid currentColor;
    background: #fff;
    color: inherit;
    cursor: pointer;
  }
`;
