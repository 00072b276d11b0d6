/**
 * `auto` in the worker: reuse this device's earlier choice when it still starts; otherwise probe
 * the backends, set aside software renderers, time a few of the lab's own training steps on each
 * backend left (about MEASURE_BUDGET_MS in all) and start the fastest. The decisions themselves
 * are pure (src/state/backend-choice.ts); this module does the starting and the timing.
 */
import * as tf from '@tensorflow/tfjs';
import {
  backendsToTime,
  fastest,
  sliceFor,
  untimedTrials,
  type BackendProbe,
  type BackendRequest,
  type BackendTrial,
} from '../src/state/backend-choice';
import { BACKEND_PREFERENCE, type BackendName } from '../src/state/common';
import { selectBackend, tryBackend, type BackendOptions } from './backend';
import type { BackendInfo, LoadProgress } from './trainer-api';

/** The lab's run for a few timed steps while `auto` measures. */
export interface TrialRun {
  readonly examplesSeen: number;
  trainStep(): void;
  sync(): Promise<void>;
  dispose(): void;
}

/** Chunks of steps while timing grow to at most this many. */
const MAX_TIMED_CHUNK = 256;

export interface AutoDeps {
  options: BackendOptions;
  probe(): Promise<BackendProbe[]>;
  /** The lab's run on the current backend (loading its teacher there). */
  trialRun(): Promise<TrialRun>;
  /** Called after each trial, to free what the trial loaded on its backend (the teacher). */
  afterTrial(): void;
  progress(progress: LoadProgress): void;
  now(): number;
}

/**
 * Examples/s of `r` over about `sliceMs`, after one warm-up step (shader compilation, first
 * allocations). Chunks double in size with a sync after each, so a GPU backend, whose steps
 * return when queued, is timed on finished work and never overshoots the slice by much.
 */
export async function timeSteps(r: TrialRun, sliceMs: number, now: () => number): Promise<number> {
  r.trainStep();
  await r.sync();
  const start = now();
  const examples0 = r.examplesSeen;
  let chunk = 1;
  do {
    for (let i = 0; i < chunk; i++) r.trainStep();
    await r.sync();
    chunk = Math.min(chunk * 2, MAX_TIMED_CHUNK);
  } while (now() - start < sliceMs);
  const seconds = (now() - start) / 1000;
  return seconds > 0 ? (r.examplesSeen - examples0) / seconds : 0;
}

/** Start `name`, or the next backend in preference order that starts (never fails: cpu always does). */
async function startNamed(name: BackendName, requested: BackendInfo['requested'], deps: AutoDeps): Promise<BackendInfo> {
  deps.progress({ phase: 'backend', backend: name, loaded: 0, total: null });
  const info = await selectBackend(name, deps.options);
  return { ...info, requested };
}

/** With a single candidate there is nothing to choose between, so nothing is timed. */
async function measure(deps: AutoDeps): Promise<BackendInfo> {
  const probes = await deps.probe();
  const plan = backendsToTime(probes);
  const trials: BackendTrial[] = [];
  const started = deps.now();
  if (plan.length > 1) {
    for (const [i, name] of plan.entries()) {
      deps.progress({ phase: 'measure', backend: name, loaded: i, total: plan.length });
      const up = await tryBackend(name, deps.options);
      if (!('adapter' in up)) {
        trials.push({ name, outcome: 'unavailable', reason: up.reason });
        continue;
      }
      let r: TrialRun | null = null;
      try {
        r = await deps.trialRun();
        const examplesPerSecond = await timeSteps(r, sliceFor(deps.now() - started, plan.length - i), deps.now);
        trials.push({ name, outcome: 'timed', adapter: up.adapter, examplesPerSecond });
      } catch (error) {
        // A lab that cannot load at all fails the same way on the chosen backend, and says so there.
        trials.push({ name, outcome: 'unavailable', adapter: up.adapter, reason: error instanceof Error ? error.message : String(error) });
      } finally {
        r?.dispose();
        deps.afterTrial();
      }
    }
  } else if (plan[0]) {
    trials.push({ name: plan[0], outcome: 'not-needed', adapter: probes.find((p) => p.name === plan[0])?.adapter });
  }
  trials.push(...untimedTrials(probes, plan));
  trials.sort((a, b) => BACKEND_PREFERENCE.indexOf(a.name) - BACKEND_PREFERENCE.indexOf(b.name));
  const winner = fastest(trials) ?? 'cpu';
  const info = await startNamed(winner, 'auto', deps);
  const chosen = trials.find((t) => t.name === winner);
  if (chosen && !chosen.adapter) chosen.adapter = info.adapter;
  info.auto = { trials, remembered: false, measuredAt: Date.now() };
  return info;
}

/** Start the backend a request names, or for `auto` the remembered or measured fastest one. */
export async function chooseBackendFor(request: BackendRequest, deps: AutoDeps): Promise<BackendInfo> {
  if (request.choice !== 'auto') return startNamed(request.choice, request.choice, deps);
  const remembered = request.remembered;
  if (remembered && BACKEND_PREFERENCE.includes(remembered.name)) {
    deps.progress({ phase: 'backend', backend: remembered.name, loaded: 0, total: null });
    const up = await tryBackend(remembered.name, deps.options);
    if ('adapter' in up) {
      await tf.ready();
      return { name: remembered.name, requested: 'auto', adapter: up.adapter, auto: { ...remembered.auto, remembered: true } };
    }
    // The remembered backend no longer starts (a driver update, a new blocklist): measure again.
  }
  return measure(deps);
}
