/**
 * The 2-D lab's experiment schema: data sets, student shapes, every knob with its range and
 * default. Pure data, no DOM, no tfjs: the parameter table (./params.ts), the controls and the
 * worker all read their limits from here, so a range is stated once.
 */
import type { ActivationName, NumberRange, OptimizerName, ViewSettings } from '../../../state/common';

export { ACTIVATIONS, type ActivationName } from '../../../state/common';

/** 2-D data sets. `classes` is fixed per data set; the teacher for each is trained for it. */
export const DATASETS = ['spiral', 'moons', 'circles', 'clusters'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const DATASET_CLASSES: Record<DatasetName, number> = {
  spiral: 3,
  moons: 2,
  circles: 2,
  clusters: 5,
};


export const BATCH_SIZES = [8, 16, 32, 64, 128, 256] as const;

export const LIMITS = {
  temperature: { min: 1, max: 20, step: 0.5 },
  alpha: { min: 0, max: 1, step: 0.05 },
  /** Learning rate is edited on a log scale; these bounds are the values themselves. */
  learningRate: { min: 0.0001, max: 1, step: 0.0001 },
  hiddenLayers: { min: 1, max: 3, step: 1 },
  units: { min: 2, max: 64, step: 1 },
  seed: { min: 1, max: 999_999, step: 1 },
  /** Training points whose true label the students may use; the rest are answered by the teacher only. */
  labelled: { min: 5, max: 600, step: 1 },
} as const satisfies Record<string, NumberRange>;

/** Knobs that take effect on the next step, without a reset. */
export interface Knobs {
  temperature: number;
  alpha: number;
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
}

export interface StudentShape {
  /** Units per hidden layer, 1–3 layers of 2–64 units. */
  hidden: number[];
  activation: ActivationName;
}

/** Everything that defines a run: changing any of it except `knobs` starts a fresh run. */
export interface ExperimentConfig {
  lab: 'toy2d';
  dataset: DatasetName;
  seed: number;
  student: StudentShape;
  knobs: Knobs;
  /** Train a second student on hard labels only (on the very same batches when every point is labelled). */
  labelsOnly: boolean;
  /**
   * How many of the training points carry their true label (class-balanced, `LIMITS.labelled`).
   * The labels-only student trains on those alone; the distilled student also sees the teacher's
   * answers on every other point, as a student with access to a teacher (or its API) would.
   */
  labelled: number;
}

/** The 2-D lab's experiment plus the view settings, as its controls edit them; `lab` is the lab shown. */
export interface AppState extends Omit<ExperimentConfig, 'lab'>, ViewSettings {
  lab: string;
}

export const DEFAULT_KNOBS: Readonly<Knobs> = Object.freeze({
  temperature: 4,
  alpha: 0.9,
  learningRate: 0.01,
  batchSize: 32,
  optimizer: 'adam',
});

export const DEFAULT_STATE: Readonly<AppState> = Object.freeze({
  lab: 'toy2d',
  dataset: 'spiral',
  seed: 1,
  student: Object.freeze({ hidden: [16, 16], activation: 'relu' }) as StudentShape,
  knobs: DEFAULT_KNOBS as Knobs,
  labelsOnly: true,
  // Few labels, many teacher answers: the teacher's gain is plain within a few hundred steps
  // (README, "What to expect": npm run bench:sweep -- --dataset=spiral --hidden=16,16 --labelled=15,600).
  labelled: 15,
  backend: 'auto',
  speed: 100,
});

/** A deep copy of the defaults, safe to mutate. */
export function defaultState(): AppState {
  return {
    ...DEFAULT_STATE,
    student: { ...DEFAULT_STATE.student, hidden: [...DEFAULT_STATE.student.hidden] },
    knobs: { ...DEFAULT_STATE.knobs },
  };
}

export function experimentOf(state: AppState): ExperimentConfig {
  return {
    lab: 'toy2d',
    dataset: state.dataset,
    seed: state.seed,
    student: { hidden: [...state.student.hidden], activation: state.student.activation },
    knobs: { ...state.knobs },
    labelsOnly: state.labelsOnly,
    labelled: state.labelled,
  };
}
