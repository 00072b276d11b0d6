/**
 * What the MNIST run reports besides its losses: test errors on the whole test set (per digit, with
 * confusion matrices) and the models' distributions at T and at 1 for a few images, with the
 * students' logits bias-corrected for the digits left out of the transfer set when asked.
 * Every tensor made here is freed here: a pass leaves `tf.memory().numTensors` as it found it.
 */
import * as tf from '@tensorflow/tfjs';
import {
  classMetrics,
  confusionMatrix,
  digitsLeftOut,
  MNIST_CLASSES,
  MNIST_PIXELS,
  type ClassMetrics,
  type MnistKnobs,
  type TransferSet,
} from '../shared/schema';
import { imagesToFloat, type MnistData } from './transfer';
import type { Predictor } from './teacher-forward';

/** Test images per evaluation batch: bounds the memory of an evaluation pass. */
export const EVAL_BATCH = 1000;

export interface MnistEvaluation {
  step: number;
  /** Whether the students' logits were bias-corrected for the digits left out of the transfer set. */
  biasCorrected: boolean;
  teacher: ClassMetrics;
  students: ClassMetrics[];
}

export interface MnistDistributions {
  count: number;
  classes: number;
  temperature: number;
  /** Row-major `count × classes`. */
  teacherAtT: Float32Array;
  teacherAt1: Float32Array;
  students: { atT: Float32Array; at1: Float32Array }[];
}

/** A student's logits for `x` (called inside a tidy). */
export type LogitsFn = (x: tf.Tensor2D) => tf.Tensor2D;

/** Added to the students' logits at evaluation: `biasShift` on each digit left out of the transfer set. */
export function biasVector(knobs: MnistKnobs, transfer: TransferSet): Float32Array | null {
  if (!knobs.biasCorrection) return null;
  const left = digitsLeftOut(transfer);
  if (left.length === 0) return null;
  const b = new Float32Array(MNIST_CLASSES);
  for (const d of left) b[d] = knobs.biasShift;
  return b;
}

/** `logits` plus the bias vector, or `logits` itself without one (inside a tidy). */
export function withBias(logits: tf.Tensor2D, bias: Float32Array | null): tf.Tensor2D {
  return bias ? (tf.add(logits, tf.tensor1d(bias)) as tf.Tensor2D) : logits;
}

/**
 * Confusion matrices of every student and, when `teacher` is given, of the teacher (last) on the
 * test images [start, start + size), in batches of EVAL_BATCH. Every tensor is freed here.
 */
export async function chunkConfusions(
  test: MnistData,
  start: number,
  size: number,
  students: LogitsFn[],
  teacher: Predictor | null,
): Promise<Int32Array[]> {
  const models = students.length + (teacher ? 1 : 0);
  const end = Math.min(test.count, start + size);
  const confusions = Array.from({ length: models }, () => new Int32Array(MNIST_CLASSES * MNIST_CLASSES));
  for (let from = start; from < end; from += EVAL_BATCH) {
    const n = Math.min(EVAL_BATCH, end - from);
    const idx = Uint32Array.from({ length: n }, (_, j) => from + j);
    const pixels = imagesToFloat(test.images, idx);
    const packed = tf.tidy(() => {
      const x = tf.tensor2d(pixels, [n, MNIST_PIXELS]);
      const preds = students.map((logits) => tf.argMax(logits(x), 1));
      if (teacher) preds.push(tf.argMax(teacher.predict(x) as tf.Tensor2D, 1));
      return tf.stack(preds) as tf.Tensor2D;
    });
    // Read back batch by batch: never more than one batch's activations queued on the device.
    const values = await packed.data();
    packed.dispose();
    const labels = test.labels.subarray(from, from + n);
    for (let m = 0; m < models; m++) {
      const c = confusionMatrix(labels, values.subarray(m * n, (m + 1) * n));
      for (let k = 0; k < c.length; k++) confusions[m]![k]! += c[k]!;
    }
  }
  return confusions;
}

/**
 * Per-digit metrics on the whole test set for every student and, when `teacher` is given, for the
 * teacher too (null otherwise).
 */
export async function testMetrics(
  test: MnistData,
  students: LogitsFn[],
  teacher: Predictor | null,
): Promise<{ teacher: ClassMetrics | null; students: ClassMetrics[] }> {
  const confusions = await chunkConfusions(test, 0, test.count, students, teacher);
  return {
    teacher: teacher ? classMetrics(confusions[students.length]!) : null,
    students: students.map((_, i) => classMetrics(confusions[i]!)),
  };
}

/**
 * Teacher and student distributions at `temperature` and at 1 for `images`, `count × 784` pixels
 * scaled to 0–1.
 */
export async function distributionsOf(
  images: Float32Array,
  teacher: Predictor,
  students: LogitsFn[],
  temperature: number,
): Promise<MnistDistributions> {
  if (images.length % MNIST_PIXELS !== 0) throw new RangeError(`images must be count × ${MNIST_PIXELS} pixels`);
  const count = images.length / MNIST_PIXELS;
  const T = temperature;
  const packed = tf.tidy(() => {
    const x = tf.tensor2d(images, [count, MNIST_PIXELS]);
    const logits = [teacher.predict(x) as tf.Tensor2D, ...students.map((s) => s(x))];
    return tf.concat(logits.flatMap((l) => [tf.softmax(tf.div(l, T)).flatten(), tf.softmax(l).flatten()]));
  });
  const values = (await packed.data()) as Float32Array;
  packed.dispose();
  const size = count * MNIST_CLASSES;
  const take = (k: number) => values.slice(k * size, (k + 1) * size);
  return {
    count,
    classes: MNIST_CLASSES,
    temperature: T,
    teacherAtT: take(0),
    teacherAt1: take(1),
    students: students.map((_, i) => ({ atT: take(2 + 2 * i), at1: take(3 + 2 * i) })),
  };
}
