import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropyPerRow, klPerRow } from '../../workers/objectives/hinton';
import { klRows, logSoftmaxRows, metricsOf, regionCells, softmaxRows } from '../../src/labs/toy2d/shared/logit-math';
import { mulberry32 } from '../../src/shared/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The metrics as the 2-D lab computed them before, in tensor ops. */
async function withTensors(logits: Float32Array, teacher: Float32Array, labels: Uint8Array, classes: number) {
  const rows = labels.length;
  const packed = tf.tidy(() => {
    const s = tf.tensor2d(logits, [rows, classes]);
    const t = tf.tensor2d(teacher, [rows, classes]);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D;
    const acc = tf.mean(tf.cast(tf.equal(tf.argMax(s, 1), tf.tensor1d(labels, 'int32')), 'float32'));
    return tf.stack([tf.mean(klPerRow(t, s, 1)), tf.mean(crossEntropyPerRow(y, s)), acc]);
  });
  const [kl, ce, acc] = Array.from(await packed.data());
  packed.dispose();
  return { klToTeacher: kl!, hardLoss: ce!, accuracy: acc! };
}

describe('2-D lab readouts computed from logits in JavaScript', () => {
  it('log-softmax rows match hand-computed values, and stay finite for large logits', () => {
    // log softmax([2, 1, 0]) = [2, 1, 0] − log(e² + e + 1).
    const lse = Math.log(Math.exp(2) + Math.exp(1) + 1);
    const [a, b, c, d, e, f] = logSoftmaxRows([2, 1, 0, 1000, 0, -1000], 3);
    expect([a, b, c]).toEqual([2 - lse, 1 - lse, -lse].map((v) => expect.closeTo(v, 12)));
    expect(d).toBeCloseTo(0, 12);
    expect(e).toBeCloseTo(-1000, 9);
    expect(Number.isFinite(f)).toBe(true);
  });

  it('matches the tensor version (KL, cross-entropy, accuracy) on random logits, ties included', async () => {
    const rand = mulberry32(7);
    for (const classes of [2, 3, 4]) {
      const rows = 600;
      const logits = Float32Array.from({ length: rows * classes }, () => (rand() - 0.5) * 8);
      const teacher = Float32Array.from({ length: rows * classes }, () => (rand() - 0.5) * 8);
      // Some rows tie for the largest logit: the first one counts, as in tf.argMax.
      for (let r = 0; r < 40; r++) logits[r * classes + 1] = logits[r * classes]! = 5;
      const labels = Uint8Array.from({ length: rows }, () => Math.floor(rand() * classes));
      const expected = await withTensors(logits, teacher, labels, classes);
      const got = metricsOf(logits, classes, labels, logSoftmaxRows(teacher, classes));
      expect(got.klToTeacher).toBeCloseTo(expected.klToTeacher, 5);
      expect(got.hardLoss).toBeCloseTo(expected.hardLoss, 5);
      expect(Math.fround(got.accuracy)).toBe(expected.accuracy);
    }
  });

  it('without a teacher the KL is 0; a mismatched size is refused', () => {
    expect(metricsOf([3, 0, 0, 3], 2, [0, 0], null)).toEqual({ klToTeacher: 0, hardLoss: expect.any(Number), accuracy: 0.5 });
    expect(() => metricsOf([1, 2, 3], 2, [0, 1], null)).toThrow(RangeError);
  });

  it('softmax at T, per-row KL and decision-region cells match tfjs', async () => {
    const rand = mulberry32(11);
    const rows = 50;
    const classes = 3;
    const a = Float32Array.from({ length: rows * classes }, () => (rand() - 0.5) * 10);
    const b = Float32Array.from({ length: rows * classes }, () => (rand() - 0.5) * 10);
    const [ta, tb] = [tf.tensor2d(a, [rows, classes]), tf.tensor2d(b, [rows, classes])];
    const atT = tf.softmax(tf.div(ta, 2.5));
    const kl = klPerRow(ta, tb, 1);
    const probs = tf.softmax(ta);
    const [argmax, max] = [tf.argMax(probs, 1), tf.max(probs, 1)];
    const want = { atT: await atT.data(), kl: await kl.data(), argmax: await argmax.data(), max: await max.data() };
    tf.dispose([ta, tb, atT, kl, probs, argmax, max]);

    softmaxRows(a, classes, 2.5).forEach((v, i) => expect(v).toBeCloseTo(want.atT[i]!, 6));
    klRows(logSoftmaxRows(a, classes), logSoftmaxRows(b, classes), classes).forEach((v, i) => expect(v).toBeCloseTo(want.kl[i]!, 5));
    const cells = regionCells(a, classes);
    expect(Array.from(cells.argmax)).toEqual(Array.from(want.argmax));
    cells.confidence.forEach((v, i) => expect(Math.abs(v - want.max[i]! * 255)).toBeLessThanOrEqual(0.5 + 1e-3));
  });
});
