/**
 * What the teacher exposes, and the target distribution a student matches from it. A teacher behind
 * an API gives less than its logits; these transforms turn the teacher's logits into exactly what a
 * student could reconstruct at each access level:
 *
 * - `full`: the whole distribution. Target at temperature T: softmax(z / T).
 * - `topk`: the API returns only the k largest probabilities at T = 1 (as LLM APIs return top-k
 *   log-probabilities). The student keeps them and spreads the missing mass 1 − Σ top-k evenly over
 *   the other 10 − k classes: the maximum-entropy guess, which claims nothing the API did not say.
 *   It then softens that distribution with T by renormalising p^(1/T) (for `full` this is exactly
 *   softmax(z / T)). The missing mass is computed as exp(logsumexp(z_rest) − logsumexp(z)), which
 *   equals 1 − Σ top-k without the cancellation that makes 1 − Σ round to 0 for a confident teacher.
 * - `top1`: only the teacher's label: a one-hot target on its argmax. T has no effect at all: the
 *   student is compared at T = 1 and the soft term carries no T² factor, so this is training on the
 *   teacher's labels (pseudo-labelling).
 *
 * Everything stays in log space (logSoftmax, logSumExp); no log is ever taken of a zero.
 */
import * as tf from '@tensorflow/tfjs';
import type { AccessLevel } from '../../src/state/common';
import { crossEntropyPerRow } from './hinton';

export interface TargetDistribution {
  /** Target probabilities, [batch, classes]. */
  probs: tf.Tensor2D;
  /**
   * log(probs) where probs > 0; exactly 0 where probs is 0 (only with `top1`), so that each term
   * p · (log p − log q) of the KL is 0 there, as its limit is.
   */
  logProbs: tf.Tensor2D;
  /** The temperature the student's logits are divided by when compared with this target. */
  temperature: number;
}

/**
 * log p of what the teacher exposes at T = 1: `full` → logSoftmax(z); `topk` → the k largest
 * log-probabilities kept, the other classes each log((1 − Σ top-k) / (classes − k)).
 * `top1` has no log form with finite entries (it is one-hot): use `targetDistribution`.
 */
export function exposedLogProbs(teacherLogits: tf.Tensor2D, access: 'full' | 'topk', k = 1): tf.Tensor2D {
  return tf.tidy(() => {
    const logP = tf.logSoftmax(teacherLogits);
    if (access === 'full') return logP;
    const classes = teacherLogits.shape[1];
    if (!Number.isInteger(k) || k < 1 || k >= classes) throw new RangeError(`k must be a whole number from 1 to ${classes - 1}, got ${k}`);
    const { indices } = tf.topk(teacherLogits, k);
    // 1 on the k kept classes of each row, 0 elsewhere.
    const kept = tf.sum(tf.oneHot(indices, classes), 1);
    // logsumexp over the classes the API hides: push the kept ones far below (not −∞: no NaN from ∞ − ∞).
    const hiddenLogits = tf.sub(teacherLogits, tf.mul(kept, 1e9));
    const logMissing = tf.sub(tf.logSumExp(hiddenLogits, 1, true), tf.logSumExp(teacherLogits, 1, true));
    const logSpread = tf.sub(logMissing, Math.log(classes - k));
    return tf.where(tf.cast(kept, 'bool'), logP, tf.broadcastTo(logSpread, logP.shape));
  });
}

/** The distribution the student is trained to match, at temperature T, for an access level. */
export function targetDistribution(teacherLogits: tf.Tensor2D, access: AccessLevel, temperature: number, k = 1): TargetDistribution {
  return tf.tidy(() => {
    if (access === 'top1') {
      const classes = teacherLogits.shape[1];
      const probs = tf.cast(tf.oneHot(tf.argMax(teacherLogits, 1), classes), 'float32') as tf.Tensor2D;
      // log 1 = 0 on the label; 0 elsewhere by the convention above.
      return { probs, logProbs: tf.zerosLike(probs), temperature: 1 };
    }
    // Renormalised p^(1/T) = softmax(log p / T).
    const logProbs = tf.logSoftmax(tf.div(exposedLogProbs(teacherLogits, access, k), temperature)) as tf.Tensor2D;
    return { probs: tf.exp(logProbs) as tf.Tensor2D, logProbs, temperature };
  });
}

/** Row-wise KL(target ‖ softmax(student / T_target)), shape [batch]. */
export function targetKlPerRow(target: TargetDistribution, studentLogits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const logQ = tf.logSoftmax(tf.div(studentLogits, target.temperature));
    return tf.sum(tf.mul(target.probs, tf.sub(target.logProbs, logQ)), 1) as tf.Tensor1D;
  });
}

export interface AccessDistillationLoss {
  total: tf.Scalar;
  /** T² · mean KL to the target (T = 1 for `top1`), before weighting by α. */
  soft: tf.Scalar;
  /** Hard-label cross-entropy, before weighting by 1 − α. */
  hard: tf.Scalar;
}

/**
 * Hinton's loss against an access-limited target: α · T² · KL(target ‖ student_T) + (1 − α) · CE(y).
 * With `full` access this equals `distillationLoss` in ./hinton.ts.
 */
export function accessDistillationLoss(
  studentLogits: tf.Tensor2D,
  target: TargetDistribution,
  oneHotLabels: tf.Tensor2D,
  alpha: number,
): AccessDistillationLoss {
  const T = target.temperature;
  const soft = tf.tidy(() => tf.mul(tf.mean(targetKlPerRow(target, studentLogits)), T * T)) as tf.Scalar;
  const hard = tf.tidy(() => tf.mean(crossEntropyPerRow(oneHotLabels, studentLogits))) as tf.Scalar;
  const total = tf.tidy(() => tf.add(tf.mul(soft, alpha), tf.mul(hard, 1 - alpha))) as tf.Scalar;
  return { total, soft, hard };
}

// ---------------------------------------------------------------------------------------------
// Reference implementation in plain TypeScript (double precision), for the unit tests: one row of
// logits in, the target probabilities out, written the obvious way.

function softmaxRow(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Target probabilities for one row of teacher logits (ties in top-k go to the lower index). */
export function referenceTarget(logits: readonly number[], access: AccessLevel, temperature: number, k = 1): number[] {
  const p = softmaxRow(logits);
  const n = logits.length;
  if (access === 'top1') {
    const best = p.indexOf(Math.max(...p));
    return p.map((_, i) => (i === best ? 1 : 0));
  }
  let exposed = p;
  if (access === 'topk') {
    const order = p.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const kept = new Set(order.slice(0, k).map(([, i]) => i));
    const missing = 1 - [...kept].reduce((s, i) => s + p[i]!, 0);
    exposed = p.map((v, i) => (kept.has(i) ? v : missing / (n - k)));
  }
  const powered = exposed.map((v) => Math.pow(v, 1 / temperature));
  const total = powered.reduce((a, b) => a + b, 0);
  return powered.map((v) => v / total);
}
