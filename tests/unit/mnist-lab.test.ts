import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classMetrics,
  confusionMatrix,
  decodeStudent,
  defaultMnistExperiment,
  encodeStudent,
  PRESETS,
  student,
  type MnistExperiment,
} from '../../src/labs/mnist/shared/schema';
import { mnistShared } from '../../src/labs/mnist/shared/lab';
import { explicitTransposeDense, explicitTransposeInputDense, plainDense } from '../../src/labs/mnist/worker/dense';
import { MnistRun, type MnistData } from '../../src/labs/mnist/worker/run';
import { BatchStream, selectTransferSet } from '../../src/labs/mnist/worker/transfer';
import { mulberry32 } from '../../src/shared/random';

/** Digit-like synthetic images: a fixed random template per class plus noise, 0–255. */
function syntheticSet(count: number, seed: number): MnistData {
  const templates = mulberry32(99);
  const template = Array.from({ length: 10 }, () => Float32Array.from({ length: 784 }, () => (templates() < 0.2 ? 220 : 10)));
  const rand = mulberry32(seed);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 10;
    labels[i] = c;
    for (let p = 0; p < 784; p++) images[i * 784 + p] = Math.max(0, Math.min(255, template[c]![p]! + (rand() - 0.5) * 120));
  }
  return { images, labels, count, rows: 28, cols: 28 };
}

/** A small teacher with the real one's layer names and dropout layers (randomly initialised). */
function smallTeacher(): tf.LayersModel {
  const m = tf.sequential({ name: 'teacher' });
  m.add(tf.layers.dense({ units: 48, activation: 'relu', inputShape: [784], name: 'hidden1', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  m.add(tf.layers.dropout({ rate: 0.5 }));
  m.add(tf.layers.dense({ units: 40, activation: 'relu', name: 'hidden2', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }));
  m.add(tf.layers.dropout({ rate: 0.5 }));
  m.add(tf.layers.dense({ units: 10, name: 'logits', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }));
  return m;
}

function experiment(patch: Partial<MnistExperiment> = {}): MnistExperiment {
  const base = defaultMnistExperiment();
  return {
    ...base,
    students: [student([32, 16], 'labels'), student([32, 16], 'kd', 'topk', 3), student([24], 'hints')],
    transfer: { size: 400, excludeDigits: [] },
    knobs: { ...base.knobs, batchSize: 32, hintSteps: 20, temperature: 4 },
    ...patch,
  };
}

const train = syntheticSet(600, 1);
const test = syntheticSet(250, 2);
let teacher: tf.LayersModel;

beforeAll(async () => {
  await tf.setBackend('cpu');
  teacher = smallTeacher();
});
afterAll(() => teacher.dispose());

describe('per-class metrics', () => {
  it('reads errors per digit off a hand-made confusion matrix', () => {
    // 3 classes: true 0 → predicted 0,0,1; true 1 → 1; true 2 → 0,2,2,1.
    const m = confusionMatrix([0, 0, 0, 1, 2, 2, 2, 2], [0, 0, 1, 1, 0, 2, 2, 1], 3);
    expect(Array.from(m)).toEqual([2, 1, 0, 0, 1, 0, 1, 1, 2]);
    const c = classMetrics(m, 3);
    expect(c.perClassCount).toEqual([3, 1, 4]);
    expect(c.perClassErrors).toEqual([1, 0, 2]);
    expect(c.errors).toBe(3);
    expect(c.count).toBe(8);
    expect(c.errorRate).toBeCloseTo(3 / 8, 12);
  });
});

describe('MNIST experiment schema', () => {
  it('defaults and presets are valid, and presets quote the paper', () => {
    expect(mnistShared.validate(defaultMnistExperiment())).toEqual([]);
    expect(PRESETS.map((p) => p.id)).toEqual(['hinton', 'small-student', 'small-transfer', 'no-threes']);
    for (const p of PRESETS) {
      expect(mnistShared.validate(p.experiment)).toEqual([]);
      expect(p.paper.length).toBeGreaterThan(20);
      expect(p.steps).toBeGreaterThan(0);
    }
    expect(PRESETS[0]!.paper).toMatch(/146.*74/);
  });

  it('round-trips through the URL and reports bad values', () => {
    const e = experiment({ seed: 42, transfer: { size: 1000, excludeDigits: [3], onlyDigits: [3, 7, 8] } });
    e.knobs = { ...e.knobs, hintMode: 'sum', biasCorrection: true, learningRate: 0.003 };
    const search = mnistShared.serialize(e);
    expect(search).toContain('s2=32.16-kd-k3');
    const back = mnistShared.parse(search);
    expect(back.problems).toEqual([]);
    expect(back.experiment).toEqual(e);
    expect(decodeStudent(encodeStudent(student([800], 'hints', 'top1')))).toEqual(student([800], 'hints', 'top1'));
    const bad = mnistShared.parse('preset=no-threes&s1=5000-kd&T=99');
    expect(bad.experiment.transfer.excludeDigits).toEqual([3]);
    expect(bad.problems.map((p) => p.param)).toEqual(['s1', 'T']);
  });
});

describe('transfer set', () => {
  it('is filtered, sized and deterministic by seed', () => {
    const a = selectTransferSet(train.labels, { size: 100, excludeDigits: [3] }, 5);
    expect(a.length).toBe(100);
    expect(Array.from(a).some((i) => train.labels[i] === 3)).toBe(false);
    expect(Array.from(selectTransferSet(train.labels, { size: 100, excludeDigits: [3] }, 5))).toEqual(Array.from(a));
    expect(Array.from(selectTransferSet(train.labels, { size: 100, excludeDigits: [3] }, 6))).not.toEqual(Array.from(a));
    const only = selectTransferSet(train.labels, { size: 60_000, excludeDigits: [], onlyDigits: [7, 8] }, 1);
    expect(only.length).toBe(120);
    const stream = new BatchStream(only, 1);
    const seen = new Set<number>();
    for (let i = 0; i < 4; i++) stream.next(30).forEach((j) => seen.add(j));
    expect(seen.size).toBe(120);
  });
});

describe('dense layer with explicit-transpose gradients', () => {
  it('gives the same values and gradients as the plain op', async () => {
    const x = tf.randomNormal([5, 7], 0, 1, 'float32', 1) as tf.Tensor2D;
    const w = tf.variable(tf.randomNormal([7, 3], 0, 1, 'float32', 2));
    const b = tf.variable(tf.randomNormal([3], 0, 1, 'float32', 3));
    const run = (f: typeof plainDense) => tf.variableGrads(() => tf.sum(tf.square(f(x, w as tf.Tensor2D, b as tf.Tensor1D))) as tf.Scalar, [w, b]);
    const plain = run(plainDense);
    // The first-layer variant skips the images' gradient; the weights' are the same.
    for (const fast of [run(explicitTransposeDense), run(explicitTransposeInputDense)]) {
      expect((await fast.value.data())[0]).toBeCloseTo((await plain.value.data())[0]!, 3);
      for (const v of [w, b]) {
        const [p, f] = [await plain.grads[v.name]!.data(), await fast.grads[v.name]!.data()];
        p.forEach((g, i) => expect(f[i]).toBeCloseTo(g, 3));
      }
      tf.dispose([fast.value, ...Object.values(fast.grads)]);
    }
    tf.dispose([x, w, b, plain.value, ...Object.values(plain.grads)]);
  });
});

describe('MnistRun', () => {
  it('keeps tf.memory().numTensors flat across 50 steps, evaluations and readouts', async () => {
    const run = new MnistRun(experiment(), teacher, { train, test });
    // Warm up: optimizer state appears on the first step, and again when FitNets stage 2 starts.
    for (let i = 0; i < 25; i++) run.trainStep();
    await run.sync();
    await run.evaluate();
    await run.distributions(new Float32Array(2 * 784).fill(0.5));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) run.trainStep();
    await run.sync();
    await run.evaluate();
    await run.distributions(new Float32Array(3 * 784).fill(0.2));
    run.configure({ biasCorrection: true, temperature: 8, learningRate: 0.002 });
    for (let i = 0; i < 5; i++) run.trainStep();
    await run.sync();
    expect(tf.memory().numTensors).toBe(before);
    run.dispose();
  });

  it('dispose frees everything the run made', async () => {
    const before = tf.memory().numTensors;
    const run = new MnistRun(experiment({ knobs: { ...experiment().knobs, hintMode: 'sum' } }), teacher, { train, test });
    for (let i = 0; i < 3; i++) run.trainStep();
    await run.evaluate();
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('students on identical batches: same shape + labels objective ⇒ identical weights', async () => {
    const e = experiment({ students: [student([32], 'labels'), student([32], 'kd'), student([32], 'labels')] });
    const run = new MnistRun(e, teacher, { train, test });
    for (let i = 0; i < 15; i++) run.trainStep();
    const weights = async (i: number) => Promise.all(run.studentModel(i).getWeights().map((w) => w.data()));
    const [a, b, c] = [await weights(0), await weights(1), await weights(2)];
    a.forEach((w, j) => expect(Array.from(c[j]!)).toEqual(Array.from(w)));
    expect(Array.from(b[0]!)).not.toEqual(Array.from(a[0]!));
    run.dispose();
  });

  it('reports losses per stage, FLOPs, per-class errors and distributions', async () => {
    const run = new MnistRun(experiment(), teacher, { train, test });
    expect(run.stageOf(2)).toBe('hint');
    const stage1 = run.stepFlops();
    run.trainStep();
    const losses = await run.readLosses();
    expect(Number.isNaN(losses[0]!.soft)).toBe(true);
    expect(losses[1]!.soft).toBeGreaterThan(0);
    expect(losses[2]!.hint).toBeGreaterThan(0);
    expect(Number.isNaN(losses[2]!.hard)).toBe(true);
    // Teacher 784·48 + 48·40 + 40·10 (its logits: once per transfer image, the first time a batch
    // draws it) and its hint layer 784·48 (every step, while a student trains on hints), students
    // 784·32 + 32·16 + 16·10 (×2), hint student's first layer 784·24 and its regressor 24·48:
    // 2 FLOPs per multiply-add, training 3× forward, batch 32.
    const teacherF = 2 * (784 * 48 + 48 * 40 + 40 * 10);
    const teacherHintF = 2 * 784 * 48;
    const studentF = 2 * (784 * 32 + 32 * 16 + 16 * 10);
    const hintF = 2 * (784 * 24 + 24 * 48);
    expect(stage1).toBe(32 * (teacherF + teacherHintF + 3 * (2 * studentF + hintF)));
    expect(run.flopsDone).toBe(stage1);
    for (let i = 0; i < 20; i++) run.trainStep();
    expect(run.stageOf(2)).toBe('kd');
    // 21 batches of 32 have drawn every one of the transfer set's images: no teacher pass any more.
    expect(run.transferIndices.length).toBeLessThanOrEqual(21 * 32);
    expect(run.stepFlops()).toBe(32 * 3 * (2 * studentF + 2 * (784 * 24 + 24 * 10)));

    const ev = await run.evaluate();
    expect(ev.teacher.count).toBe(250);
    expect(ev.students).toHaveLength(3);
    for (const m of [ev.teacher, ...ev.students]) {
      expect(m.perClassCount).toEqual(Array(10).fill(25));
      expect(m.perClassErrors.reduce((a, b) => a + b, 0)).toBe(m.errors);
    }
    // The synthetic digits are easy: after 21 steps the labels-only student is far better than chance (90 %).
    expect(ev.students[0]!.errorRate).toBeLessThan(0.5);

    const d = await run.distributions(new Float32Array(2 * 784).fill(0.3));
    expect(d.students).toHaveLength(3);
    for (const p of [d.teacherAtT, d.teacherAt1, d.students[1]!.atT]) {
      expect(p.subarray(0, 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(Math.max(...d.teacherAt1.subarray(0, 10))).toBeGreaterThanOrEqual(Math.max(...d.teacherAtT.subarray(0, 10)));
    run.dispose();
  });

  it('leaves excluded digits out of training, and the bias correction raises their logits at evaluation only', async () => {
    const e = experiment({ students: [student([32], 'kd')], transfer: { size: 600, excludeDigits: [3] } });
    const run = new MnistRun(e, teacher, { train, test });
    expect(Array.from(run.transferIndices).some((i) => train.labels[i] === 3)).toBe(false);
    for (let i = 0; i < 10; i++) run.trainStep();
    const plain = await run.evaluate();
    run.configure({ biasCorrection: true, biasShift: 10 });
    const shifted = await run.evaluate();
    expect(shifted.biasCorrected).toBe(true);
    // A +10 logit on 3 pulls predictions towards 3: more test images called 3.
    const calledThree = (m: typeof plain.students[0]) => Array.from({ length: 10 }, (_, r) => m!.confusion[r * 10 + 3]!).reduce((a, b) => a + b, 0);
    expect(calledThree(shifted.students[0])).toBeGreaterThan(calledThree(plain.students[0]));
    // The teacher is never corrected.
    expect(shifted.teacher).toEqual(plain.teacher);
    run.dispose();
  });

  it('rejects invalid experiments and knobs', () => {
    expect(() => new MnistRun(experiment({ students: [student([5], 'kd')] }), teacher, { train, test })).toThrow(RangeError);
    const run = new MnistRun(experiment({ students: [student([16], 'labels')] }), teacher, { train, test });
    expect(() => run.configure({ temperature: 50 })).toThrow(/Temperature/);
    run.dispose();
  });
});
