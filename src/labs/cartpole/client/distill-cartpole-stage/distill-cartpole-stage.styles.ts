import { css } from 'lit';

export const stageStyles = css`
  .stage {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr);
    gap: 1rem;
    align-items: start;
  }
  canvas {
    width: 100%;
    aspect-ratio: 14 / 5;
    display: block;
    border: 1px solid var(--distill-border-color, #d7d7de);
    border-radius: 8px;
    background: var(--distill-surface-color, #ffffff);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem 0.9rem;
    align-items: end;
    margin-top: 0.6rem;
  }
  .controls .field {
    min-width: 10rem;
  }
  .lines {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.2rem;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .agree {
    font-weight: 700;
  }
  .key {
    display: inline-block;
    width: 1.6em;
    height: 0.7em;
    margin-right: 0.35em;
    vertical-align: middle;
  }
  .key.student {
    background: var(--_student);
  }
  .key.teacher {
    border: 2px dashed var(--_teacher);
  }
  .waiting {
    color: var(--distill-muted-color, #4a4a55);
  }
  @container (max-width: 700px) {
    .stage {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
