/**
 * The one typed API between the page and the trainer worker. Types only: both sides import it
 * with `import type`, so nothing here ever runs, and tfjs never reaches the main thread.
 */
import type { BackendChoice, BackendName } from '../src/state/common';
import type { AutoChoice, BackendRequest } from '../src/state/backend-choice';
import type { Problem } from '../src/labs/problems';
import type { LabId, LabSnapshot, RunSizes, SnapshotCommon } from '../src/labs/types';

export type { AutoChoice, BackendRequest, BackendTrial } from '../src/state/backend-choice';

export type { LabId, LabSnapshot, ProgressUnit, RunSizes, SnapshotCommon } from '../src/labs/types';

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
  /** Plain English, for logs and embedders; the page renders `problems` through i18n where present. */
  message: string;
  /** For `bad-config`: what is wrong, as codes with parameters. */
  problems?: Problem[];
}

/** What `init`, `reset` and `setBackend` return: the lab's own info `I`, the backend, the first snapshot. */
export type LabInit<I = object, R = object> = I & {
  lab: LabId;
  backend: BackendInfo;
  sizes: RunSizes;
  /** The first snapshot, before any training step. */
  snapshot: LabSnapshot<R>;
};

/** A snapshot of any lab; each lab narrows it with its own readout type (`src/labs/<lab>/shared/readouts.ts`). */
export type Snapshot = LabSnapshot<{ lab: LabId }>;
export type InitResult = LabInit<{ lab: LabId }, { lab: LabId }>;

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
  /**
   * While training, between snapshots: the common fields only (step, examples seen and per
   * second, compute). Sent when the lab's readout is too dear to send this often (a slow device),
   * so the step counter moves at least every PULSE_GAP_MS; the lab's readout is the last snapshot's.
   */
  pulse(common: SnapshotCommon): void;
  error(error: TrainerError): void;
  backend(info: BackendInfo): void;
  progress(progress: LoadProgress): void;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TrainerError };

/**
 * The one contract between the page and the worker. It never changes per lab: experiments, knobs,
 * inputs and readouts are each lab's own types (`src/labs/<lab>/shared/`), seen here as data.
 */
export interface TrainerApi {
  /** Pick a backend (for `auto`: by timing this lab), load the lab's teacher and data, build a run. Replaces any earlier run. */
  init(lab: LabId, experiment: unknown, backend: BackendChoice | BackendRequest, listener: TrainerListener): Promise<Result<InitResult>>;
  /**
   * Start a fresh run on the same backend: of `experiment` in the same lab, or in `lab` when given
   * (a lab switch). Knob-only changes need `configure`.
   */
  reset(experiment: unknown, lab?: LabId): Promise<Result<InitResult>>;
  /** Switch backend; the run restarts on the new one. */
  setBackend(backend: BackendChoice | BackendRequest): Promise<Result<InitResult>>;
  /** Live knobs of the current lab: take effect on the next step. */
  configure(knobs: Record<string, unknown>): Promise<void>;
  /** Steps per second while playing; 0 = as fast as possible. */
  setSpeed(stepsPerSecond: number): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Run `count` steps (default 1), push one snapshot through the listener, return the step reached. */
  step(count?: number): Promise<Result<number>>;
  /**
   * A named input for the current lab (the 2-D lab's `probes`, the MNIST lab's `digits`; a typed
   * prefix, an environment seed, an uploaded teacher); a snapshot follows through the listener.
   */
  input(name: string, payload: unknown): Promise<Result<void>>;
  /** Live tensors and bytes of the worker's tfjs engine. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  dispose(): Promise<void>;
}
