/** What a student sees of the teacher at each access level: the tensor transforms against the reference and hand values. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceTopk } from '../../src/labs/names/shared/targets';
import { softmax } from '../../src/labs/names/shared/lm-math';
import { fullTarget, topkTarget } from '../../src/labs/names/worker/targets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** ln of 0.5, 0.3, 0.15, 0.05: a teacher with those four probabilities. */
const LOGITS = [Math.log(0.5), Math.log(0.3), Math.log(0.15), Math.log(0.05)];

async function probsOf(make: () => { probs: tf.Tensor2D; logProbs: tf.Tensor2D }): Promise<{ probs: number[]; logProbs: number[] }> {
  const t = make();
  const [probs, logProbs] = await Promise.all([t.probs.data(), t.logProbs.data()]);
  tf.dispose([t.probs, t.logProbs]);
  return { probs: Array.from(probs), logProbs: Array.from(logProbs) };
}

describe('top-k targets', () => {
  it('spread: the top 2 kept, the missing 0.2 shared by the other two (hand values)', async () => {
    expect(referenceTopk(LOGITS, 2, 'spread')).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.3, 12), expect.closeTo(0.1, 12), expect.closeTo(0.1, 12)]);
    const z = tf.tensor2d([LOGITS]);
    const { probs } = await probsOf(() => topkTarget(z, 2, 'spread', 1));
    probs.forEach((p, i) => expect(p).toBeCloseTo([0.5, 0.3, 0.1, 0.1][i]!, 5));
    z.dispose();
  });

  it('renormalise: the top 2 divided by their sum 0.8, the rest 0, log-probabilities 0 there', async () => {
    expect(referenceTopk(LOGITS, 2, 'renormalise')).toEqual([expect.closeTo(0.625, 12), expect.closeTo(0.375, 12), 0, 0]);
    const z = tf.tensor2d([LOGITS]);
    const { probs, logProbs } = await probsOf(() => topkTarget(z, 2, 'renormalise', 1));
    probs.forEach((p, i) => expect(p).toBeCloseTo([0.625, 0.375, 0, 0][i]!, 5));
    expect(logProbs[0]).toBeCloseTo(Math.log(0.625), 5);
    expect(logProbs.slice(2)).toEqual([0, 0]);
    z.dispose();
  });

  it('at T = 2: p^(1/2) renormalised, for both treatments, matching the reference on random logits', async () => {
    // Spread at T = 2, by hand: √0.5, √0.3, √0.1, √0.1 over their sum.
    const roots = [0.5, 0.3, 0.1, 0.1].map(Math.sqrt);
    const sum = roots.reduce((a, b) => a + b, 0);
    expect(referenceTopk(LOGITS, 2, 'spread', 2)[0]).toBeCloseTo(roots[0]! / sum, 12);
    const rows = [LOGITS, [2.1, -0.3, 0.7, 1.9, -1.2, 0.05], [0, 0, 3, -2, 1, 0.5]];
    for (const row of rows) {
      for (const missing of ['spread', 'renormalise'] as const) {
        for (const k of [1, 2, 3]) {
          const z = tf.tensor2d([row]);
          const { probs } = await probsOf(() => topkTarget(z, k, missing, 2));
          const want = referenceTopk(row, k, missing, 2);
          probs.forEach((p, i) => expect(p, `${missing} k=${k} class ${i}`).toBeCloseTo(want[i]!, 5));
          z.dispose();
        }
      }
    }
  });

  it('full: softmax(z / T); the transforms leave no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const z = tf.tensor2d([LOGITS]);
    const { probs } = await probsOf(() => fullTarget(z, 3));
    const want = softmax(LOGITS, 3);
    probs.forEach((p, i) => expect(p).toBeCloseTo(want[i]!, 6));
    z.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
