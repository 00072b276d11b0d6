/**
 * The browser half of `npm run bench:native`: the MNIST lab's own training step (MnistRun, three
 * 784-800-800-10 students, batch 128, Adam) on the wasm backend, in a worker like the app's, with
 * no UI and no comlink. Two cases, as the PyTorch half (native.py) runs them:
 *  - `cached`: labels, KD and KD students from the teacher's cached logits (the default preset
 *    after its hint stage, once every transfer image has been drawn): no teacher pass at all;
 *  - `teacher`: the same students while the cache still fills (first pass over a 10,000-image
 *    transfer set): every step also runs the teacher forward on its 128 images.
 * Also profiles a few steps kernel by kernel (`tf.profile`): where the time goes.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../workers/backend';
import { wasmPaths } from '../../workers/wasm-paths';
import { loadMnistInBrowser } from '../../src/labs/mnist/worker/load-browser';
import { MnistRun } from '../../src/labs/mnist/worker/run';
import { defaultMnistExperiment, student, type MnistExperiment } from '../../src/labs/mnist/shared/schema';
import { GEMM_KERNEL } from '../../workers/wasm-kernels/kernels';
import { gemmIsFused } from '../../workers/wasm-kernels/gemm';
import { fmaPeakGflops } from './fma-peak';

export interface StepCase {
  case: 'cached' | 'teacher';
  steps: number;
  msPerStep: number;
  flopsPerStep: number;
  gflops: number;
}

export interface NativeStepResult {
  backend: string;
  adapter: string;
  threads: number;
  crossOriginIsolated: boolean;
  cases: StepCase[];
  /** Per kernel over the profiled `cached` steps: calls and ms per step. */
  kernels: KernelTime[];
  /** The cached step's generated-GEMM calls by shape (A's · B's, as stored): calls, ms and FLOPs per step. */
  products: KernelTime[];
  /** The same for `teacher` steps (the teacher's forward pass, the cache's update). */
  teacherKernels: KernelTime[];
  /** ms of each of a fresh worker's first steps (a new run's, teacher included): compiling included. */
  firstSteps: number[];
  /** This core's 128-bit multiply-add peak (fma-peak.ts), GFLOP/s: the best of runs before and after the steps. */
  fmaPeakGflops: number;
  /** Whether the GEMM (and that peak) multiply-add fused (relaxed SIMD). */
  fused: boolean;
}

/** Steps timed one by one from a fresh worker. */
const FIRST_STEPS = 30;

/** The Hinton 2015 preset's students, labels, KD and KD (what its hint student becomes after FitNets' stage 1), T = 20. */
function experiment(size: number): MnistExperiment {
  const e = defaultMnistExperiment();
  const students = [student([800, 800], 'labels'), student([800, 800], 'kd'), student([800, 800], 'kd')];
  return { ...e, students, transfer: { size, excludeDigits: [] }, knobs: { ...e.knobs, batchSize: 128, temperature: 20, alpha: 0.9, learningRate: 0.001, optimizer: 'adam' } };
}

interface KernelTime {
  name: string;
  calls: number;
  ms: number;
  /** FLOPs per step, for the generated GEMM (2·M·N·K of each call, from its shapes). */
  flops?: number;
}

type Tally = Map<string, { calls: number; ms: number; flops: number }>;

/** Adds one profiled call (a share 1 / `profiled` of a step) to `key`'s line of `tally`. */
function tallyCall(tally: Tally, key: string, ms: number, flops: number, profiled: number): void {
  const e = tally.get(key) ?? { calls: 0, ms: 0, flops: 0 };
  e.calls += 1 / profiled;
  e.ms += ms / profiled;
  e.flops += flops / profiled;
  tally.set(key, e);
}

/** Calls and ms per step of each kernel, and of each shape of the generated GEMM, over `profiled` steps (tf.profile). */
async function profileSteps(run: MnistRun, profiled: number): Promise<{ kernels: KernelTime[]; products: KernelTime[] }> {
  const byKernel: Tally = new Map();
  const byShape: Tally = new Map();
  for (let i = 0; i < profiled; i++) {
    const p = await tf.profile(() => run.trainStep());
    // 'forward' is the custom-gradient dense layer's wrapper: its matMul and add are listed too.
    for (const k of p.kernels.filter((k) => k.name !== 'forward')) {
      const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      if (k.name !== GEMM_KERNEL) {
        tallyCall(byKernel, k.name, ms, 0, profiled);
        continue;
      }
      // C [M×N] = A · B with B [K×N] (or Aᵀ · B: the same B).
      const flops = 2 * k.outputShapes[0]![0]! * k.outputShapes[0]![1]! * k.inputShapes[1]![0]!;
      tallyCall(byKernel, k.name, ms, flops, profiled);
      // Each product shape on its own line too: A's shape · B's shape.
      tallyCall(byShape, `${k.inputShapes[0]!.join('×')} · ${k.inputShapes[1]!.join('×')}`, ms, flops, profiled);
    }
  }
  const list = (tally: Tally) =>
    [...tally].map(([name, v]) => ({ name, calls: Math.round(v.calls), ms: v.ms, ...(v.flops > 0 ? { flops: v.flops } : {}) })).sort((a, b) => b.ms - a.ms);
  return { kernels: list(byKernel), products: list(byShape) };
}

/** ms of each of `steps` steps, in order. */
async function stepTimes(run: MnistRun, steps: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    run.trainStep();
    // The app's loop syncs every chunk; here every step, so the time is the step's own.
    await run.sync();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Median ms per step (robust to a busy machine) and mean FLOPs per step over `steps` steps. */
async function timeSteps(run: MnistRun, steps: number): Promise<{ ms: number; flops: number }> {
  await run.sync();
  const flops0 = run.flopsDone;
  const times = (await stepTimes(run, steps)).sort((a, b) => a - b);
  return { ms: times[times.length >> 1]!, flops: (run.flopsDone - flops0) / steps };
}

async function measure(steps: number): Promise<NativeStepResult> {
  const info = await selectBackend('wasm', { wasmPaths });
  const loaded = await loadMnistInBrowser(() => {});
  const data = { train: loaded.train, test: loaded.test };
  const cases: StepCase[] = [];
  const fused = gemmIsFused();
  const peakBefore = fmaPeakGflops(fused);

  // Warm-up: the first steps of a backend compile and grow its memory. Timed one by one, as a
  // visitor's first run meets them: every cache row new, every kernel compiled on first use.
  const warm = new MnistRun(experiment(10_000), loaded.teacher, data);
  const firstSteps = await stepTimes(warm, FIRST_STEPS);
  warm.dispose();

  // Teacher: the first pass over 10,000 images, every row new to the cache.
  const fresh = new MnistRun(experiment(10_000), loaded.teacher, data);
  for (let i = 0; i < 2; i++) fresh.trainStep();
  const t = await timeSteps(fresh, Math.min(steps, 60));
  const { kernels: teacherKernels } = await profileSteps(fresh, 3);
  fresh.dispose();

  // Cached: a 3,000-image transfer set is wholly cached after 24 steps of 128 (a smaller one,
  // many passes over few images, saturates the students: tiny gradients, slower float math).
  const cached = new MnistRun(experiment(3000), loaded.teacher, data);
  for (let i = 0; i < 25; i++) cached.trainStep();
  const c = await timeSteps(cached, steps);
  cases.push({ case: 'cached', steps, msPerStep: c.ms, flopsPerStep: c.flops, gflops: c.flops / c.ms / 1e6 });
  cases.push({ case: 'teacher', steps: Math.min(steps, 60), msPerStep: t.ms, flopsPerStep: t.flops, gflops: t.flops / t.ms / 1e6 });
  const { kernels, products } = await profileSteps(cached, 3);
  cached.dispose();
  loaded.teacher.dispose();

  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  return {
    backend: info.name,
    adapter: info.adapter,
    threads: wasm.getThreadsCount(),
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    cases,
    kernels,
    products,
    teacherKernels,
    firstSteps,
    fmaPeakGflops: Math.max(peakBefore, fmaPeakGflops(fused)),
    fused,
  };
}

self.onmessage = async (event: MessageEvent<{ steps: number }>) => {
  try {
    self.postMessage(await measure(event.data.steps));
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? `${error.message}` : String(error) });
  }
};
