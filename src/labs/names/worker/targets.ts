/**
 * The targets a student matches at each access level, as tensors: the teacher's full distribution
 * at temperature T, or what a top-k API exposes (missing mass spread or renormalised away; see
 * ../shared/targets.ts for the reference). Everything in log space: logSoftmax and logSumExp, and
 * log-probabilities of exactly 0 where a target has probability 0 (their KL terms vanish).
 */
import * as tf from '@tensorflow/tfjs';
import { exposedLogProbs, type TargetDistribution } from '../../../../workers/objectives/access';
import type { MissingMass } from '../shared/schema';

export function fullTarget(teacherLogits: tf.Tensor2D, temperature: number): TargetDistribution {
  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(tf.div(teacherLogits, temperature)) as tf.Tensor2D;
    return { probs: tf.exp(logProbs) as tf.Tensor2D, logProbs, temperature };
  });
}

export function topkTarget(teacherLogits: tf.Tensor2D, k: number, missing: MissingMass, temperature: number): TargetDistribution {
  return tf.tidy(() => {
    if (missing === 'spread') {
      const logProbs = tf.logSoftmax(tf.div(exposedLogProbs(teacherLogits, 'topk', k), temperature)) as tf.Tensor2D;
      return { probs: tf.exp(logProbs) as tf.Tensor2D, logProbs, temperature };
    }
    const classes = teacherLogits.shape[1];
    const { indices } = tf.topk(teacherLogits, k);
    const kept = tf.cast(tf.sum(tf.oneHot(indices, classes), 1), 'bool');
    // Hidden characters pushed far below (not −∞: no NaN from ∞ − ∞), so they get probability 0.
    const masked = tf.where(kept, tf.div(teacherLogits, temperature), tf.fill(teacherLogits.shape, -1e9));
    const logKept = tf.logSoftmax(masked);
    const probs = tf.where(kept, tf.exp(logKept), tf.zerosLike(logKept)) as tf.Tensor2D;
    const logProbs = tf.where(kept, logKept, tf.zerosLike(logKept)) as tf.Tensor2D;
    return { probs, logProbs, temperature };
  });
}
