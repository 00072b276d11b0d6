import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestSet } from '../../models/mnist/load-node';
import { loadMnistTeacherFromDisk } from '../../models/mnist/load-teacher-node';
import {
  MNIST_INPUT_SCALE,
  MNIST_TEACHER_ARCHITECTURE,
  MNIST_TEACHER_HIDDEN,
  MNIST_TEACHER_LAYERS,
  mnistTeacherParameterCount,
} from '../../models/mnist/teacher';

// The card's figures were measured on wasm; the same backend here gives the same argmaxes.
beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
  await tf.ready();
});

describe('MNIST teacher', () => {
  it('is at most 10 MB on disk', async () => {
    const weights = fileURLToPath(new URL('../../models/mnist/teacher/weights.bin', import.meta.url));
    expect((await stat(weights)).size).toBeLessThanOrEqual(10_000_000);
  });

  it('loads from disk, errs on ≤ 1.5 % of the 10,000 test images as its card says, and frees every tensor', async () => {
    const test = await loadTestSet();
    const before = tf.memory().numTensors;
    const { model, card } = await loadMnistTeacherFromDisk();

    expect(card.lab).toBe('mnist');
    expect(card.architecture).toBe(MNIST_TEACHER_ARCHITECTURE);
    expect(card.layers.hidden).toEqual([...MNIST_TEACHER_HIDDEN]);
    expect(model.trainable).toBe(false);
    expect(model.inputs[0]!.shape).toEqual([null, 784]);
    expect(model.outputs[0]!.shape).toEqual([null, 10]);
    expect(model.countParams()).toBe(card.parameters);
    expect(card.parameters).toBe(mnistTeacherParameterCount());
    for (const name of Object.values(MNIST_TEACHER_LAYERS)) expect(model.getLayer(name).name).toBe(name);
    expect(model.layers.at(-1)!.name).toBe('logits');
    expect(model.layers.some((l) => l.getClassName() === 'Softmax' || l.getConfig().activation === 'softmax')).toBe(false);

    let errors = 0;
    const chunk = 2000;
    for (let from = 0; from < test.count; from += chunk) {
      const n = Math.min(chunk, test.count - from);
      const px = test.images.subarray(from * 784, (from + n) * 784);
      const x = new Float32Array(px.length);
      for (let i = 0; i < px.length; i++) x[i] = px[i]! * MNIST_INPUT_SCALE;
      const wrong = tf.tidy(() => {
        const logits = model.predict(tf.tensor2d(x, [n, 784])) as tf.Tensor2D;
        return tf.notEqual(tf.argMax(logits, 1), tf.tensor1d(test.labels.subarray(from, from + n), 'int32')).sum();
      });
      errors += (await wrong.data())[0]!;
      wrong.dispose();
    }

    expect(test.count).toBe(10_000);
    expect(card.testImages).toBe(10_000);
    expect(errors).toBe(card.testErrors);
    expect(errors / test.count).toBeCloseTo(card.testError, 4);
    expect(errors / test.count).toBeLessThanOrEqual(0.015);

    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
