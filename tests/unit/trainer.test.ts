import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTeacherFromDisk } from '../../models/toy2d/load-node';
import { defaultState, experimentOf, type ExperimentConfig } from '../../src/labs/toy2d/shared/schema';
import { Toy2dRun } from '../../src/labs/toy2d/worker/run';
import { toy2dWorker } from '../../src/labs/toy2d/worker/index';
import { createTrainer } from '../../workers/trainer';
import { nodeLabs } from './node-labs';
import type { BackendInfo, InitResult, TrainerError, TrainerListener } from '../../workers/trainer-api';
import type { Toy2dInit, Toy2dSnapshot } from '../../src/labs/toy2d/shared/readouts';

function config(patch: Partial<ExperimentConfig> = {}): ExperimentConfig {
  return { ...experimentOf(defaultState()), ...patch };
}

function recorder() {
  const snapshots: Toy2dSnapshot[] = [];
  const errors: TrainerError[] = [];
  const backends: BackendInfo[] = [];
  const listener: TrainerListener = {
    snapshot: (s) => snapshots.push(s as Toy2dSnapshot),
    error: (e) => errors.push(e),
    backend: (b) => backends.push(b),
    pulse: () => undefined,
    progress: () => undefined,
  };
  return { snapshots, errors, backends, listener };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: TrainerError }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function toy2d(r: { ok: true; value: InitResult } | { ok: false; error: TrainerError }): Toy2dInit {
  const value = unwrap(r);
  if (value.lab !== 'toy2d') throw new Error('expected a 2-D lab run');
  return value as Toy2dInit;
}

describe('trainer API, driven directly (cpu backend)', () => {
  const rec = recorder();
  const trainer = createTrainer({ lab: nodeLabs() });
  let init: Toy2dInit;

  beforeAll(async () => {
    init = toy2d(await trainer.init('toy2d', config(), 'cpu', rec.listener));
  });
  afterAll(async () => {
    await trainer.dispose();
  });

  it('starts on the requested backend and describes the run', () => {
    expect(init.backend).toMatchObject({ name: 'cpu', requested: 'cpu' });
    expect(rec.backends.at(-1)?.name).toBe('cpu');
    expect(init.dataset.classes).toBe(3);
    expect(init.dataset.train.count).toBe(600);
    expect(init.teacher.parameters).toBe(4547);
    // 2→16→16→3
    expect(init.studentParameters).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3);
    expect(init.teacher.regions.argmax).toHaveLength(48 * 48);
    expect(init.snapshot.step).toBe(0);
    expect(init.snapshot.probes.count).toBe(3);
    expect(init.snapshot.teacher.accuracy).toBeGreaterThan(0.95);
  });

  it('distributions are probabilities and the teacher is sharper at T = 1 than at T', () => {
    const p = init.snapshot.probes;
    for (let i = 0; i < p.count; i++) {
      const row = (a: Float32Array) => a.subarray(i * p.classes, (i + 1) * p.classes);
      expect(row(p.teacherAt1).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      expect(row(p.studentAtT).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      expect(Math.max(...row(p.teacherAt1))).toBeGreaterThanOrEqual(Math.max(...row(p.teacherAtT)));
    }
  });

  it('step moves the step count, pushes a snapshot and lowers the KL to the teacher', async () => {
    const before = init.snapshot.student.klToTeacher;
    const n = rec.snapshots.length;
    expect(unwrap(await trainer.step(300))).toBe(300);
    const snap = rec.snapshots.at(-1)!;
    expect(rec.snapshots.length).toBe(n + 1);
    expect(snap.step).toBe(300);
    expect(snap.examplesSeen).toBe(300 * 32);
    // Hand count for the default step (see tests/unit/flops.test.ts): 411,648 FLOPs at batch 32.
    expect(snap.flops.perStep).toBe(411_648);
    expect(snap.flops.total).toBe(300 * 411_648);
    expect(snap.regions?.student.argmax).toHaveLength(48 * 48);
    expect(snap.student.klToTeacher).toBeLessThan(before * 0.5);
    expect(Number.isFinite(snap.trainLoss.total)).toBe(true);
  });

  it('live knobs take effect without a reset', async () => {
    await trainer.configure({ temperature: 10, alpha: 0.5, learningRate: 0.02, batchSize: 16, optimizer: 'sgd' });
    const snap = rec.snapshots.at(-1)!;
    expect(snap.knobs).toEqual({ temperature: 10, alpha: 0.5, learningRate: 0.02, batchSize: 16, optimizer: 'sgd' });
    expect(snap.probes.temperature).toBe(10);
    expect(snap.step).toBe(300);
    unwrap(await trainer.step(2));
    expect(rec.snapshots.at(-1)!.examplesSeen).toBe(300 * 32 + 2 * 16);
    // Step FLOPs scale with the batch: two steps at 16 cost one step at 32.
    expect(rec.snapshots.at(-1)!.flops.total).toBe(301 * 411_648);
    await trainer.configure({ optimizer: 'adam', batchSize: 32, temperature: 4, alpha: 0.9, learningRate: 0.01 });
  });

  it('rejects out-of-range knobs with a readable error and keeps the old value', async () => {
    const n = rec.errors.length;
    await trainer.configure({ temperature: 50 });
    expect(rec.errors.at(-1)).toEqual({ code: 'bad-config', message: expect.stringMatching(/Temperature/), problems: [expect.objectContaining({ code: 'out-of-range', param: 'T' })] });
    expect(rec.errors.length).toBe(n + 1);
    unwrap(await trainer.step(1));
    expect(rec.snapshots.at(-1)!.knobs.temperature).toBe(4);
  });

  it('the probes input moves the probe points', async () => {
    unwrap(await trainer.input('probes', new Float32Array([0.1, 0.2, -0.3, 0.4])));
    const p = rec.snapshots.at(-1)!.probes;
    expect(p.count).toBe(2);
    expect(Array.from(p.points)).toEqual([0.1, 0.2, -0.3, 0.4].map(Math.fround));
    const bad = await trainer.input('probes', new Float32Array([NaN, 1]));
    expect(bad.ok).toBe(false);
  });

  it('play streams throttled snapshots and pause stops them', async () => {
    await trainer.setSpeed(0);
    const n = rec.snapshots.length;
    const t0 = performance.now();
    await trainer.play();
    await new Promise((r) => setTimeout(r, 2000));
    await trainer.pause();
    const elapsed = (performance.now() - t0) / 1000;
    const during = rec.snapshots.slice(n);
    expect(during.length).toBeGreaterThan(2);
    // ≤ 30 per second, plus the final one at pause.
    expect(during.length).toBeLessThanOrEqual(Math.ceil(30 * elapsed) + 2);
    expect(during.at(-1)!.running).toBe(false);
    expect(during.at(-1)!.examplesPerSecond).toBeGreaterThan(0);
    // The reported rate matches what actually happened (snapshot time included), within a margin.
    const actual = (during.at(-1)!.examplesSeen - rec.snapshots[n - 1]!.examplesSeen) / elapsed;
    const reported = during.at(-2)!.examplesPerSecond;
    expect(reported / actual).toBeGreaterThan(0.5);
    expect(reported / actual).toBeLessThan(1.6);
    const last = during.at(-2)!;
    expect(last.flops.perSecond).toBeCloseTo((last.examplesPerSecond * last.flops.perStep) / last.knobs.batchSize, 3);
    const stepAfterPause = during.at(-1)!.step;
    await new Promise((r) => setTimeout(r, 100));
    expect(rec.snapshots.at(-1)!.step).toBe(stepAfterPause);
  });

  it('a paced speed runs about that many steps per second', async () => {
    await trainer.setSpeed(30);
    const start = rec.snapshots.at(-1)!.step;
    await trainer.play();
    await new Promise((r) => setTimeout(r, 1000));
    await trainer.pause();
    const done = rec.snapshots.at(-1)!.step - start;
    expect(done).toBeGreaterThan(10);
    expect(done).toBeLessThan(45);
    await trainer.setSpeed(0);
  });

  it('reset restarts from step 0 with the same initial weights', async () => {
    const a = toy2d(await trainer.reset(config()));
    expect(a.snapshot.step).toBe(0);
    expect(a.snapshot.student.klToTeacher).toBeCloseTo(init.snapshot.student.klToTeacher, 5);
    const b = toy2d(await trainer.reset(config({ dataset: 'clusters', student: { hidden: [16, 16], activation: 'tanh' } })));
    expect(b.dataset.classes).toBe(5);
    expect(b.studentParameters).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 * 5 + 5);
  });

  it('reports a bad config as data, not an exception', async () => {
    const r = await trainer.reset(config({ student: { hidden: [1000], activation: 'relu' } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-config');
  });

  it('refuses a teacher file that does not fit the lab, with a readable message', async () => {
    const rec2 = recorder();
    // The moons teacher (2 classes) offered as the spiral teacher (3 classes).
    const wrong = createTrainer({ lab: nodeLabs({ toy2d: toy2dWorker({ loadTeacher: async () => loadTeacherFromDisk('moons') }) }) });
    const result = await wrong.init('toy2d', config({ dataset: 'spiral' }), 'cpu', rec2.listener);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('teacher-load-failed');
      expect(result.error.message).toMatch(/should map 2 inputs to 3 classes, but maps 2 to 2/);
    }
    expect(rec2.errors.at(-1)?.code).toBe('teacher-load-failed');
    const missing = createTrainer({
      lab: nodeLabs({ toy2d: toy2dWorker({ loadTeacher: async () => Promise.reject(new Error('weights.bin answered HTTP 404')) }) }),
    });
    const r2 = await missing.init('toy2d', config(), 'cpu', recorder().listener);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/Could not load the spiral teacher: weights.bin answered HTTP 404/);
    await wrong.dispose();
    await missing.dispose();
  });

  it('stops and says so when training diverges (NaN), keeping the settings', async () => {
    // A teacher whose logits overflow to ±Infinity makes the loss NaN on the first step.
    const rec2 = recorder();
    const broken = createTrainer({
      lab: nodeLabs({
        toy2d: toy2dWorker({
          loadTeacher: async (name) => {
        const loaded = await loadTeacherFromDisk(name);
        const last = loaded.model.getLayer('logits');
        const [kernel, bias] = last.getWeights();
        last.setWeights([tf.mul(kernel!, 1e38), bias!]);
            return loaded;
          },
        }),
      }),
    });
    unwrap(await broken.init('toy2d', config(), 'cpu', rec2.listener));
    await broken.setSpeed(0);
    await broken.play();
    for (let i = 0; i < 50 && !rec2.errors.some((e) => e.code === 'diverged'); i++) await new Promise((r) => setTimeout(r, 20));
    const diverged = rec2.errors.find((e) => e.code === 'diverged');
    expect(diverged?.message).toMatch(/diverged at step \d+.*Lower the learning rate/);
    const last = rec2.snapshots.at(-1)!;
    expect(last.running).toBe(false);
    expect(last.knobs).toEqual(config().knobs);
    await broken.dispose();
  });
});

describe('memory', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const labelsOnly of [true, false]) {
    it(`tf.memory().numTensors is flat across 50 steps (labels-only student ${labelsOnly ? 'on' : 'off'})`, async () => {
      const { model } = await loadTeacherFromDisk('moons');
      const cfg = config({ dataset: 'moons', labelsOnly, student: { hidden: [16, 8], activation: 'relu' } });
      const run = new Toy2dRun(cfg, model, new Float32Array([0, 0, 0.5, 0.5]));
      // The first step creates the optimizer's slot variables: measure after it.
      run.trainStep();
      await run.readLosses();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 50; i++) {
        run.trainStep();
        if (i % 10 === 0) {
          await run.studentMetrics();
          await run.probeReadout();
          await run.studentRegions();
          await run.readLosses();
        }
      }
      run.configure({ temperature: 9, batchSize: 64 });
      run.trainStep();
      expect(tf.memory().numTensors).toBe(before);
      run.configure({ optimizer: 'sgd' });
      run.trainStep();
      // SGD keeps no slot variables: switching from Adam frees them.
      expect(tf.memory().numTensors).toBeLessThan(before);
      const teacherTensors = model.weights.length;
      run.dispose();
      model.dispose();
      expect(tf.memory().numTensors).toBeLessThanOrEqual(before - teacherTensors);
    });
  }

  it('the trainer API leaves nothing behind after 50 steps and dispose', async () => {
    const baseline = tf.memory().numTensors;
    const rec = recorder();
    const trainer = createTrainer({ lab: nodeLabs() });
    unwrap(await trainer.init('toy2d', config({ dataset: 'circles' }), 'cpu', rec.listener));
    unwrap(await trainer.step(1));
    const { numTensors: before } = await trainer.memory();
    for (let i = 0; i < 5; i++) unwrap(await trainer.step(10));
    const { numTensors: after } = await trainer.memory();
    expect(after).toBe(before);
    await trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
