import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropyPerRow, distillationLoss, klPerRow } from '../../workers/objectives/hinton';

// Expected values computed independently in double precision (Python's math module):
// softmax, KL = Σ p log(p/q), CE = −log q[y].
const teacher = [[2, 1, 0], [0, 0, 3]];
const student = [[0, 1, 0], [1, 0, 1]];
const labels = [[1, 0, 0], [0, 0, 1]];

async function value(t: tf.Tensor): Promise<number[]> {
  const out = Array.from(await t.data());
  t.dispose();
  return out;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Hinton distillation loss', () => {
  it('KL per row matches hand-computed values at T = 1 and T = 3', async () => {
    const t = tf.tensor2d(teacher);
    const s = tf.tensor2d(student);
    const kl1 = await value(klPerRow(t, s, 1));
    expect(kl1[0]).toBeCloseTo(0.474320661, 5);
    expect(kl1[1]).toBeCloseTo(0.540679344, 5);
    const kl3 = await value(klPerRow(t, s, 3));
    expect(kl3[0]).toBeCloseTo(0.052799585, 5);
    expect(kl3[1]).toBeCloseTo(0.09467517, 5);
    tf.dispose([t, s]);
  });

  it('two-class case: teacher [ln 3, 0] against a uniform student', async () => {
    const t = tf.tensor2d([[Math.log(3), 0]]);
    const s = tf.tensor2d([[0, 0]]);
    expect((await value(klPerRow(t, s, 1)))[0]).toBeCloseTo(0.130812036, 6);
    expect((await value(klPerRow(t, s, 2)))[0]).toBeCloseTo(0.036340783, 6);
    tf.dispose([t, s]);
  });

  it('cross-entropy is −log p(y)', async () => {
    const s = tf.tensor2d(student);
    const y = tf.tensor2d(labels);
    const ce = await value(crossEntropyPerRow(y, s));
    expect((ce[0]! + ce[1]!) / 2).toBeCloseTo(1.206719759, 5);
    tf.dispose([s, y]);
  });

  it('mixes α·T²·KL and (1 − α)·CE', async () => {
    const [t, s, y] = [tf.tensor2d(teacher), tf.tensor2d(student), tf.tensor2d(labels)];
    const l1 = distillationLoss(s, t, y, 1, 0.7);
    expect((await value(l1.total))[0]).toBeCloseTo(0.717265929, 5);
    const l3 = distillationLoss(s, t, y, 3, 0.7);
    expect((await value(l3.total))[0]).toBeCloseTo(0.826561404, 5);
    // soft carries the T² factor: 9 × mean KL at T = 3.
    expect((await value(l3.soft))[0]).toBeCloseTo(9 * 0.073737377, 5);
    tf.dispose([t, s, y, l1.soft, l1.hard, l3.hard]);
  });

  it('T² keeps the soft term on scale: T²·KL changes little from T = 2 to T = 4 while KL drops 4×', async () => {
    const t = tf.tensor2d([[Math.log(3), 0]]);
    const s = tf.tensor2d([[0, 0]]);
    const y = tf.tensor2d([[1, 0]]);
    const soft2 = (await value(distillationLoss(s, t, y, 2, 1).soft))[0]!;
    const soft4 = (await value(distillationLoss(s, t, y, 4, 1).soft))[0]!;
    expect(soft2).toBeCloseTo(0.145363131, 5);
    expect(soft4).toBeCloseTo(0.149457865, 5);
    tf.dispose([t, s, y]);
  });

  it('α = 1 is pure soft loss and α = 0 is pure hard loss', async () => {
    const [t, s, y] = [tf.tensor2d(teacher), tf.tensor2d(student), tf.tensor2d(labels)];
    const pureSoft = distillationLoss(s, t, y, 3, 1);
    expect((await value(pureSoft.total))[0]).toBeCloseTo(9 * 0.073737377, 5);
    const pureHard = distillationLoss(s, t, y, 3, 0);
    expect((await value(pureHard.total))[0]).toBeCloseTo(1.206719759, 5);
    tf.dispose([t, s, y, pureSoft.soft, pureSoft.hard, pureHard.soft, pureHard.hard]);
  });

  it('the gradient of the soft term vanishes when the student equals the teacher', async () => {
    const t = tf.tensor2d(teacher);
    const s = tf.variable(tf.tensor2d(teacher));
    const y = tf.tensor2d(labels);
    const { value: v, grads } = tf.variableGrads(() => distillationLoss(s, t, y, 4, 1).total, [s]);
    expect((await value(v))[0]).toBeCloseTo(0, 6);
    const g = await value(grads[s.name]!);
    for (const x of g) expect(Math.abs(x)).toBeLessThan(1e-6);
    tf.dispose([t, s, y]);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const [t, s, y] = [tf.tensor2d(teacher), tf.tensor2d(student), tf.tensor2d(labels)];
    const l = distillationLoss(s, t, y, 5, 0.5);
    tf.dispose([t, s, y, l.total, l.soft, l.hard]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
