/**
 * The benchmark's bare loop: the very step the app trains (Toy2dRun.trainStep, default
 * experiment, both students), in a worker like the app's, but with no comlink, no snapshots and
 * no UI. Chunks of steps end with the same device sync the app's loop uses.
 */
import { loadTeacherInBrowser } from '../../src/labs/toy2d/worker/load-browser';
import { selectBackend } from '../../workers/backend';
import { Toy2dRun } from '../../src/labs/toy2d/worker/run';
import { DEFAULT_PROBES } from '../../src/labs/toy2d/shared/datasets';
import { wasmPaths } from '../../workers/wasm-paths';
import { type BackendChoice } from '../../src/state/common';
import { defaultState, experimentOf } from '../../src/labs/toy2d/shared/schema';

export interface BareResult {
  backend: string;
  adapter: string;
  steps: number;
  seconds: number;
  examplesPerSecond: number;
  batchSize: number;
}

const CHUNK_BUDGET_MS = 12;
const WARMUP_MS = 1000;

async function measure(choice: BackendChoice, seconds: number): Promise<BareResult> {
  const info = await selectBackend(choice, { wasmPaths });
  const config = experimentOf(defaultState());
  const { model } = await loadTeacherInBrowser(config.dataset);
  const run = new Toy2dRun(config, model, new Float32Array(DEFAULT_PROBES[config.dataset].flat()));
  // Warm up: compile kernels (seconds on a software GPU) and let the JavaScript engine optimise
  // the step (at least 3 steps and 1 s, as the app has trained for a while when it is measured).
  const warm = performance.now();
  for (let i = 0; i < 3 || performance.now() - warm < WARMUP_MS; i++) {
    run.trainStep();
    if (i % 8 === 7) await run.sync();
  }
  await run.sync();
  const start = performance.now();
  const startStep = run.step;
  while (performance.now() - start < seconds * 1000) {
    const chunk = performance.now();
    do run.trainStep();
    while (performance.now() - chunk < CHUNK_BUDGET_MS);
    await run.sync();
  }
  const elapsed = (performance.now() - start) / 1000;
  const steps = run.step - startStep;
  run.dispose();
  model.dispose();
  return {
    backend: info.name,
    adapter: info.adapter,
    steps,
    seconds: elapsed,
    examplesPerSecond: (steps * config.knobs.batchSize) / elapsed,
    batchSize: config.knobs.batchSize,
  };
}

self.onmessage = async (event: MessageEvent<{ backend: BackendChoice; seconds: number }>) => {
  try {
    self.postMessage(await measure(event.data.backend, event.data.seconds));
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
