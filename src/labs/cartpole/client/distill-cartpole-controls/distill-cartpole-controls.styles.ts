import { css } from 'lit';

/** What the CartPole controls add to the shared groups (../../../../components/shared/controls-styles). */
export const cartpoleControlsStyles = css`
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75rem;
  }
  .note {
    margin: 0;
  }
`;
