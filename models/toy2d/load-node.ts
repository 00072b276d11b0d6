/**
 * Loads a 2-D teacher from `models/toy2d/<name>/` in Node (unit tests, scripts), through the
 * shared layers-format reader (`models/layers-format.ts`). The browser loads the same files by URL
 * instead; this module must never reach its bundle.
 */
import type * as tf from '@tensorflow/tfjs';
import type { DatasetName } from '../../src/labs/toy2d/shared/schema';
import { loadTeacherFolder } from '../layers-format';
import { teacherDir, type ModelCard } from './teacher';

/** `teacherDir` is relative to `models/`, one folder up from here. */
function folderOf(name: DatasetName): URL {
  return new URL(`../${teacherDir(name)}/`, import.meta.url);
}

export async function loadTeacherFromDisk(name: DatasetName): Promise<{ model: tf.LayersModel; card: ModelCard }> {
  return loadTeacherFolder<ModelCard>(folderOf(name));
}
