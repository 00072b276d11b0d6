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

export function distillationLoss(
  studentLogits: tf.Tensor2D,
  teacherLogits: tf.Tensor2D,
  oneHotLabels: tf.Tensor2D,
  temperature: number,
  alpha: number,
): DistillationLoss {
  const soft = tf.tidy(() => tf.mul(tf.mean(klPerRow(teacherLogits, studentLogits, temperature)), temperature * temperature)) as tf.Scalar;
  const hard = tf.tidy(() => tf.mean(crossEntropyPerRow(oneHotLabels, studentLogits))) as tf.Scalar;
  const total = tf.tidy(() => tf.add(tf.mul(soft, alpha), tf.mul(hard, 1 - alpha))) as tf.Scalar;
  return { total, soft, hard };
}
