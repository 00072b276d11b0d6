/**
 * The MNIST lab's view events (`distill-digits`, `distill-mnist-controls`), added to the kit's
 * `DistillEventMap` so `emit` and `addEventListener` know them. The controls' change event is
 * named apart from the 2-D lab's `distill-change`, so a page listening to both keeps both typed.
 */
import type { BackendChoice, Speed } from '../../../state/common';
import type { MnistExperiment, PresetId } from '../shared/schema';

/** A test digit chosen in the strip (`distill-digits`): its index in `DigitReadout`. */
export interface DistillDigitSelectDetail {
  index: number;
}

/** A stroke finished on the drawing pad (`distill-digits`): the whole drawing, MNIST-like. */
export interface DistillDigitDrawnDetail {
  /** 784 values 0–1, row-major 28 × 28: scaled to a 20 × 20 box and centred by mass, like MNIST. */
  image: Float32Array;
}

/**
 * What the user changed in the MNIST controls: the whole updated experiment (a fresh deep copy),
 * or one of the view settings it shares with the other labs.
 */
export type DistillMnistChangeDetail = { mnist: MnistExperiment } | { backend: BackendChoice } | { speed: Speed };

/** A preset chosen in the MNIST controls: its id in `PRESETS` (../shared/schema.ts). */
export interface DistillPresetDetail {
  id: PresetId;
}

declare module '../../../components/shared/events' {
  interface DistillEventMap {
    'distill-digit-select': CustomEvent<DistillDigitSelectDetail>;
    'distill-digit-drawn': CustomEvent<DistillDigitDrawnDetail>;
    'distill-mnist-change': CustomEvent<DistillMnistChangeDetail>;
    'distill-preset': CustomEvent<DistillPresetDetail>;
  }
}
