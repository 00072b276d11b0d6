import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegressor, disposeRegressor, hintLoss, regress } from '../../workers/objectives/hints';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function scalar(t: tf.Tensor): Promise<number> {
  const v = (await t.data())[0]!;
  t.dispose();
  return v;
}

describe('FitNets hint loss', () => {
  it('is the per-unit mean squared error, by hand', async () => {
    const r = tf.tensor2d([[1, 2], [3, 4]]);
    const h = tf.tensor2d([[0, 2], [1, 1]]);
    // Differences 1, 0, 2, 3 → squares 1, 0, 4, 9 → mean 3.5.
    expect(await scalar(hintLoss(r, h))).toBeCloseTo(3.5, 6);
    tf.dispose([r, h]);
  });

  it('a regressor is v · W + b, and the loss is 0 when it reproduces the teacher’s hint', async () => {
    const before = tf.memory().numTensors;
    const reg = createRegressor(2, 3, 1);
    tf.tidy(() => {
      reg.kernel.assign(tf.tensor2d([[1, 0, 1], [0, 1, 1]]));
      reg.bias.assign(tf.tensor1d([0.5, 0, 0]));
    });
    const v = tf.tensor2d([[1, 2], [-1, 4]]);
    const out = regress(v, reg);
    expect(await out.array()).toEqual([[1.5, 2, 3], [-0.5, 4, 3]]);
    const teacher = tf.tensor2d([[1.5, 2, 3], [-0.5, 4, 3]]);
    expect(await scalar(hintLoss(out, teacher))).toBe(0);
    tf.dispose([v, out, teacher]);
    disposeRegressor(reg);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gradient with respect to the regressor, by hand', async () => {
    const reg = createRegressor(1, 2, 1);
    tf.tidy(() => {
      reg.kernel.assign(tf.tensor2d([[1, 2]]));
      reg.bias.assign(tf.tensor1d([0, 0]));
    });
    const v = tf.tensor2d([[1], [2]]);
    const h = tf.tensor2d([[0, 0], [0, 0]]);
    // r = [[1, 2], [2, 4]]; L = mean r² = 25 / 4; dL/dW_j = (2/4) Σ_b r_bj · v_b = ½ · [1 + 4, 2 + 8].
    const { value, grads } = tf.variableGrads(() => hintLoss(regress(v, reg), h), [reg.kernel, reg.bias]);
    expect(await scalar(value)).toBeCloseTo(6.25, 6);
    expect(Array.from(await grads[reg.kernel.name]!.data())).toEqual([2.5, 5]);
    expect(Array.from(await grads[reg.bias.name]!.data())).toEqual([1.5, 3]);
    tf.dispose([v, h, ...Object.values(grads)]);
    disposeRegressor(reg);
  });

  it('the same seed gives the same regressor', async () => {
    const a = createRegressor(4, 3, 7);
    const b = createRegressor(4, 3, 7);
    expect(await a.kernel.array()).toEqual(await b.kernel.array());
    disposeRegressor(a);
    disposeRegressor(b);
  });
});
