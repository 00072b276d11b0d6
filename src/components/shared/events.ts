/**
 * The public `distill-*` events of the view elements: detail types and their entries in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('distill-change', e => e.detail…)` is typed.
 * All are bubbling and composed: they cross shadow roots up to the embedding page.
 */
import type { AppState } from '../../labs/toy2d/shared/schema';

/** A partial state update. `knobs` and `student`, when present, are the whole merged objects. */
export type DistillChangeDetail = Partial<AppState>;

export type DistillCommand = 'play' | 'pause' | 'step' | 'reset';
export interface DistillCommandDetail {
  command: DistillCommand;
}

/** A probe chosen in the probe cards (`distill-logits`). */
export interface DistillProbeSelectDetail {
  index: number;
}

/** A point picked on a decision-region map, in data coordinates (`distill-regions`). */
export interface DistillProbePickDetail {
  x: number;
  y: number;
}

/** The status notice was dismissed (`distill-status`). */
export interface DistillMessageDismissDetail {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface DistillEventMap {
  'distill-change': CustomEvent<DistillChangeDetail>;
  'distill-command': CustomEvent<DistillCommandDetail>;
  'distill-probe-select': CustomEvent<DistillProbeSelectDetail>;
  'distill-probe-pick': CustomEvent<DistillProbePickDetail>;
  'distill-message-dismiss': CustomEvent<DistillMessageDismissDetail>;
}

/** Dispatches a bubbling, composed `distill-*` event from `target`. */
export function emit<K extends keyof DistillEventMap>(
  target: EventTarget,
  type: K,
  detail: DistillEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap extends DistillEventMap {}
}

// MNIST lab views (issue #4). Declared as a second `DistillEventMap` block, which TypeScript
// merges with the one above, so these entries reach `GlobalEventHandlersEventMap` too.

/** A test digit chosen in the strip (`distill-digits`): its index in `DigitReadout`. */
export interface DistillDigitSelectDetail {
  index: number;
}

/** A stroke finished on the drawing pad (`distill-digits`): the whole drawing, MNIST-like. */
export interface DistillDigitDrawnDetail {
  /** 784 values 0–1, row-major 28 × 28: scaled to a 20 × 20 box and centred by mass, like MNIST. */
  image: Float32Array;
}

export interface DistillEventMap {
  'distill-digit-select': CustomEvent<DistillDigitSelectDetail>;
  'distill-digit-drawn': CustomEvent<DistillDigitDrawnDetail>;
}

// MNIST lab controls (`distill-mnist-controls`). Named apart from `distill-change`, whose detail is
// the 2-D lab's `Partial<AppState>`: a page listening to both panels keeps both typed.

/**
 * What the user changed in the MNIST controls: the whole updated experiment (a fresh deep copy),
 * or one of the view settings it shares with the 2-D lab.
 */
export type DistillMnistChangeDetail =
  | { mnist: import('../../labs/mnist/shared/schema').MnistExperiment }
  | { backend: import('../../state/common').BackendChoice }
  | { speed: import('../../state/common').Speed };

/** A preset chosen in the MNIST controls: its id in `PRESETS` (src/state/mnist.ts). */
export interface DistillPresetDetail {
  id: import('../../labs/mnist/shared/schema').PresetId;
}

export interface DistillEventMap {
  'distill-mnist-change': CustomEvent<DistillMnistChangeDetail>;
  'distill-preset': CustomEvent<DistillPresetDetail>;
}

// The shared run controls (`distill-run-controls`). Each lab panel re-emits this as its own change
// event (`distill-change`, `distill-mnist-change`) and stops it, so a page sees what it saw before.

/** Speed or backend chosen in `<distill-run-controls>`. */
export type DistillRunChangeDetail =
  | { speed: import('../../state/common').Speed }
  | { backend: import('../../state/common').BackendChoice };

export interface DistillEventMap {
  'distill-run-change': CustomEvent<DistillRunChangeDetail>;
}
