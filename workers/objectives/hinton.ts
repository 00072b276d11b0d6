/**
 * Hinton, Vinyals & Dean (2015): the student matches the teacher's softened distribution.
 *
 *   loss = α · T² · KL(p_teacher^T ‖ p_student^T) + (1 − α) · CE(y, p_student^1)
 *
 * KL is averaged over the batch ("batchmean"); T² keeps the soft term's gradient on the same
 * scale as the hard term's when T changes (soft-target gradients shrink as 1/T²).
 * All log-probabilities come from `logSoftmax`, so nothing takes the log of a rounded zero.
 */
import * as tf from '@tensorflow/tfjs';

/** Row-wise KL(softmax(teacher/T) ‖ softmax(student/T)), shape [batch]. */
export function klPerRow(teacherLogits: tf.Tensor2D, studentLogits: tf.Tensor2D, temperature: number): tf.Tensor1D {
  return tf.tidy(() => {
    const logPt = tf.logSoftmax(tf.div(teacherLogits, temperature));
    const logPs = tf.logSoftmax(tf.div(studentLogits, temperature));
    return tf.sum(tf.mul(tf.exp(logPt), tf.sub(logPt, logPs)), 1) as tf.Tensor1D;
  });
}

/** Row-wise cross-entropy −log p(y) with one-hot labels, shape [batch]. */
export function crossEntropyPerRow(oneHotLabels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(oneHotLabels, tf.logSoftmax(logits)), 1)) as tf.Tensor1D);
}

export interface DistillationLoss {
  total: tf.Scalar;
  /** T² · KL term, before weighting by α. */
  soft: tf.Scalar;
  /** Hard-label cross-entropy, before weighting by 1 − α. */
  hard: tf.Scalar;
}

/** Rows whose label is known: `mask` is 1 there and 0 elsewhere, `count` its sum. */
export interface LabelMask {
  mask: tf.Tensor1D;
  count: number;
}

/**
 * With `labelled`, the hard term averages over the labelled rows only (0 when the batch has none):
 * the soft term still uses every row, since the teacher answers for all of them.
 */
export function distillationLoss(
  studentLogits: tf.Tensor2D,
  teacherLogits: tf.Tensor2D,
  oneHotLabels: tf.Tensor2D,
  temperature: number,
  alpha: number,
  labelled?: LabelMask,
): DistillationLoss {
  const soft = tf.tidy(() => tf.mul(tf.mean(klPerRow(teacherLogits, studentLogits, temperature)), temperature * temperature)) as tf.Scalar;
  const hard = tf.tidy(() => {
    const ce = crossEntropyPerRow(oneHotLabels, studentLogits);
    if (!labelled) return tf.mean(ce);
    return tf.div(tf.sum(tf.mul(ce, labelled.mask)), Math.max(1, labelled.count));
  }) as tf.Scalar;
  const total = tf.tidy(() => tf.add(tf.mul(soft, alpha), tf.mul(hard, 1 - alpha))) as tf.Scalar;
  return { total, soft, hard };
}
