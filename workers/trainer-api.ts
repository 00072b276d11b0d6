/**
 * The one typed API between the page and the trainer worker. Types only: both sides import it
 * with `import type`, so nothing here ever runs, and tfjs never reaches the main thread.
 */
import type {
  BackendChoice,
  BackendName,
  DatasetName,
  ExperimentConfig,
  Knobs,
} from '../src/state/experiment';
import type { AutoChoice, BackendRequest } from '../src/state/backend-choice';
import type { MnistExperiment, MnistKnobs } from '../src/state/mnist';

export type { AutoChoice, BackendRequest, BackendTrial } from '../src/state/backend-choice';

/** The MNIST lab's experiment, tagged with its lab like the 2-D lab's `ExperimentConfig`. */
export type MnistConfig = MnistExperiment & { lab: 'mnist' };
/** What `init` and `reset` take: an experiment of either lab. */
export type AnyExperiment = ExperimentConfig | MnistConfig;
/** Live knobs of either lab (each lab ignores what it does not have). */
export type AnyKnobs = Partial<Knobs> & Partial<MnistKnobs>;

export interface BackendInfo {
  /** The backend tfjs is running on. */
  name: BackendName;
  /** What the user (or `auto`) asked for. */
  requested: BackendChoice;
  /** A readable description of the device, e.g. "swiftshader" for WebGPU or the wasm features. */
  adapter: string;
  /** Set when the requested backend could not start and another was used instead. */
  fallbackReason?: string;
  /** For `auto`: what was measured (or remembered) and set aside, so the page can say why. */
  auto?: AutoChoice;
}

export type TrainerErrorCode =
  | 'backend-unavailable'
  | 'teacher-load-failed'
  | 'diverged'
  | 'device-lost'
  | 'bad-config'
  | 'not-initialised'
  | 'internal';

/** Errors cross the worker boundary as plain data (comlink drops error classes). */
export interface TrainerError {
  code: TrainerErrorCode;
  message: string;
}

export interface ModelMetrics {
  /** Mean KL(teacher ‖ model) at T = 1 over the test set, in nats. */
  klToTeacher: number;
  /** Mean cross-entropy against the true labels over the test set, in nats. */
  hardLoss: number;
  /** Fraction of test points classified correctly, 0–1. */
  accuracy: number;
}

export interface TeacherMetrics {
  hardLoss: number;
  accuracy: number;
}

/**
 * Probe points: a few inputs whose full output distributions are shown as bars.
 * Distributions are row-major, `count × classes`.
 */
export interface ProbeReadout {
  count: number;
  classes: number;
  /** Probe inputs, `count × 2`. */
  points: Float32Array;
  /** The temperature the `…AtT` distributions were computed at. */
  temperature: number;
  teacherAtT: Float32Array;
  studentAtT: Float32Array;
  labelsOnlyAtT: Float32Array | null;
  teacherAt1: Float32Array;
  studentAt1: Float32Array;
  labelsOnlyAt1: Float32Array | null;
  /** KL(teacher ‖ student) at T = 1 for each probe, in nats. */
  klStudent: Float32Array;
  klLabelsOnly: Float32Array | null;
}

/** A model's decision regions on a square grid over `extent`. */
export interface RegionsReadout {
  /** Cells per side; cell (i, j) is row i from the top (largest y), column j from the left. */
  size: number;
  /** [xmin, xmax, ymin, ymax] of the grid. */
  extent: [number, number, number, number];
  /** Predicted class per cell, `size × size`. */
  argmax: Uint8Array;
  /** Probability of the predicted class per cell, scaled to 0–255. */
  confidence: Uint8Array;
}

/** What every snapshot carries, whatever the lab. */
export interface SnapshotCommon {
  step: number;
  examplesSeen: number;
  /** Transfer-set examples trained on per second, over the last second or so (a step on a batch of B counts B, however many students share it). */
  examplesPerSecond: number;
  running: boolean;
  /**
   * Training compute, counted from the layer shapes (src/cost/flops.ts): teacher forward plus each
   * student's forward and backward pass, per step. Evaluation and probe passes are not counted.
   */
  flops: { perStep: number; total: number; perSecond: number };
}

export interface Toy2dSnapshot extends SnapshotCommon {
  lab: 'toy2d';
  knobs: Knobs;
  teacher: TeacherMetrics;
  student: ModelMetrics;
  labelsOnly: ModelMetrics | null;
  /** Training loss of the last step (the distillation objective) and its two parts. */
  trainLoss: { total: number; soft: number; hard: number };
  probes: ProbeReadout;
  /** Present only in some snapshots (regions change slowly and cost a grid pass). */
  regions?: { student: RegionsReadout; labelsOnly: RegionsReadout | null };
}

export interface MnistSnapshot extends SnapshotCommon {
  lab: 'mnist';
  knobs: MnistKnobs;
  /** Training loss of the last step per student; NaN where a term is not part of its objective now. */
  losses: { total: number; soft: number; hard: number; hint: number }[];
  mnist: MnistReadout;
}

export type Snapshot = Toy2dSnapshot | MnistSnapshot;

export interface LabeledPoints {
  /** `count × 2` inputs. */
  x: Float32Array;
  /** Class index per point. */
  y: Uint8Array;
  count: number;
}

export interface TeacherCard {
  name: string;
  architecture: string;
  parameters: number;
  trainAccuracy: number;
  testAccuracy: number;
}

export interface Toy2dInit {
  lab: 'toy2d';
  backend: BackendInfo;
  dataset: { name: DatasetName; classes: number; train: LabeledPoints; test: LabeledPoints };
  teacher: TeacherCard & { regions: RegionsReadout };
  studentParameters: number;
  /** The first snapshot, before any training step. */
  snapshot: Toy2dSnapshot;
}

export interface MnistInit {
  lab: 'mnist';
  backend: BackendInfo;
  teacher: { name: string; architecture: string; parameters: number; testErrors: number; testImages: number };
  students: { id: string; label: string; parameters: number }[];
  /** Images in the transfer set, and the digits left out of it. */
  transfer: { size: number; digitsLeftOut: number[] };
  snapshot: MnistSnapshot;
}

export type InitResult = Toy2dInit | MnistInit;

/** What the worker is doing while a run starts, for the page to show ("Starting WebAssembly… · loading teacher 40 %"). */
export interface LoadProgress {
  /**
   * - `backend`: starting `backend`;
   * - `measure`: `auto` is timing the lab's steps on `backend` (`loaded` of `total` backends done);
   * - `teacher`, `test-images`, `train-images`: downloading (`loaded` of `total` bytes, total null when unknown);
   * - `readout`: computing the first readout before any training step.
   */
  phase: 'backend' | 'measure' | 'teacher' | 'test-images' | 'train-images' | 'readout';
  backend?: BackendName;
  loaded: number;
  total: number | null;
}

/** Callbacks the page hands to the worker (wrapped in `Comlink.proxy`). */
export interface TrainerListener {
  snapshot(snapshot: Snapshot): void;
  error(error: TrainerError): void;
  backend(info: BackendInfo): void;
  progress(progress: LoadProgress): void;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TrainerError };

export interface TrainerApi {
  /** Pick a backend, load the teacher, build the students. Replaces any earlier run. */
  init(config: AnyExperiment, backend: BackendChoice | BackendRequest, listener: TrainerListener): Promise<Result<InitResult>>;
  /** Start a fresh run with a new config on the same backend (knob-only changes need `configure`). */
  reset(config: AnyExperiment): Promise<Result<InitResult>>;
  /** Switch backend; the run restarts on the new one. */
  setBackend(backend: BackendChoice | BackendRequest): Promise<Result<InitResult>>;
  /** Live knobs: take effect on the next step. */
  configure(knobs: AnyKnobs): Promise<void>;
  /** Steps per second while playing; 0 = as fast as possible. */
  setSpeed(stepsPerSecond: number): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Run `count` steps (default 1), push one snapshot through the listener, return the step reached. */
  step(count?: number): Promise<Result<number>>;
  /** Replace the probe points (`count × 2`); a snapshot follows through the listener. */
  setProbes(points: Float32Array): Promise<Result<void>>;
  /** MNIST lab: the images whose distributions the snapshots show (`count × 784`, 0–1), e.g. a drawn digit. */
  setDigits(images: Float32Array, labels: Uint8Array): Promise<Result<void>>;
  /** Live tensors and bytes of the worker's tfjs engine. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  dispose(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// MNIST lab readouts (issue #4). View-facing: students are described by readable labels, so the
// views need not know the lab's schema.

/** Errors of one model on the 10,000-image MNIST test set. */
export interface MnistErrors {
  /** Misclassified test images, out of `total`. */
  errors: number;
  total: number;
  /** Misclassified images per true digit 0–9, and how many test images of that digit exist. */
  perClass: { errors: number[]; totals: number[] };
  /** Row = true digit, column = predicted digit; 10 × 10, row-major. Present in some readouts only. */
  confusion?: Uint32Array;
}

export interface MnistStudentReadout {
  /** Stable id within the run, e.g. "a", "b", "c". */
  id: string;
  /** Short readable description, e.g. "KD · full · 2×800" or "Labels only · 30 units". */
  label: string;
  parameters: number;
  test: MnistErrors;
}

/** Output distributions for a few digit images (the strip and the drawing canvas). */
export interface DigitReadout {
  count: number;
  /** The images shown, `count × 784`, 0–1, row-major 28 × 28. */
  images: Float32Array;
  /** True digit per image, or 255 for a drawn one. */
  labels: Uint8Array;
  temperature: number;
  /** `count × 10` each. */
  teacherAtT: Float32Array;
  teacherAt1: Float32Array;
  /** One entry per student, in the order of `MnistReadout.students`. */
  students: { atT: Float32Array; at1: Float32Array }[];
}

export interface MnistReadout {
  teacher: MnistErrors;
  students: MnistStudentReadout[];
  digits: DigitReadout;
  /** Whether the students' errors include the +3.5 correction on the 3 logit (dark-knowledge preset). */
  biasCorrection: boolean;
}
