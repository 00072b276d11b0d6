/**
 * The names lab's teacher and corpus from disk in Node (unit tests, the bench), through the shared
 * layers-format reader. The browser loads the same files by URL instead; never in its bundle.
 */
import { readFile } from 'node:fs/promises';
import type * as tf from '@tensorflow/tfjs';
import type { NamesCorpus } from '../../src/labs/names/shared/corpus';
import { loadTeacherFolder } from '../layers-format';
import { NAMES_TEACHER_DIR, type NamesModelCard } from './teacher';

export async function loadNamesTeacherFromDisk(): Promise<{ model: tf.LayersModel; card: NamesModelCard }> {
  return loadTeacherFolder<NamesModelCard>(new URL(`../${NAMES_TEACHER_DIR}/`, import.meta.url));
}

export async function loadNamesCorpusFromDisk(): Promise<NamesCorpus> {
  return JSON.parse(await readFile(new URL('./data/names.json', import.meta.url), 'utf8')) as NamesCorpus;
}
