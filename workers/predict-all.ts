/**
 * A model's outputs for every row of its input in one pass. `LayersModel.predict` without a batch
 * size cuts its input into batches of 32, each a slice, a pass through every layer and then one
 * concat: the 2-D lab's 600 test points took 19 passes per student (114 matrix products for a
 * light snapshot), its 48 × 48 map 72, and CartPole's 128 states 4 at every training step. One
 * pass halves the 2-D lab's forward time on the CPU backend and saves most of the GPU dispatches.
 */
import type * as tf from '@tensorflow/tfjs';

export function predictAll<T extends tf.Tensor = tf.Tensor2D>(model: tf.LayersModel, x: tf.Tensor): T {
  return model.predict(x, { batchSize: Math.max(1, x.shape[0] ?? 1) }) as T;
}
