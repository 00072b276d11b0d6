/**
 * The two students' objectives.
 *
 * Policy distillation (Rusu et al. 2015; Hinton et al. 2015's softening): on a batch of states,
 *   T² · mean_s KL( softmax(z_teacher(s) / T) ‖ softmax(z_student(s) / T) ),
 * T² keeping the gradient's scale as T changes. REINFORCE with a baseline (Williams 1992):
 *   −mean_t A_t · log π(a_t | s_t),  A_t = (G_t − mean G) / std G,
 * the discounted returns-to-go G_t whitened over the update's episodes (the mean is the baseline).
 * Log-probabilities through `logSoftmax`.
 */
import * as tf from '@tensorflow/tfjs';
import { klPerRow } from '../../../../workers/objectives/hinton';

export function policyDistillationLoss(studentLogits: tf.Tensor2D, teacherLogits: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(() => tf.mul(tf.mean(klPerRow(teacherLogits, studentLogits, temperature)), temperature * temperature) as tf.Scalar);
}

/**
 * The REINFORCE loss over `mask`-selected rows (padding rows have mask 0), from logits `[n, 2]`,
 * one-hot actions `[n, 2]` and advantages `[n]`.
 */
export function reinforceLoss(logits: tf.Tensor2D, actionsOneHot: tf.Tensor2D, advantages: tf.Tensor1D, mask: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logProb = tf.sum(tf.mul(actionsOneHot, tf.logSoftmax(logits)), 1);
    const weighted = tf.mul(tf.mul(logProb, advantages), mask);
    return tf.div(tf.neg(tf.sum(weighted)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}

/** Returns whitened to mean 0 and standard deviation 1 (all zeros when they do not vary). */
export function whiten(values: Float32Array): Float32Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= Math.max(1, n);
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  const std = Math.sqrt(variance / Math.max(1, n));
  const out = new Float32Array(n);
  if (std < 1e-6) return out;
  for (let i = 0; i < n; i++) out[i] = (values[i]! - mean) / std;
  return out;
}

/** Rows padded up to a power of two (at least 64), so a GPU backend compiles few shapes. */
export function paddedRows(n: number): number {
  return Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
}
