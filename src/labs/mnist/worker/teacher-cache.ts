/**
 * The teacher's logits on the transfer set, computed once per image: the transfer set is fixed
 * and never augmented, so an image's logits never change. Each image's row is computed the first
 * time a batch draws it (only the rows not in yet go through the teacher, so the first step waits
 * for no precomputation) and read from the cache ever after: past the first pass over the
 * transfer set a step runs no teacher at all. Kept on the device as one [transfer size, 10]
 * variable (400 kB for 10,000 images), updated with `tensorScatterUpdate`.
 *
 * Hint students also need the teacher's hidden layer: 1,200 floats per image (48 MB for 10,000)
 * is too much to keep beside everything else, so the run computes it on the fly, through the
 * teacher's layers up to the hint layer only (`MnistRun`).
 */
import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS } from '../shared/schema';
import { imagesToFloat } from './transfer';
import type { Predictor } from './teacher-forward';

export class TeacherLogitCache {
  /** Row of each training-set index in the cache, −1 outside the transfer set. */
  private readonly rowOf: Int32Array;
  private readonly filled: Uint8Array;
  private readonly logits: tf.Variable;
  /** Rows computed so far. */
  filledCount = 0;

  constructor(
    private readonly teacher: Predictor,
    private readonly transferIndices: Uint32Array,
    trainCount: number,
    classes: number,
  ) {
    this.rowOf = new Int32Array(trainCount).fill(-1);
    transferIndices.forEach((t, row) => (this.rowOf[t] = row));
    this.filled = new Uint8Array(transferIndices.length);
    this.logits = tf.tidy(() => tf.variable(tf.zeros([transferIndices.length, classes]), false));
  }

  get size(): number {
    return this.transferIndices.length;
  }

  /** Share of the transfer set whose logits are in. */
  get fill(): number {
    return this.filledCount / this.size;
  }

  /**
   * The teacher's logits for a batch of training-set indices (call inside a tidy): the rows not in
   * yet go through the teacher first. `computed` is how many did (for the FLOP count).
   */
  logitsFor(indices: Uint32Array, images: Uint8Array): { logits: tf.Tensor2D; computed: number } {
    const rows = Int32Array.from(indices, (i) => this.rowOf[i]!);
    const missing: number[] = [];
    for (const row of rows) {
      if (row < 0) throw new RangeError('a batch drew an image outside the transfer set');
      if (!this.filled[row]) {
        this.filled[row] = 1;
        missing.push(row);
      }
    }
    if (missing.length) {
      const x = tf.tensor2d(imagesToFloat(images, missing.map((row) => this.transferIndices[row]!)), [missing.length, MNIST_PIXELS]);
      const fresh = this.teacher.predict(x) as tf.Tensor2D;
      this.logits.assign(tf.tensorScatterUpdate(this.logits, tf.tensor2d(Int32Array.from(missing), [missing.length, 1], 'int32'), fresh));
      this.filledCount += missing.length;
    }
    return { logits: tf.gather(this.logits, tf.tensor1d(rows, 'int32')) as tf.Tensor2D, computed: missing.length };
  }

  dispose(): void {
    this.logits.dispose();
  }
}
