import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessDistillationLoss, exposedLogProbs, referenceTarget, targetDistribution, targetKlPerRow } from '../../workers/objectives/access';
import { distillationLoss } from '../../workers/objectives/hinton';

// Teacher logits ln 4, ln 2, 0, 0: probabilities exactly 1/2, 1/4, 1/8, 1/8 at T = 1.
const LOGITS = [Math.log(4), Math.log(2), 0, 0];

async function rows(t: tf.Tensor): Promise<number[][]> {
  const v = (await t.array()) as number[][];
  t.dispose();
  return v;
}

function disposeTarget(t: { probs: tf.Tensor; logProbs: tf.Tensor }): void {
  tf.dispose([t.probs, t.logProbs]);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('reference transforms, by hand', () => {
  it('full: softmax at T = 1, renormalised square roots at T = 2', () => {
    expect(referenceTarget(LOGITS, 'full', 1)).toEqual([0.5, 0.25, 0.125, 0.125].map((v) => expect.closeTo(v, 12)));
    // √(1/2), √(1/4), √(1/8), √(1/8) = 0.7071, 0.5, 0.3536, 0.3536; sum 1.9142.
    const t2 = referenceTarget(LOGITS, 'full', 2);
    [0.369398063, 0.261203875, 0.184699031, 0.184699031].forEach((v, i) => expect(t2[i]).toBeCloseTo(v, 8));
  });

  it('top-k keeps the k largest and spreads the rest evenly', () => {
    // k = 1: 1/2 kept, the missing 1/2 spread over three classes.
    [0.5, 1 / 6, 1 / 6, 1 / 6].forEach((v, i) => expect(referenceTarget(LOGITS, 'topk', 1, 1)[i]).toBeCloseTo(v, 12));
    // k = 2: 1/2 and 1/4 kept, 1/4 over two classes: here the same as the full distribution.
    [0.5, 0.25, 0.125, 0.125].forEach((v, i) => expect(referenceTarget(LOGITS, 'topk', 1, 2)[i]).toBeCloseTo(v, 12));
    // k = 1 at T = 2: √(1/2), √(1/6) ×3 renormalised.
    [0.366025404, 0.211324865, 0.211324865, 0.211324865].forEach((v, i) => expect(referenceTarget(LOGITS, 'topk', 2, 1)[i]).toBeCloseTo(v, 8));
  });

  it('top-1 is one-hot on the argmax whatever T is', () => {
    expect(referenceTarget(LOGITS, 'top1', 1)).toEqual([1, 0, 0, 0]);
    expect(referenceTarget([0, 3, 1, 2], 'top1', 20)).toEqual([0, 1, 0, 0]);
  });
});

describe('tfjs transforms match the reference', () => {
  const cases: [Parameters<typeof referenceTarget>[1], number, number][] = [
    ['full', 1, 1],
    ['full', 2, 1],
    ['full', 20, 1],
    ['topk', 1, 1],
    ['topk', 2, 1],
    ['topk', 4, 2],
    ['topk', 20, 3],
    ['top1', 1, 1],
    ['top1', 20, 1],
  ];
  const batch = [LOGITS, [0.3, -1.2, 2.5, 0.7], [5, 4, -3, 0.5], [-2, -1, -0.5, 1.5]];

  it.each(cases)('%s at T = %d, k = %d', async (access, T, k) => {
    const before = tf.memory().numTensors;
    const z = tf.tensor2d(batch);
    const target = targetDistribution(z, access, T, k);
    expect(target.temperature).toBe(access === 'top1' ? 1 : T);
    const got = await rows(target.probs);
    got.forEach((row, r) => {
      const want = referenceTarget(batch[r]!, access, T, k);
      row.forEach((v, c) => expect(v).toBeCloseTo(want[c]!, 5));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });
    // log probs agree with the probabilities wherever those are positive; 0 where they are 0.
    const logs = await rows(target.logProbs);
    got.forEach((row, r) => row.forEach((p, c) => expect(logs[r]![c]).toBeCloseTo(p > 0 ? Math.log(p) : 0, 4)));
    z.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('top-k exposes at T = 1 exactly what the API would', async () => {
    const z = tf.tensor2d([LOGITS]);
    const [row] = await rows(tf.exp(exposedLogProbs(z, 'topk', 1)));
    [0.5, 1 / 6, 1 / 6, 1 / 6].forEach((v, i) => expect(row![i]).toBeCloseTo(v, 6));
    expect(() => exposedLogProbs(z, 'topk', 4)).toThrow(RangeError);
    z.dispose();
  });

  it('a very confident teacher gives finite targets: the missing mass is taken in log space', async () => {
    // p(rest) ≈ 3·e⁻¹⁰⁰: 1 − Σ top-1 rounds to 0 in float32 (and float64), its log does not.
    const z = tf.tensor2d([[100, 0, 0, 0]]);
    const target = targetDistribution(z, 'topk', 20, 1);
    const [logs] = await rows(target.logProbs);
    const [probs] = await rows(target.probs);
    expect(logs!.every(Number.isFinite)).toBe(true);
    // Each hidden class: (e⁻¹⁰⁰)^(1/20) = e⁻⁵ relative to the top one (its p ≈ 1).
    const hidden = Math.exp(-5);
    expect(probs![1]).toBeCloseTo(hidden / (1 + 3 * hidden), 4);
    tf.dispose([z, target.probs, target.logProbs]);
  });
});

describe('KD loss against an access-limited target', () => {
  const student = [[0, 0, 0, 0], [1, 0, -1, 0.5]];
  const labels = [[1, 0, 0, 0], [0, 0, 1, 0]];

  it('KL at T = 2 for a uniform student, by hand', async () => {
    const t = targetDistribution(tf.tensor2d([LOGITS]), 'full', 2);
    const s = tf.tensor2d([[0, 0, 0, 0]]);
    // Σ p log(p / ¼) with p the T = 2 target above.
    expect((await rows(targetKlPerRow(t, s).expandDims(0)))[0]![0]).toBeCloseTo(0.043840315, 6);
    disposeTarget(t);
    s.dispose();
  });

  it('full access equals Hinton’s distillationLoss', async () => {
    const z = tf.tensor2d([LOGITS, [0.3, -1.2, 2.5, 0.7]]);
    const s = tf.tensor2d(student);
    const y = tf.tensor2d(labels);
    for (const [T, alpha] of [[1, 0.5], [4, 0.9], [20, 0.7]] as const) {
      const target = targetDistribution(z, 'full', T);
      const a = accessDistillationLoss(s, target, y, alpha);
      const b = distillationLoss(s, z, y, T, alpha);
      expect((await a.total.data())[0]).toBeCloseTo((await b.total.data())[0]!, 4);
      expect((await a.soft.data())[0]).toBeCloseTo((await b.soft.data())[0]!, 4);
      tf.dispose([a.total, a.soft, a.hard, b.total, b.soft, b.hard]);
      disposeTarget(target);
    }
    tf.dispose([z, s, y]);
  });

  it('top-1: the soft term is the cross-entropy with the teacher’s label, whatever T', async () => {
    const z = tf.tensor2d([LOGITS, [0.3, -1.2, 2.5, 0.7]]);
    const s = tf.tensor2d(student);
    const y = tf.tensor2d(labels);
    // Teacher labels 0 and 2: −log softmax(student)[label], averaged.
    const lse = (r: number[]) => Math.log(r.reduce((acc, v) => acc + Math.exp(v), 0));
    const want = (lse(student[0]!) - 0 + (lse(student[1]!) - -1)) / 2;
    for (const T of [1, 5, 20]) {
      const target = targetDistribution(z, 'top1', T);
      const loss = accessDistillationLoss(s, target, y, 1);
      expect((await loss.soft.data())[0]).toBeCloseTo(want, 5);
      expect(Number.isFinite((await loss.total.data())[0]!)).toBe(true);
      tf.dispose([loss.total, loss.soft, loss.hard]);
      disposeTarget(target);
    }
    tf.dispose([z, s, y]);
  });

  it('gradients through a top-k target are finite', async () => {
    const z = tf.tensor2d([[100, 0, 0, 0], LOGITS]);
    const s = tf.variable(tf.tensor2d(student));
    const y = tf.tensor2d(labels);
    const target = targetDistribution(z, 'topk', 10, 2);
    const { value, grads } = tf.variableGrads(() => accessDistillationLoss(s, target, y, 0.9).total, [s]);
    const g = await grads[s.name]!.data();
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite((await value.data())[0]!)).toBe(true);
    tf.dispose([z, s, y, value, ...Object.values(grads)]);
    disposeTarget(target);
  });
});
