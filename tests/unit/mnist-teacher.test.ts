import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestSet } from '../../models/mnist/load-node';
import { loadMnistTeacherCard, loadMnistTeacherFromDisk } from '../../models/mnist/load-teacher-node';
import { MAX_EXTRA_ERRORS, quantizeAffine } from '../../models/mnist/quantize-teacher';
import { gunzip } from '../../models/fetch-bytes';
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
  it('ships quantized: uint8 weights, ≤ 1.2 MB gzip-compressed, inflating to weights.bin byte for byte', async () => {
    const dir = new URL('../../models/mnist/teacher/', import.meta.url);
    const raw = await readFile(new URL('weights.bin', dir));
    const gz = await readFile(new URL('weights.bin.gz', dir));
    expect(raw.byteLength).toBe(mnistTeacherParameterCount());
    expect(gz.byteLength).toBeLessThanOrEqual(1_200_000);
    expect(Buffer.from(await gunzip(gz)).equals(raw)).toBe(true);
    const json = JSON.parse(await readFile(new URL('model.json', dir), 'utf8')) as { weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
    for (const w of json.weightsManifest[0]!.weights) expect(w.quantization?.dtype).toBe('uint8');
    const card = await loadMnistTeacherCard();
    expect(card.quantization!.gzipBytes).toBe(gz.byteLength);
    expect(card.testErrors).toBeLessThanOrEqual(card.quantization!.floatTestErrors + MAX_EXTRA_ERRORS);
  });

  it('quantizes affinely onto the given levels (value = q · scale + min)', () => {
    const { bytes, min, scale } = quantizeAffine(Float32Array.from([-1, 0, 0.5, 1, 0.2]), 5);
    expect(min).toBe(-1);
    expect(scale).toBe(0.5);
    expect([...bytes]).toEqual([0, 2, 3, 4, 2]);
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
