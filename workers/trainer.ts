/**
 * The lab-agnostic engine behind the worker's comlink API: backend choice, the lab's loads (kept
 * while the backend lasts), the play loop and its pacing, throttled snapshots, device loss and
 * errors. It knows no lab: each lab's worker face (`src/labs/<lab>/worker/`) loads, checks and
 * creates runs. Messaging-free, so Node tests drive it directly.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../src/state/common';
import type { BackendRequest } from '../src/state/backend-choice';
import { en } from '../src/i18n/en';
import type { Problem } from '../src/labs/problems';
import type { LabId, LabRun, LabWorker, Loaded, SnapshotCommon } from '../src/labs/types';
import { chooseBackendFor, type TrialRun } from './auto-backend';
import { onDeviceLost, probeBackends, type BackendOptions } from './backend';
import { createPacer } from './pacing';
import { TeacherLoadError } from './teacher-check';
import type { BackendInfo, InitResult, Result, Snapshot, TrainerApi, TrainerError, TrainerErrorCode, TrainerListener } from './trainer-api';

export interface TrainerDeps extends BackendOptions {
  /** A lab's worker face by id (the browser imports it lazily; Node tests pass their own). */
  lab(id: LabId): LabWorker | undefined | Promise<LabWorker | undefined>;
  /** What `auto` may find here; defaults to the browser's own (WebGPU adapter, WebGL renderer). */
  probeBackends?: typeof probeBackends;
  now?: () => number;
}

export { SNAPSHOTS_PER_SECOND } from './pacing';

class TrainerFailure extends Error {
  constructor(
    readonly code: TrainerErrorCode,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
  }
}

function toError(error: unknown, fallback: TrainerErrorCode = 'internal'): TrainerError {
  if (error instanceof TrainerFailure) return { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) };
  if (error instanceof TeacherLoadError) return { code: 'teacher-load-failed', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: fallback, message };
}

/** Plain English for logs and embedders; the page renders the codes in its own language. */
function describe(problems: Problem[]): string {
  return problems.map((p) => en.problems.sentence(p)).join(' ');
}

function refuseProblems(problems: Problem[]): void {
  if (problems.length) throw new TrainerFailure('bad-config', `This experiment cannot run: ${describe(problems)}`, problems);
}

export function createTrainer(deps: TrainerDeps): TrainerApi {
  const now = deps.now ?? (() => performance.now());
  let listener: TrainerListener | null = null;
  let backend: BackendInfo | null = null;
  let labId: LabId | null = null;
  let face: LabWorker | null = null;
  let experiment: unknown = null;
  let run: LabRun | null = null;
  /** What the lab loaded on this backend, by its load key; freed when the backend changes. */
  const loads = new Map<string, Loaded>();
  const pacer = createPacer(now);
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

  async function faceOf(id: LabId): Promise<LabWorker> {
    const found = await deps.lab(id);
    if (!found) throw new TrainerFailure('bad-config', `There is no lab "${id}".`);
    return found;
  }

  function freeLoads(): void {
    for (const l of loads.values()) l.dispose();
    loads.clear();
  }

  async function loadFor(f: LabWorker, e: unknown): Promise<Loaded> {
    const key = `${f.shared.id}:${f.loadKey(e)}`;
    const kept = loads.get(key);
    if (kept) return kept;
    const loaded = await f.load(e, { progress: (phase, loaded, total) => listener?.progress({ phase, backend: backend?.name, loaded, total }) });
    loads.set(key, loaded);
    return loaded;
  }

  async function snapshot(heavy: boolean): Promise<Snapshot> {
    const r = run;
    if (!r || !face) throw new TrainerFailure('not-initialised', 'The trainer has no run yet.');
    const started = now();
    const perSecond = pacer.examplesPerSecond();
    const readout = await r.readout(heavy);
    const snap = { ...readout, ...common(r, face, perSecond) } as Snapshot;
    pacer.snapshotTaken(heavy, now() - started);
    return snap;
  }

  /** The fields every snapshot has: where the run is, how fast it goes, what it has cost. */
  function common(r: LabRun, f: LabWorker, perSecond: number): SnapshotCommon {
    const perStep = r.stepFlops();
    return {
      lab: f.shared.id,
      step: r.step,
      examplesSeen: r.examplesSeen,
      examplesPerSecond: perSecond,
      unit: f.shared.unit,
      running: pacer.playing,
      // Step FLOPs scale with the batch, so FLOP/s = examples/s × FLOPs per example.
      flops: { perStep, total: r.flopsDone, perSecond: (perSecond * perStep) / Math.max(1, r.batchSize) },
    };
  }

  /** Between snapshots on a slow device: the common fields only, nothing read from the device. */
  function pulse(): void {
    if (run && face) listener?.pulse(common(run, face, pacer.examplesPerSecond()));
  }

  /** Send a snapshot to the page; stop playing (and say why) if training has diverged. */
  function publish(snap: Snapshot): void {
    if (snap.step > 0 && run?.diverged(snap)) {
      pacer.playing = false;
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

  let refineQueued = false;
  /**
   * While paused, a partial readout (a test-set pass measured in chunks) is completed in the
   * background: one heavy snapshot per turn, each its own exclusive task, so commands get in
   * between. Stops at Play (which refines as it goes), a new run, or once the readout is whole.
   */
  function refineWhilePaused(): void {
    const r = run;
    if (refineQueued || !r?.refining?.()) return;
    refineQueued = true;
    setTimeout(() => {
      refineQueued = false;
      exclusive(async () => {
        if (run !== r || pacer.playing || !r.refining?.()) return false;
        publish(await snapshot(true));
        return true;
      }).then(
        (again) => again && refineWhilePaused(),
        (error: unknown) => report(toError(error)),
      );
    }, 0);
  }

  /** A fresh run of `next` in lab `f` on the current backend, and what `init` returns for it. */
  async function buildRun(f: LabWorker, next: unknown): Promise<InitResult> {
    refuseProblems(f.shared.validate(next));
    const loaded = await loadFor(f, next);
    const carried = run && face === f ? (run.carry?.(next) ?? null) : null;
    run?.dispose();
    run = null;
    run = f.createRun(next, loaded, carried);
    face = f;
    labId = f.shared.id;
    experiment = f.shared.clone(next);
    pacer.newRun();
    listener?.progress({ phase: 'readout', backend: backend?.name, loaded: 0, total: null });
    const first = await snapshot(true);
    const info = await run.info();
    return { ...info, lab: f.shared.id, backend: backend!, sizes: run.sizes(), snapshot: first } as InitResult;
  }

  /** The lab's run on the current backend, for `auto`'s timing only. */
  async function trialRun(f: LabWorker, next: unknown): Promise<TrialRun> {
    return f.createRun(next, await loadFor(f, next), null);
  }

  async function startBackend(choice: BackendChoice | BackendRequest, f: LabWorker, next: unknown): Promise<void> {
    freeLoads();
    run?.dispose();
    run = null;
    backend = null;
    // An experiment that cannot run is refused before any backend is started or timed.
    refuseProblems(f.shared.validate(next));
    const request: BackendRequest = typeof choice === 'string' ? { choice } : choice;
    backend = await chooseBackendFor(request, {
      options: deps,
      probe: deps.probeBackends ?? probeBackends,
      trialRun: () => trialRun(f, next),
      afterTrial: freeLoads,
      progress: (p) => listener?.progress(p),
      now,
    });
    listener?.backend(backend);
    if (backend.name === 'webgpu') {
      const lostOn = backend;
      onDeviceLost((message) => {
        if (backend !== lostOn) return;
        pacer.playing = false;
        report({
          code: 'device-lost',
          message: `The GPU stopped responding (${message}). Switching to WebAssembly; your settings are kept, training restarts.`,
        });
        void api.setBackend({ choice: 'wasm' });
      });
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

  function current(): { f: LabWorker; r: LabRun } {
    if (!face || !run) throw new TrainerFailure('not-initialised', 'Call init first.');
    return { f: face, r: run };
  }

  const api: TrainerApi = {
    async init(lab, next, choice, newListener) {
      await pacer.stop();
      listener = newListener;
      return guarded(() =>
        exclusive(async () => {
          const f = await faceOf(lab);
          await startBackend(choice, f, next);
          face = null;
          return buildRun(f, next);
        }),
      );
    },

    async reset(next, lab) {
      await pacer.stop();
      return guarded(() =>
        exclusive(async () => {
          if (!backend || !labId) throw new TrainerFailure('not-initialised', 'Call init before reset.');
          return buildRun(await faceOf(lab ?? labId), next);
        }),
      );
    },

    async setBackend(choice) {
      await pacer.stop();
      return guarded(() =>
        exclusive(async () => {
          const f = face;
          if (!f || experiment === null) throw new TrainerFailure('not-initialised', 'Call init before switching backend.');
          const next = experiment;
          await startBackend(choice, f, next);
          face = null;
          return buildRun(f, next);
        }),
      );
    },

    async configure(knobs) {
      const problems = face?.shared.validateKnobs(knobs) ?? [];
      if (problems.length) {
        report({ code: 'bad-config', message: `These settings cannot be used: ${describe(problems)}`, problems });
        return;
      }
      await exclusive(async () => {
        if (!run || !face) return;
        run.configure(knobs);
        const e = experiment as { knobs?: Record<string, unknown> } | null;
        if (e?.knobs) experiment = { ...e, knobs: { ...e.knobs, ...knobs } };
        // While paused, show the effect of a new T (or bias correction) at once.
        if (!pacer.playing) publish(await snapshot(false));
      });
      if (!pacer.playing) refineWhilePaused();
    },

    async setSpeed(value) {
      pacer.stepsPerSecond = Math.max(0, value);
    },

    async play() {
      if (pacer.playing || !run) return;
      pacer.start({
        run: () => run,
        exclusive,
        snapshot,
        publish,
        pulse,
        fail: (error) => report(toError(error)),
      });
    },

    async pause() {
      await pacer.stop();
      refineWhilePaused();
    },

    async step(count = 1) {
      await pacer.stop();
      const result = await guarded(() =>
        exclusive(async () => {
          const { r } = current();
          for (let i = 0; i < count; i++) r.trainStep();
          pacer.noteRate(r.examplesSeen);
          publish(await snapshot(true));
          return r.step;
        }),
      );
      refineWhilePaused();
      return result;
    },

    async input(name, payload) {
      return guarded(() =>
        exclusive(async () => {
          const { r } = current();
          try {
            r.input(name, payload);
          } catch (error) {
            throw new TrainerFailure('bad-config', toError(error).message);
          }
          publish(await snapshot(false));
        }),
      );
    },

    async memory() {
      // Between tasks, so a background refinement never counts its tensors in flight.
      return exclusive(async () => {
        const m = tf.memory();
        return { numTensors: m.numTensors, numBytes: m.numBytes };
      });
    },

    async dispose() {
      await pacer.stop();
      await exclusive(async () => {
        run?.dispose();
        run = null;
        freeLoads();
        face = null;
        labId = null;
        experiment = null;
        listener = null;
      });
    },
  };
  return api;
}
