import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendProbe } from '../../src/state/backend-choice';
import { defaultState, experimentOf } from '../../src/labs/toy2d/shared/schema';
import { createTrainer } from '../../workers/trainer';
import { nodeLabs } from './node-labs';
import type { BackendInfo, LoadProgress, TrainerApi, TrainerError, TrainerListener } from '../../workers/trainer-api';

/** `auto` measured in Node: WebGPU and WebGL do not exist here, so probes are made up where a test needs it. */
function recorder() {
  const progress: LoadProgress[] = [];
  const backends: BackendInfo[] = [];
  const errors: TrainerError[] = [];
  const listener: TrainerListener = {
    snapshot: () => undefined,
    error: (e) => errors.push(e),
    backend: (b) => backends.push(b),
    pulse: () => undefined,
    progress: (p) => progress.push(p),
  };
  return { progress, backends, errors, listener };
}

const config = () => experimentOf(defaultState());
let trainer: TrainerApi | null = null;

afterEach(async () => {
  await trainer?.dispose();
  trainer = null;
});

describe('auto chooses a backend by measuring', () => {
  it('times the lab on each candidate and picks the fastest; a GPU that cannot start is skipped with its reason', async () => {
    // A machine that claims a hardware WebGL (it cannot start in Node) beside WebAssembly.
    const probes = async (): Promise<BackendProbe[]> => [
      { name: 'webgpu', available: true, adapter: 'google · swiftshader', software: 'SwiftShader' },
      { name: 'webgl', available: true, adapter: 'ANGLE (NVIDIA GeForce)', software: null },
      { name: 'wasm', available: true },
      { name: 'cpu', available: true, adapter: 'plain JavaScript' },
    ];
    const rec = recorder();
    trainer = createTrainer({ lab: nodeLabs(), probeBackends: probes });
    const started = performance.now();
    const result = await trainer.init('toy2d', config(), 'auto', rec.listener);
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    const info = rec.backends.at(-1)!;
    expect(info).toMatchObject({ name: 'wasm', requested: 'auto' });
    expect(info.auto?.remembered).toBe(false);
    const byName = Object.fromEntries(info.auto!.trials.map((t) => [t.name, t]));
    expect(byName.webgpu).toMatchObject({ outcome: 'software', software: 'SwiftShader' });
    expect(byName.webgl?.outcome).toBe('unavailable');
    expect(byName.wasm?.outcome).toBe('timed');
    expect(byName.wasm?.examplesPerSecond).toBeGreaterThan(0);
    expect(byName.cpu?.outcome).toBe('not-needed');
    // Progress said what it was timing, in order.
    expect(rec.progress.filter((p) => p.phase === 'measure').map((p) => p.backend)).toEqual(['webgl', 'wasm']);
    // Bounded: the budget is ~1.5 s; allow for the teacher loads and a slow CI machine.
    expect(elapsed).toBeLessThan(10_000);
    // Trial runs leave nothing behind: the same tensors as a run started on wasm directly.
    const afterAuto = (await trainer.memory()).numTensors;
    await trainer.dispose();
    trainer = createTrainer({ lab: nodeLabs() });
    expect((await trainer.init('toy2d', config(), 'wasm', recorder().listener)).ok).toBe(true);
    expect((await trainer.memory()).numTensors).toBe(afterAuto);
  });

  it('with one candidate there is nothing to choose between: nothing is timed', async () => {
    const rec = recorder();
    trainer = createTrainer({
      lab: nodeLabs(),
      probeBackends: async () => [
        { name: 'webgpu', available: false, reason: 'navigator.gpu is missing' },
        { name: 'webgl', available: true, adapter: 'llvmpipe', software: 'llvmpipe' },
        { name: 'wasm', available: true },
        { name: 'cpu', available: true },
      ],
    });
    expect((await trainer.init('toy2d', config(), { choice: 'auto' }, rec.listener)).ok).toBe(true);
    expect(rec.progress.some((p) => p.phase === 'measure')).toBe(false);
    const info = rec.backends.at(-1)!;
    expect(info.name).toBe('wasm');
    expect(info.auto?.trials.map((t) => `${t.name}:${t.outcome}`)).toEqual([
      'webgpu:unavailable',
      'webgl:software',
      'wasm:not-needed',
      'cpu:not-needed',
    ]);
  });

  it('a remembered choice starts at once, without timing; one that no longer starts is measured again', async () => {
    const remembered = { name: 'wasm' as const, auto: { trials: [{ name: 'wasm' as const, outcome: 'timed' as const, examplesPerSecond: 8_400 }], remembered: false, measuredAt: 1 } };
    const rec = recorder();
    trainer = createTrainer({ lab: nodeLabs() });
    expect((await trainer.init('toy2d', config(), { choice: 'auto', remembered }, rec.listener)).ok).toBe(true);
    expect(rec.progress.some((p) => p.phase === 'measure')).toBe(false);
    expect(rec.backends.at(-1)).toMatchObject({ name: 'wasm', requested: 'auto', auto: { remembered: true } });

    // WebGPU was remembered, but this machine has none (Node): auto finds out afresh.
    const gone = { ...remembered, name: 'webgpu' as const };
    expect((await trainer.setBackend({ choice: 'auto', remembered: gone })).ok).toBe(true);
    expect(rec.backends.at(-1)).toMatchObject({ name: 'wasm', requested: 'auto', auto: { remembered: false } });
    expect(rec.backends.at(-1)?.auto?.trials.find((t) => t.name === 'webgpu')?.outcome).toBe('unavailable');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('an explicit backend is used as asked, with no measuring', async () => {
    const rec = recorder();
    trainer = createTrainer({ lab: nodeLabs() });
    expect((await trainer.init('toy2d', config(), 'cpu', rec.listener)).ok).toBe(true);
    expect(rec.backends.at(-1)).toMatchObject({ name: 'cpu', requested: 'cpu' });
    expect(rec.backends.at(-1)?.auto).toBeUndefined();
    expect(rec.progress.some((p) => p.phase === 'measure')).toBe(false);
  });

  it('a config that cannot run is refused before any backend is timed', async () => {
    const rec = recorder();
    trainer = createTrainer({ lab: nodeLabs() });
    const bad = { ...config(), student: { hidden: [0], activation: 'relu' as const } };
    const result = await trainer.init('toy2d', bad, 'auto', rec.listener);
    expect(result.ok).toBe(false);
    expect(rec.errors[0]?.code).toBe('bad-config');
    expect(rec.progress.some((p) => p.phase === 'measure')).toBe(false);
  });
});
