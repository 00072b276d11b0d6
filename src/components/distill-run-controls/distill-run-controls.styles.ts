import { css } from 'lit';

export const runControlsStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 0.9rem;
  }
  button.primary {
    background: var(--_accent);
    color: #fff;
    min-width: 7rem;
  }
  button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 85%, black);
  }
  .icon-play::before {
    content: '\\25B6';
  }
  .icon-pause::before {
    content: '\\275A\\275A';
    letter-spacing: -0.1em;
  }
`;
