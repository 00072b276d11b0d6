import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeacherLogitCache } from '../../src/labs/mnist/worker/teacher-cache';
import { imagesToFloat } from '../../src/labs/mnist/worker/transfer';
import { mulberry32 } from '../../src/shared/random';

let teacher: tf.LayersModel;
const rand = mulberry32(7);
const images = Uint8Array.from({ length: 50 * 784 }, () => Math.floor(rand() * 256));

beforeAll(async () => {
  await tf.setBackend('cpu');
  teacher = tf.sequential({
    layers: [
      tf.layers.dense({ units: 16, activation: 'relu', inputShape: [784], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
});
afterAll(() => teacher.dispose());

describe("the teacher's logits on the transfer set, computed once", () => {
  it('computes each image once, returns what the teacher says, and keeps numTensors flat', async () => {
    const transfer = Uint32Array.from([3, 5, 8, 13, 21, 34]);
    const before = tf.memory().numTensors;
    const cache = new TeacherLogitCache(teacher, transfer, 50, 10);
    const take = (batch: number[]) =>
      tf.tidy(() => {
        const { logits, computed } = cache.logitsFor(Uint32Array.from(batch), images);
        return { logits: tf.keep(logits), computed };
      });
    const first = take([5, 21, 5]);
    expect(first.computed).toBe(2);
    const second = take([21, 34, 3]);
    expect(second.computed).toBe(2);
    expect(cache.fill).toBeCloseTo(4 / 6, 10);
    const third = take([34, 5, 3, 21]);
    expect(third.computed).toBe(0);
    const direct = tf.tidy(() => teacher.predict(tf.tensor2d(imagesToFloat(images, [34, 5, 3, 21]), [4, 784])) as tf.Tensor2D);
    const [got, want] = await Promise.all([third.logits.data(), direct.data()]);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    tf.dispose([first.logits, second.logits, third.logits, direct]);
    expect(() => tf.tidy(() => cache.logitsFor(Uint32Array.from([4]), images))).toThrow(/outside the transfer set/);
    expect(tf.memory().numTensors).toBe(before + 1);
    cache.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
