import { css } from 'lit';

/**
 * The GPU table of `<distill-cost>`: words wrap so that it fits a wide card, figures never break
 * inside ("989 / TFLOP/s"), and on narrow screens it scrolls sideways inside its own box, with a
 * shadow at the edge that has more columns (see `scrollCueStyles`).
 */
export const costTableStyles = css`
  .scroll {
    border-radius: 4px;
  }
  .catalog th,
  .catalog td {
    padding: 0.35rem 0.45rem;
  }
  .catalog .figure,
  .catalog .fig {
    white-space: nowrap;
  }
  .catalog .price .money {
    white-space: nowrap;
  }
  .catalog thead th {
    vertical-align: bottom;
  }
  /* Translucent, so the scroll shadows show through the tinted rows. */
  .catalog tr[data-gpu='browser'] {
    background: color-mix(in srgb, var(--_browser) 7%, transparent);
  }
  .catalog tr[data-gpu='h800'] {
    background: color-mix(in srgb, var(--_gpu) 7%, transparent);
  }
`;
