/**
 * Loads the MNIST teacher from `models/mnist/teacher/` in Node (unit tests, scripts), through the
 * shared layers-format reader (`models/layers-format.ts`); the browser loads the same files by
 * URL. Never import this from browser code.
 */
import type * as tf from '@tensorflow/tfjs';
import { loadTeacherFolder, readModelCard } from '../layers-format';
import { MNIST_TEACHER_DIR, type MnistTeacherCard } from './teacher';

/** `MNIST_TEACHER_DIR` is relative to `models/`, one folder up from here. */
const TEACHER_FOLDER = new URL(`../${MNIST_TEACHER_DIR}/`, import.meta.url);

export async function loadMnistTeacherCard(): Promise<MnistTeacherCard> {
  return readModelCard<MnistTeacherCard>(TEACHER_FOLDER);
}

/** The frozen teacher (`trainable = false`; its dropout layers are inactive at inference) and its card. */
export async function loadMnistTeacherFromDisk(): Promise<{ model: tf.LayersModel; card: MnistTeacherCard }> {
  return loadTeacherFolder<MnistTeacherCard>(TEACHER_FOLDER);
}
