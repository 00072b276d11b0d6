/**
 * Evaluation of the MNIST teacher: errors, confidence and logit margins over a whole set, the
 * round-trip check after saving, and the figures' formatting.
 */
import * as tf from '@tensorflow/tfjs';
import type { MnistSet } from './dataset';
import { toInputs } from './train-data';

export interface Evaluation {
  errors: number;
  count: number;
  meanMaxProbability: number;
  meanLogitMargin: number;
  maxLogitMargin: number;
}

/** Inference (dropout off, no jitter) over a whole set, in chunks. */
export async function evaluateSet(model: tf.LayersModel, data: MnistSet, chunk = 1000): Promise<Evaluation> {
  let errors = 0;
  let maxProbSum = 0;
  let marginSum = 0;
  let marginMax = 0;
  const pixels = data.rows * data.cols;
  for (let from = 0; from < data.count; from += chunk) {
    const n = Math.min(chunk, data.count - from);
    const [wrong, maxProb, margins] = tf.tidy(() => {
      const x = tf.tensor2d(toInputs(data.images.subarray(from * pixels, (from + n) * pixels)), [n, pixels]);
      const labels = tf.tensor1d(data.labels.subarray(from, from + n), 'int32');
      const logits = model.predict(x) as tf.Tensor2D;
      const top2 = tf.topk(logits, 2).values;
      return [
        tf.notEqual(tf.argMax(logits, 1), labels).sum(),
        tf.softmax(logits).max(1).sum(),
        tf.sub(top2.slice([0, 0], [-1, 1]), top2.slice([0, 1], [-1, 1])).reshape([-1]),
      ];
    });
    const [w, p, m] = await Promise.all([wrong.data(), maxProb.data(), margins.data()]);
    tf.dispose([wrong, maxProb, margins]);
    errors += w[0]!;
    maxProbSum += p[0]!;
    for (const v of m) {
      marginSum += v;
      marginMax = Math.max(marginMax, v);
    }
  }
  return {
    errors,
    count: data.count,
    meanMaxProbability: maxProbSum / data.count,
    meanLogitMargin: marginSum / data.count,
    maxLogitMargin: marginMax,
  };
}

/** Checks that the model reloaded from the bytes just written makes the same test errors. */
export async function verifyRoundTrip(reloaded: tf.LayersModel, test: MnistSet, expectedErrors: number): Promise<void> {
  const again = await evaluateSet(reloaded, test);
  if (again.errors !== expectedErrors) {
    throw new Error(`round-trip mismatch: ${again.errors} test errors after reloading, ${expectedErrors} before`);
  }
}

export const pct = (errors: number, count: number): string => `${((errors / count) * 100).toFixed(2)}%`;

export function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
