/**
 * The trainer behind the worker's comlink API: backend choice, the play loop, live knobs and
 * throttled snapshots. Messaging-free, so Node tests drive it directly.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelCard } from '../models/teachers';
import type { MnistTeacherCard } from '../models/mnist/teacher';
import { MNIST_CLASSES, MNIST_PIXELS, validateMnistExperiment, validateMnistKnobs } from '../src/state/mnist';
import {
  DATASET_CLASSES,
  LIMITS,
  type BackendChoice,
  type DatasetName,
  type ExperimentConfig,
} from '../src/state/experiment';
import type { BackendRequest } from '../src/state/backend-choice';
import { chooseBackendFor, type TrialRun } from './auto-backend';
import { onDeviceLost, probeBackends, type BackendOptions } from './backend';
import { mnistActive, toy2dActive, type ActiveRun, type MnistActive } from './labs/active';
import { MnistRun } from './labs/mnist/lab';
import type { MnistData } from './labs/mnist/transfer';
import { DEFAULT_PROBES } from './labs/toy2d/datasets';
import { Toy2dRun } from './labs/toy2d/lab';
import type {
  AnyExperiment,
  AnyKnobs,
  BackendInfo,
  InitResult,
  LoadProgress,
  MnistConfig,
  Result,
  Snapshot,
  Toy2dInit,
  TrainerApi,
  TrainerError,
  TrainerErrorCode,
  TrainerListener,
} from './trainer-api';

export interface LoadedTeacher {
  model: tf.LayersModel;
  card: ModelCard;
}

export interface LoadedMnist {
  teacher: tf.LayersModel;
  card: MnistTeacherCard;
  train: MnistData;
  test: MnistData;
}

export interface TrainerDeps extends BackendOptions {
  /** Loads a teacher's weights and model card (browser: our own build's files; Node: the disk). */
  loadTeacher(dataset: DatasetName): Promise<LoadedTeacher>;
  /**
   * Loads the MNIST teacher and images, reporting progress (the images are megabytes). Called
   * again for each backend `auto` times: loaders keep the downloaded bytes, so only the teacher
   * is rebuilt.
   */
  loadMnist?(onProgress: (progress: LoadProgress) => void): Promise<LoadedMnist>;
  /** What `auto` may find here; defaults to the browser's own (WebGPU adapter, WebGL renderer). */
  probeBackends?: typeof probeBackends;
  now?: () => number;
}


/** At most this many snapshots per second reach the page. */
export const SNAPSHOTS_PER_SECOND = 30;
/** The heavy part of a snapshot (decision regions; a test-set evaluation) is refreshed less often. */
const HEAVY_INTERVAL_MS = 200;
/** At full speed, run steps for about this long between yields, so pause and knobs stay responsive. */
const CHUNK_BUDGET_MS = 12;
const MAX_STEPS_PER_CHUNK = 500;
/** Even on the slowest device the page hears from the trainer at least this often. */
const MAX_SNAPSHOT_GAP_MS = 5000;
/** examples/s is measured over at least this much wall time. */
const RATE_WINDOW_MS = 1500;

class TrainerFailure extends Error {
  constructor(readonly code: TrainerErrorCode, message: string) {
    super(message);
  }
}

function toError(error: unknown, fallback: TrainerErrorCode = 'internal'): TrainerError {
  if (error instanceof TrainerFailure) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: fallback, message };
}

/** Yields to the event loop without setTimeout's 4 ms clamp, so queued messages (pause) run. */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function validateConfig(config: AnyExperiment): string | null {
  if (config.lab === 'mnist') return validateMnistExperiment(config).join('; ') || null;
  if (!(config.dataset in DATASET_CLASSES)) return `Unknown data set "${String(config.dataset)}".`;
  const h = config.student.hidden;
  if (h.length < LIMITS.hiddenLayers.min || h.length > LIMITS.hiddenLayers.max) return 'The student needs 1 to 3 hidden layers.';
  if (h.some((u) => !Number.isInteger(u) || u < LIMITS.units.min || u > LIMITS.units.max)) return 'Each hidden layer needs 2 to 64 units.';
  return validateKnobs(config.knobs);
}

export function validateKnobs(knobs: AnyKnobs, lab: 'toy2d' | 'mnist' = 'toy2d'): string | null {
  if (lab === 'mnist') return validateMnistKnobs(knobs).join('; ') || null;
  const { temperature: T, alpha, learningRate, batchSize } = knobs;
  if (T !== undefined && !(T >= LIMITS.temperature.min && T <= LIMITS.temperature.max)) return 'Temperature must be between 1 and 20.';
  if (alpha !== undefined && !(alpha >= 0 && alpha <= 1)) return 'α must be between 0 and 1.';
  if (learningRate !== undefined && !(learningRate >= LIMITS.learningRate.min && learningRate <= LIMITS.learningRate.max)) {
    return 'Learning rate must be between 0.0001 and 1.';
  }
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 1024)) return 'Batch size must be a whole number from 1 to 1024.';
  return null;
}

export function createTrainer(deps: TrainerDeps): TrainerApi {
  const now = deps.now ?? (() => performance.now());
  let listener: TrainerListener | null = null;
  let backend: BackendInfo | null = null;
  let config: AnyExperiment | null = null;
  let run: ActiveRun | null = null;
  /** The 2-D lab's run behind `run`, for what only that lab has (probe points). */
  let toy2dRun: Toy2dRun | null = null;
  const teachers = new Map<DatasetName, LoadedTeacher>();
  let mnist: LoadedMnist | null = null;
  let probePoints: Float32Array | null = null;

  let playing = false;
  let loop: Promise<void> | null = null;
  let stepsPerSecond = 0;
  let lastSnapshotAt = -Infinity;
  let lastHeavyAt = -Infinity;
  /** What the last snapshot and heavy pass cost: on a slow device, snapshots thin out so training keeps most of the time. */
  let snapshotCost = 0;
  let heavyCost = 0;
  /** (time, examples) samples over the last ~second, for a steady examples/s. */
  let rate: { t: number; examples: number }[] = [];
  /** Serialises everything that touches the run, so a snapshot never reads a disposed model. */
  let busy: Promise<unknown> = Promise.resolve();

  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = busy.then(task, task);
    busy = next.catch(() => undefined);
    return next;
  }

  function report(error: TrainerError): void {
    listener?.error(error);
  }

  function examplesPerSecond(): number {
    if (rate.length < 2) return 0;
    const first = rate[0]!;
    const last = rate[rate.length - 1]!;
    const dt = (last.t - first.t) / 1000;
    return dt > 0 ? (last.examples - first.examples) / dt : 0;
  }

  /**
   * Samples (time, examples) after every chunk. The window always spans at least RATE_WINDOW_MS of
   * wall time, snapshot pauses included, so examples/s is what the user actually gets.
   */
  function noteRate(): void {
    if (!run) return;
    const t = now();
    rate.push({ t, examples: run.examplesSeen });
    while (rate.length > 2 && t - rate[1]!.t >= RATE_WINDOW_MS) rate.shift();
  }

  async function teacherFor(dataset: DatasetName): Promise<LoadedTeacher> {
    const cached = teachers.get(dataset);
    if (cached) return cached;
    let loaded: LoadedTeacher;
    listener?.progress({ phase: 'teacher', backend: backend?.name, loaded: 0, total: null });
    try {
      loaded = await deps.loadTeacher(dataset);
    } catch (error) {
      throw new TrainerFailure('teacher-load-failed', `Could not load the ${dataset} teacher: ${toError(error).message}`);
    }
    const shape = loaded.model.outputs[0]?.shape;
    const inputShape = loaded.model.inputs[0]?.shape;
    const classes = DATASET_CLASSES[dataset];
    if (!shape || shape[shape.length - 1] !== classes || !inputShape || inputShape[inputShape.length - 1] !== 2) {
      loaded.model.dispose();
      throw new TrainerFailure(
        'teacher-load-failed',
        `The ${dataset} teacher file does not fit this lab: it should map 2 inputs to ${classes} classes, but maps ${String(inputShape?.[1])} to ${String(shape?.[1])}.`,
      );
    }
    loaded.model.trainable = false;
    teachers.set(dataset, loaded);
    return loaded;
  }

  function disposeTeachers(): void {
    for (const t of teachers.values()) t.model.dispose();
    teachers.clear();
    mnist?.teacher.dispose();
    mnist = null;
  }

  async function mnistData(): Promise<LoadedMnist> {
    if (mnist) return mnist;
    if (!deps.loadMnist) throw new TrainerFailure('teacher-load-failed', 'This build has no MNIST data.');
    let loaded: LoadedMnist;
    try {
      loaded = await deps.loadMnist((p) => listener?.progress(p));
    } catch (error) {
      throw new TrainerFailure('teacher-load-failed', `Could not load the MNIST teacher or images: ${toError(error).message}`);
    }
    const out = loaded.teacher.outputs[0]?.shape;
    const input = loaded.teacher.inputs[0]?.shape;
    if (out?.[out.length - 1] !== MNIST_CLASSES || input?.[input.length - 1] !== MNIST_PIXELS) {
      loaded.teacher.dispose();
      throw new TrainerFailure(
        'teacher-load-failed',
        `The MNIST teacher file does not fit this lab: it should map ${MNIST_PIXELS} pixels to ${MNIST_CLASSES} digits, but maps ${String(input?.[1])} to ${String(out?.[1])}.`,
      );
    }
    loaded.teacher.trainable = false;
    mnist = loaded;
    return loaded;
  }

  async function snapshot(heavy: boolean): Promise<Snapshot> {
    const r = run;
    if (!r) throw new TrainerFailure('not-initialised', 'The trainer has no run yet.');
    const started = now();
    const exPerSecond = examplesPerSecond();
    const snap = await r.snapshot(
      {
        step: r.step,
        examplesSeen: r.examplesSeen,
        examplesPerSecond: exPerSecond,
        running: playing,
        // Step FLOPs scale with the batch, so FLOP/s = examples/s × FLOPs per example.
        flopsPerSecond: (perStep, batch) => (exPerSecond * perStep) / batch,
      },
      heavy,
    );
    const done = now();
    if (heavy) {
      lastHeavyAt = done;
      heavyCost = done - started;
    }
    lastSnapshotAt = done;
    snapshotCost = done - started;
    return snap;
  }

  /** Send a snapshot to the page; stop playing (and say why) if training has diverged. */
  async function publish(snap: Snapshot): Promise<void> {
    if (snap.step > 0 && run?.diverged(snap)) {
      playing = false;
      snap.running = false;
      listener?.snapshot(snap);
      report({
        code: 'diverged',
        message: `Training diverged at step ${snap.step} (the loss became NaN or infinite). Lower the learning rate, then press Reset.`,
      });
      return;
    }
    listener?.snapshot(snap);
  }

  async function buildRun(next: AnyExperiment): Promise<InitResult> {
    const problem = validateConfig(next);
    if (problem) throw new TrainerFailure('bad-config', problem);
    return next.lab === 'mnist' ? buildMnistRun(next) : buildToy2dRun(next);
  }

  /** The lab's run on the current backend, for timing only (no readout, no probes kept). */
  async function trialRun(next: AnyExperiment): Promise<TrialRun> {
    if (next.lab === 'mnist') {
      const data = await mnistData();
      return new MnistRun(next, data.teacher, { train: data.train, test: data.test });
    }
    const teacher = await teacherFor(next.dataset);
    return new Toy2dRun(next, teacher.model, new Float32Array(DEFAULT_PROBES[next.dataset].flat()));
  }

  /** Start the backend the request names, or for `auto` the remembered or measured fastest one. */
  function chooseBackend(request: BackendRequest, next: AnyExperiment): Promise<BackendInfo> {
    return chooseBackendFor(request, {
      options: deps,
      probe: deps.probeBackends ?? probeBackends,
      trialRun: () => trialRun(next),
      afterTrial: disposeTeachers,
      progress: (p) => listener?.progress(p),
      now,
    });
  }

  async function buildMnistRun(next: MnistConfig): Promise<InitResult> {
    const data = await mnistData();
    run?.dispose();
    run = null;
    toy2dRun = null;
    const active: MnistActive = mnistActive(new MnistRun(next, data.teacher, { train: data.train, test: data.test }), next, data.test);
    run = active;
    config = next;
    rate = [];
    listener?.progress({ phase: 'readout', backend: backend?.name, loaded: 0, total: null });
    const first = await snapshot(true);
    if (first.lab !== 'mnist') throw new TrainerFailure('internal', 'MNIST run produced a foreign snapshot.');
    return active.init(
      backend!,
      {
        name: data.card.name,
        architecture: data.card.architecture,
        parameters: data.card.parameters,
        testErrors: data.card.testErrors,
        testImages: data.card.testImages,
      },
      first,
    );
  }

  async function buildToy2dRun(next: ExperimentConfig): Promise<Toy2dInit> {
    const teacher = await teacherFor(next.dataset);
    const datasetChanged = !config || config.lab !== 'toy2d' || config.dataset !== next.dataset;
    if (datasetChanged || !probePoints) probePoints = new Float32Array(DEFAULT_PROBES[next.dataset].flat());
    run?.dispose();
    run = null;
    const current = new Toy2dRun(next, teacher.model, probePoints);
    run = toy2dActive(current);
    toy2dRun = current;
    config = next;
    rate = [];
    listener?.progress({ phase: 'readout', backend: backend?.name, loaded: 0, total: null });
    const first = await snapshot(true);
    if (first.lab !== 'toy2d') throw new TrainerFailure('internal', 'The 2-D run produced a foreign snapshot.');
    return {
      lab: 'toy2d',
      backend: backend!,
      dataset: {
        name: next.dataset,
        classes: current.classes,
        train: current.trainPoints(),
        test: current.testPoints(),
      },
      teacher: {
        name: teacher.card.name,
        architecture: teacher.card.architecture,
        parameters: teacher.card.parameters,
        trainAccuracy: teacher.card.trainAccuracy,
        testAccuracy: teacher.card.testAccuracy,
        regions: await current.teacherRegions(),
      },
      studentParameters: current.studentParameters,
      snapshot: first,
    };
  }

  async function startBackend(choice: BackendChoice | BackendRequest, next: AnyExperiment): Promise<void> {
    disposeTeachers();
    run?.dispose();
    run = null;
    backend = null;
    const request: BackendRequest = typeof choice === 'string' ? { choice } : choice;
    // An experiment that cannot run is refused before any backend is started or timed.
    const problem = validateConfig(next);
    if (problem) throw new TrainerFailure('bad-config', problem);
    backend = await chooseBackend(request, next);
    listener?.backend(backend);
    if (backend.name === 'webgpu') {
      const lostOn = backend;
      onDeviceLost((message) => {
        if (backend !== lostOn) return;
        playing = false;
        report({
          code: 'device-lost',
          message: `The GPU stopped responding (${message}). Switching to WebAssembly; your settings are kept, training restarts.`,
        });
        void api.setBackend({ choice: 'wasm' });
      });
    }
  }

  async function playLoop(): Promise<void> {
    let playStart = now();
    let stepsAtStart = run?.step ?? 0;
    let lastSpeed = stepsPerSecond;
    while (playing && run) {
      if (stepsPerSecond !== lastSpeed) {
        playStart = now();
        stepsAtStart = run.step;
        lastSpeed = stepsPerSecond;
      }
      const r = run;
      try {
        await exclusive(async () => {
          if (!playing || run !== r) return;
          const chunkStart = now();
          if (stepsPerSecond > 0) {
            const due = Math.floor(((now() - playStart) * stepsPerSecond) / 1000) - (r.step - stepsAtStart);
            // Bounded in time too: on a device slower than the chosen speed (MNIST on wasm runs
            // ~2 steps/s), the debt would otherwise become one chunk of hundreds of steps.
            for (let i = 0; i < Math.min(due, MAX_STEPS_PER_CHUNK); i++) {
              r.trainStep();
              if (now() - chunkStart >= CHUNK_BUDGET_MS) break;
            }
          } else {
            let n = 0;
            do {
              r.trainStep();
              n++;
            } while (n < MAX_STEPS_PER_CHUNK && now() - chunkStart < CHUNK_BUDGET_MS);
          }
          await r.sync();
          noteRate();
          const t = now();
          // Slow devices get fewer snapshots, so training keeps about three quarters of the time.
          if (t - lastSnapshotAt >= Math.min(MAX_SNAPSHOT_GAP_MS, Math.max(1000 / SNAPSHOTS_PER_SECOND, 3 * snapshotCost))) {
            await publish(await snapshot(t - lastHeavyAt >= Math.min(3 * MAX_SNAPSHOT_GAP_MS, Math.max(HEAVY_INTERVAL_MS, 8 * heavyCost))));
          }
        });
      } catch (error) {
        playing = false;
        report(toError(error));
        break;
      }
      if (stepsPerSecond > 0) {
        const nextDue = playStart + (((run?.step ?? 0) - stepsAtStart + 1) * 1000) / stepsPerSecond;
        await sleep(Math.max(0, Math.min(nextDue - now(), 1000 / SNAPSHOTS_PER_SECOND)));
      } else {
        await yieldToEventLoop();
      }
    }
    // A final snapshot, so the page shows exactly where training stopped.
    if (run) {
      try {
        await exclusive(async () => {
          if (run) await publish(await snapshot(true));
        });
      } catch (error) {
        report(toError(error));
      }
    }
  }

  async function guarded<T>(task: () => Promise<T>, code: TrainerErrorCode = 'internal'): Promise<Result<T>> {
    try {
      return { ok: true, value: await task() };
    } catch (error) {
      const e = toError(error, code);
      report(e);
      return { ok: false, error: e };
    }
  }

  async function stopPlaying(): Promise<void> {
    playing = false;
    await loop;
  }

  const api: TrainerApi = {
    async init(next, choice, newListener) {
      await stopPlaying();
      listener = newListener;
      return guarded(() =>
        exclusive(async () => {
          await startBackend(choice, next);
          config = null;
          return buildRun(next);
        }),
      );
    },

    async reset(next) {
      await stopPlaying();
      return guarded(() =>
        exclusive(async () => {
          if (!backend) throw new TrainerFailure('not-initialised', 'Call init before reset.');
          return buildRun(next);
        }),
      );
    },

    async setBackend(choice) {
      await stopPlaying();
      return guarded(() =>
        exclusive(async () => {
          const current = config;
          if (!current) throw new TrainerFailure('not-initialised', 'Call init before switching backend.');
          await startBackend(choice, current);
          config = null;
          return buildRun(current);
        }),
      );
    },

    async configure(knobs) {
      const problem = validateKnobs(knobs, config?.lab ?? 'toy2d');
      if (problem) {
        report({ code: 'bad-config', message: problem });
        return;
      }
      await exclusive(async () => {
        run?.configure(knobs);
        if (config) config = { ...config, knobs: { ...config.knobs, ...knobs } } as AnyExperiment;
        // While paused, show the effect of a new T (or bias correction) at once.
        if (!playing && run) await publish(await snapshot(false));
      });
    },

    async setSpeed(value) {
      stepsPerSecond = Math.max(0, value);
    },

    async play() {
      if (playing || !run) return;
      playing = true;
      rate = [];
      loop = playLoop().finally(() => {
        loop = null;
      });
    },

    async pause() {
      await stopPlaying();
    },

    async step(count = 1) {
      await stopPlaying();
      return guarded(() =>
        exclusive(async () => {
          if (!run) throw new TrainerFailure('not-initialised', 'Call init before step.');
          for (let i = 0; i < count; i++) run.trainStep();
          noteRate();
          await publish(await snapshot(true));
          return run.step;
        }),
      );
    },

    async setProbes(points) {
      return guarded(() =>
        exclusive(async () => {
          if (!run) throw new TrainerFailure('not-initialised', 'Call init before setting probes.');
          if (points.length < 2 || points.length % 2 !== 0 || points.some((v) => !Number.isFinite(v))) {
            throw new TrainerFailure('bad-config', 'Probe points must be finite (x, y) pairs.');
          }
          if (!toy2dRun || run?.lab !== 'toy2d') throw new TrainerFailure('bad-config', 'Probe points belong to the 2-D lab.');
          probePoints = Float32Array.from(points);
          toy2dRun.setProbes(probePoints);
          await publish(await snapshot(false));
        }),
      );
    },

    async setDigits(images, labels) {
      return guarded(() =>
        exclusive(async () => {
          if (!run || run.lab !== 'mnist') throw new TrainerFailure('bad-config', 'Digits belong to the MNIST lab.');
          try {
            (run as MnistActive).setDigits(images, labels);
          } catch (error) {
            throw new TrainerFailure('bad-config', toError(error).message);
          }
          await publish(await snapshot(false));
        }),
      );
    },

    async memory() {
      const m = tf.memory();
      return { numTensors: m.numTensors, numBytes: m.numBytes };
    },

    async dispose() {
      await stopPlaying();
      await exclusive(async () => {
        run?.dispose();
        run = null;
        disposeTeachers();
        config = null;
        listener = null;
      });
    },
  };
  return api;
}
