/**
 * The MNIST lab's experiment schema: students, objectives, what the teacher exposes, the transfer
 * set, every knob with its range and default, the presets that reproduce Hinton et al. (2015), the
 * students' URL tokens, and the per-class metrics the lab reports (the URL names, validation and
 * reset-vs-live live in the parameter table, ./params.ts). Pure data and arithmetic: no DOM,
 * no tfjs, so the worker, the controls, the bench and the unit tests all read one definition.
 */
import type { AccessLevel, NumberRange, OptimizerName } from '../../../state/common';

export { ACCESS_LEVELS, type AccessLevel } from '../../../state/common';

export const MNIST_CLASSES = 10;
export const MNIST_PIXELS = 784;
/** Images in the MNIST training set (the teacher's) and the test set. */
export const MNIST_TRAIN_COUNT = 60_000;
export const MNIST_TEST_COUNT = 10_000;
/**
 * Training images the playground ships (models/mnist/data/train-10000.dpmn, the first 10,000 of
 * the 60,000): the largest transfer set. The bench uses the very same images.
 */
export const MNIST_TRANSFER_MAX = 10_000;

/**
 * What a student learns from:
 * - `labels`: hard labels only (cross-entropy), the baseline;
 * - `kd`: Hinton's logit distillation, α · T² · KL(target_T ‖ student_T) + (1 − α) · CE(labels);
 * - `hints`: FitNets: a learned regressor maps a student hidden layer onto a teacher hidden layer
 *   (hint loss), then KD as above — in two stages or as a weighted sum (`hintMode`).
 */
export const OBJECTIVES = ['labels', 'kd', 'hints'] as const;
export type Objective = (typeof OBJECTIVES)[number];


/** `two-stage`: hint loss alone for `hintSteps` steps, then KD. `sum`: KD + hintWeight · hint from the start. */
export const HINT_MODES = ['two-stage', 'sum'] as const;
export type HintMode = (typeof HINT_MODES)[number];

/** The teacher layer a hint student's regressor is matched to; the guided student layer follows (see `guidedLayerIndex`). */
export const HINT_LAYERS = [1, 2] as const;
export type HintLayer = (typeof HINT_LAYERS)[number];

export const MNIST_OPTIMIZERS = ['adam', 'sgd'] as const satisfies readonly OptimizerName[];
export const MNIST_BATCH_SIZES = [16, 32, 64, 100, 128, 256] as const;

export const MNIST_LIMITS = {
  students: { min: 1, max: 3, step: 1 },
  hiddenLayers: { min: 1, max: 2, step: 1 },
  units: { min: 16, max: 800, step: 1 },
  /** k of top-k access: 10 would be the full distribution. */
  k: { min: 1, max: 9, step: 1 },
  temperature: { min: 1, max: 20, step: 0.5 },
  alpha: { min: 0, max: 1, step: 0.05 },
  learningRate: { min: 0.0001, max: 1, step: 0.0001 },
  hintWeight: { min: 0, max: 10, step: 0.1 },
  hintSteps: { min: 0, max: 10_000, step: 50 },
  transferSize: { min: 100, max: MNIST_TRANSFER_MAX, step: 100 },
  biasShift: { min: -10, max: 10, step: 0.1 },
  seed: { min: 1, max: 999_999, step: 1 },
} as const satisfies Record<string, NumberRange>;

export interface StudentSpec {
  /** Units per hidden layer: 1–2 layers of 16–800 units (ReLU). */
  hidden: number[];
  objective: Objective;
  /** What the teacher exposes to this student (ignored by `labels`). */
  access: AccessLevel;
  /** k for `topk` access. */
  k: number;
}

/** Knobs that take effect on the next step (or the next evaluation), without a reset. */
export interface MnistKnobs {
  temperature: number;
  /** Weight of the soft (teacher) term; 1 − α weighs the hard labels. */
  alpha: number;
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
  hintMode: HintMode;
  /** Weight of the hint loss in `sum` mode. */
  hintWeight: number;
  /** Steps of hint-only training in `two-stage` mode (counted from the run's start). */
  hintSteps: number;
  /** Evaluation only: add `biasShift` to the students' logits of the digits left out of the transfer set. */
  biasCorrection: boolean;
  /** Hinton 2015 raised the bias of the missing 3 by 3.5. */
  biasShift: number;
}

/** Which training images the students see. The teacher was trained on all 60,000. */
export interface TransferSet {
  /** Images drawn (by the run's seed) from those that pass the filters; capped by what is there (≤ 10,000 shipped). */
  size: number;
  /** Digits removed from the transfer set (Hinton's "no 3s" experiment). */
  excludeDigits: number[];
  /** If set, only these digits are kept (Hinton's "only 7s and 8s"). */
  onlyDigits?: number[];
}

/** Everything that defines a run: changing anything except `knobs` starts a fresh run. */
export interface MnistExperiment {
  seed: number;
  students: StudentSpec[];
  transfer: TransferSet;
  /** Teacher hidden layer the hint students regress onto. */
  hintLayer: HintLayer;
  knobs: MnistKnobs;
}

export const BIAS_CORRECTION_SHIFT = 3.5;

export const DEFAULT_MNIST_KNOBS: Readonly<MnistKnobs> = Object.freeze({
  temperature: 20,
  alpha: 0.9,
  learningRate: 0.001,
  batchSize: 128,
  optimizer: 'adam',
  hintMode: 'two-stage',
  hintWeight: 1,
  hintSteps: 100,
  biasCorrection: false,
  biasShift: BIAS_CORRECTION_SHIFT,
});

export function student(hidden: number[], objective: Objective, access: AccessLevel = 'full', k = 3): StudentSpec {
  return { hidden: [...hidden], objective, access, k };
}

/** Three students of one shape, one per objective: the side-by-side comparison every preset makes. */
function trio(hidden: number[]): StudentSpec[] {
  return [student(hidden, 'labels'), student(hidden, 'kd'), student(hidden, 'hints')];
}

/** The paper's setting the presets start from: three 2×800 students on every transfer image. */
export function paperBaseExperiment(): MnistExperiment {
  return {
    seed: 1,
    students: trio([800, 800]),
    transfer: { size: MNIST_TRANSFER_MAX, excludeDigits: [] },
    hintLayer: 1,
    knobs: { ...DEFAULT_MNIST_KNOBS },
  };
}

/** Labelled images in the default transfer set: few enough that labels alone overfit. */
export const DEFAULT_TRANSFER_SIZE = 1000;

/**
 * What the lab opens on: a first look that shows the teacher's gain within a few hundred steps.
 * Two 100-unit students (labels only, and logit KD at T = 4) on 1,000 labelled images: the
 * labels-only one overfits them, the distilled one learns from the teacher's full distribution
 * on the same images (README, "What to expect", measured by tests/bench/mnist-first-look.ts).
 */
export function defaultMnistExperiment(): MnistExperiment {
  return {
    seed: 1,
    students: [student([100], 'labels'), student([100], 'kd')],
    transfer: { size: DEFAULT_TRANSFER_SIZE, excludeDigits: [] },
    hintLayer: 1,
    knobs: { ...DEFAULT_MNIST_KNOBS, temperature: 4, learningRate: 0.003 },
  };
}

export function cloneMnistExperiment(e: MnistExperiment): MnistExperiment {
  return {
    seed: e.seed,
    students: e.students.map((s) => ({ ...s, hidden: [...s.hidden] })),
    transfer: {
      size: e.transfer.size,
      excludeDigits: [...e.transfer.excludeDigits],
      ...(e.transfer.onlyDigits ? { onlyDigits: [...e.transfer.onlyDigits] } : {}),
    },
    hintLayer: e.hintLayer,
    knobs: { ...e.knobs },
  };
}

/**
 * The student hidden layer (0-based) whose output a hint student regresses onto teacher layer
 * `hintLayer`: the same depth, or the student's last hidden layer when it has fewer layers.
 */
export function guidedLayerIndex(studentHidden: readonly number[], hintLayer: HintLayer): number {
  return Math.min(hintLayer, studentHidden.length) - 1;
}

export interface MnistPreset {
  id: PresetId;
  title: string;
  /** What the paper reports for this setting, quoted beside our numbers. */
  paper: string;
  /** What to look for, in a sentence. */
  summary: string;
  /** Our fixed step budget (the bench's and the playground's "run preset"). */
  steps: number;
  /** Far fewer steps than the paper: said next to our figure. */
  stepsNote: string;
  experiment: MnistExperiment;
}

export const PRESET_IDS = ['hinton', 'small-student', 'small-transfer', 'no-threes'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

function preset(
  id: PresetId,
  title: string,
  paper: string,
  summary: string,
  steps: number,
  patch: { students: StudentSpec[]; transfer?: Partial<TransferSet>; knobs?: Partial<MnistKnobs>; hintLayer?: HintLayer },
): MnistPreset {
  const base = paperBaseExperiment();
  const knobs = { ...base.knobs, ...patch.knobs };
  const size = Math.min(patch.transfer?.size ?? MNIST_TRANSFER_MAX, MNIST_TRANSFER_MAX);
  const epochs = (steps * knobs.batchSize) / size;
  return {
    id,
    title,
    paper,
    summary,
    steps,
    stepsNote: `${steps.toLocaleString('en-US')} steps of ${knobs.batchSize} (${epochs < 10 ? epochs.toFixed(1) : Math.round(epochs)} passes over ${size.toLocaleString('en-US')} transfer images); the paper trained on up to 60,000 images for far longer`,
    experiment: {
      ...base,
      students: patch.students,
      transfer: { ...base.transfer, ...patch.transfer },
      hintLayer: patch.hintLayer ?? base.hintLayer,
      knobs,
    },
  };
}

/** The four presets of issue #4, each beside the paper's figure. */
export const PRESETS: readonly MnistPreset[] = [
  preset(
    'hinton',
    'Hinton 2015: 2×800 student, T = 20',
    'Teacher (2×1200, dropout, jitter): 67 test errors. 2×800 student without regularisation: 146 errors on hard labels, 74 with soft targets at T = 20.',
    'Soft targets act as a regulariser: the distilled student closes much of the gap to the teacher.',
    450,
    { students: trio([800, 800]), knobs: { temperature: 20, alpha: 0.9 } },
  ),
  preset(
    'small-student',
    'Small student: 2×30 units, T = 3',
    'With 300 or more units per layer, all T above 8 gave similar results; with 30 units per layer, T of 2.5–4 worked significantly better than higher or lower T.',
    'Too low a T hides the dark knowledge: at T = 1–2 the small student gains little over labels, from T ≈ 3 on it gains most. (The paper also found high T worse for 30 units; after 1,200 steps we measure T = 3, 4, 8 and 20 alike.)',
    1200,
    // Hints as a weighted sum: hint-only training first (two-stage) kills a third to a half of a
    // 30-unit guided layer's ReLUs at this learning rate (measured by tests/bench/hinton.ts).
    { students: trio([30, 30]), knobs: { temperature: 3, alpha: 0.9, learningRate: 0.003, hintMode: 'sum', hintWeight: 1 } },
  ),
  preset(
    'small-transfer',
    'Small transfer set: 1,000 labelled images',
    'Speech, 3 % of the training data: hard labels 44.5 % frame accuracy (overfitting), soft targets 57.0 % — close to the 58.9 % of the full data set (Hinton 2015, Table 3).',
    'A soft target carries far more information than a label: with few images, the distilled student wins clearly.',
    300,
    { students: trio([800, 800]), transfer: { size: 1000 }, knobs: { temperature: 20, alpha: 0.9, hintSteps: 100 } },
  ),
  preset(
    'no-threes',
    'Dark knowledge: no 3s in the transfer set',
    'Transfer set without 3s: 206 errors, 133 of them on the 1,010 threes; raising the 3 bias by 3.5: 109 errors, 14 on threes.',
    'The student never sees a 3, yet learns what one looks like from how the teacher rates other digits; the 3 bias is only too low.',
    450,
    { students: trio([800, 800]), transfer: { excludeDigits: [3] }, knobs: { temperature: 20, alpha: 0.9 } },
  ),
];

export function presetById(id: string): MnistPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

// ---------------------------------------------------------------------------------------------
// Transfer-set filters

/** Digits that pass the transfer-set filters, ascending. */
export function digitsKept(t: TransferSet): number[] {
  const out: number[] = [];
  for (let d = 0; d < MNIST_CLASSES; d++) {
    if (t.excludeDigits.includes(d)) continue;
    if (t.onlyDigits && !t.onlyDigits.includes(d)) continue;
    out.push(d);
  }
  return out;
}

/** Digits the students never see a label or image of (the bias correction raises their logits). */
export function digitsLeftOut(t: TransferSet): number[] {
  const kept = digitsKept(t);
  return Array.from({ length: MNIST_CLASSES }, (_, d) => d).filter((d) => !kept.includes(d));
}

// ---------------------------------------------------------------------------------------------
// Metrics

export interface ClassMetrics {
  /** Test images classified wrongly. */
  errors: number;
  /** Test images. */
  count: number;
  errorRate: number;
  /** Per true digit: how many were misclassified, and how many there were. */
  perClassErrors: number[];
  perClassCount: number[];
  /** Row = true digit, column = predicted digit, row-major, `classes × classes`. */
  confusion: Int32Array;
}

/** Confusion matrix (row = true class, column = predicted class) from labels and predictions. */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes = MNIST_CLASSES): Int32Array {
  if (labels.length !== predictions.length) throw new RangeError(`${labels.length} labels for ${predictions.length} predictions`);
  const m = new Int32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) m[labels[i]! * classes + predictions[i]!]! += 1;
  return m;
}

/** Errors overall and per true class, read off a confusion matrix. */
export function classMetrics(confusion: Int32Array, classes = MNIST_CLASSES): ClassMetrics {
  if (confusion.length !== classes * classes) throw new RangeError(`confusion matrix must be ${classes}×${classes}`);
  const perClassErrors: number[] = [];
  const perClassCount: number[] = [];
  for (let r = 0; r < classes; r++) {
    let row = 0;
    for (let c = 0; c < classes; c++) row += confusion[r * classes + c]!;
    perClassCount.push(row);
    perClassErrors.push(row - confusion[r * classes + r]!);
  }
  const errors = perClassErrors.reduce((s, v) => s + v, 0);
  const count = perClassCount.reduce((s, v) => s + v, 0);
  return { errors, count, errorRate: count ? errors / count : 0, perClassErrors, perClassCount, confusion };
}

// ---------------------------------------------------------------------------------------------
// A student's URL token (the parameter table's `s1`…`s3`).

/**
 * A student as a URL token: layer sizes joined by `.`, the objective, then the access level
 * (`full`, `top1`, or `k<k>` for top-k), dash-separated: `800.800-kd-full`, `30-hints-k3`,
 * `800-labels`. Only unreserved URL characters, so links stay readable.
 */
export function encodeStudent(s: StudentSpec): string {
  const parts = [s.hidden.join('.'), s.objective];
  // A labels-only student ignores the access level; it is written only when set, so a link
  // such as `30-labels-k5` reads back as itself.
  if (s.objective !== 'labels' || s.access !== 'full') parts.push(s.access === 'topk' ? `k${s.k}` : s.access);
  return parts.join('-');
}

export function decodeStudent(token: string): StudentSpec | undefined {
  const [hidden, objective, access = 'full'] = token.split('-');
  if (!hidden || !objective) return undefined;
  const units = hidden.split('.').map(Number);
  const spec: StudentSpec = { hidden: units, objective: objective as Objective, access: 'full', k: 3 };
  if (access === 'full' || access === 'top1') spec.access = access;
  else if (/^k\d+$/.test(access)) {
    spec.access = 'topk';
    spec.k = Number(access.slice(1));
  } else return undefined;
  if (!OBJECTIVES.includes(spec.objective)) return undefined;
  const ok =
    units.length >= MNIST_LIMITS.hiddenLayers.min &&
    units.length <= MNIST_LIMITS.hiddenLayers.max &&
    units.every((u) => Number.isInteger(u) && u >= MNIST_LIMITS.units.min && u <= MNIST_LIMITS.units.max) &&
    spec.k >= MNIST_LIMITS.k.min &&
    spec.k <= MNIST_LIMITS.k.max;
  return ok ? spec : undefined;
}
