/**
 * The 2-D lab's view events (`distill-controls`, `distill-logits`, `distill-regions`), added to the
 * kit's `DistillEventMap` so `emit` and `addEventListener` know them.
 */
import type { AppState } from '../shared/schema';

/** A partial state update. `knobs` and `student`, when present, are the whole merged objects. */
export type DistillChangeDetail = Partial<AppState>;

/** A probe chosen in the probe cards (`distill-logits`). */
export interface DistillProbeSelectDetail {
  index: number;
}

/** A point picked on a decision-region map, in data coordinates (`distill-regions`). */
export interface DistillProbePickDetail {
  x: number;
  y: number;
}

declare module '../../../components/shared/events' {
  interface DistillEventMap {
    'distill-change': CustomEvent<DistillChangeDetail>;
    'distill-probe-select': CustomEvent<DistillProbeSelectDetail>;
    'distill-probe-pick': CustomEvent<DistillProbePickDetail>;
  }
}
