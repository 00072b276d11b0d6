/**
 * The experiment's schema: every knob, its range and its default. Pure data, no DOM, no tfjs:
 * the URL state, the controls and the worker all read their limits from here, so a range is
 * stated once.
 */
import { toy2dNeedsReset } from '../labs/toy2d/shared/params';

export const LABS = ['toy2d', 'mnist'] as const;
export type LabName = (typeof LABS)[number];

/** 2-D data sets. `classes` is fixed per data set; the teacher for each is trained for it. */
export const DATASETS = ['spiral', 'moons', 'circles', 'clusters'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const DATASET_CLASSES: Record<DatasetName, number> = {
  spiral: 3,
  moons: 2,
  circles: 2,
  clusters: 5,
};

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;
/** The order in which `auto` tries backends: fastest first. */
export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const ACTIVATIONS = ['relu', 'tanh'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const BATCH_SIZES = [8, 16, 32, 64, 128, 256] as const;

/** Steps per second the play loop aims for; 0 means as fast as the backend allows. */
export const SPEEDS = [2, 10, 30, 100, 0] as const;
export type Speed = (typeof SPEEDS)[number];

export interface NumberRange {
  min: number;
  max: number;
  step: number;
}

export const LIMITS = {
  temperature: { min: 1, max: 20, step: 0.5 },
  alpha: { min: 0, max: 1, step: 0.05 },
  /** Learning rate is edited on a log scale; these bounds are the values themselves. */
  learningRate: { min: 0.0001, max: 1, step: 0.0001 },
  hiddenLayers: { min: 1, max: 3, step: 1 },
  units: { min: 2, max: 64, step: 1 },
  seed: { min: 1, max: 999_999, step: 1 },
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
  /** Train a second student on hard labels only, on the very same batches. */
  labelsOnly: boolean;
}

/** View settings that live in the URL but do not change what is computed. */
export interface ViewSettings {
  backend: BackendChoice;
  speed: Speed;
}

/** The 2-D lab's experiment plus the view settings; `lab` says which lab the page shows. */
export interface AppState extends Omit<ExperimentConfig, 'lab'>, ViewSettings {
  lab: LabName;
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
  };
}

/**
 * True when moving from `a` to `b` needs a fresh run (anything but the live knobs changed).
 * A wrapper over the 2-D lab's parameter table, kept while callers move to src/labs/.
 */
export function needsReset(a: ExperimentConfig, b: ExperimentConfig): boolean {
  return a.lab !== b.lab || toy2dNeedsReset(a, b);
}

/** Parameters of a dense MLP: weights plus biases of each layer. */
export function mlpParameterCount(inputs: number, hidden: readonly number[], outputs: number): number {
  let total = 0;
  let fanIn = inputs;
  for (const units of [...hidden, outputs]) {
    total += fanIn * units + units;
    fanIn = units;
  }
  return total;
}
