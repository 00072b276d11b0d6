/** Loads the CartPole teacher from `models/cartpole/teacher/` in Node (tests, scripts). Never in the browser bundle. */
import type * as tf from '@tensorflow/tfjs';
import { loadTeacherFolder } from '../layers-format';
import type { CartpoleModelCard } from './teacher';

export const TEACHER_FOLDER = new URL('./teacher/', import.meta.url);

export async function loadCartpoleTeacherFromDisk(): Promise<{ model: tf.LayersModel; card: CartpoleModelCard }> {
  return loadTeacherFolder<CartpoleModelCard>(TEACHER_FOLDER);
}
