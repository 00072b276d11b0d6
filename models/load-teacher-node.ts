/**
 * Loads a 2-D teacher from `models/toy2d/<name>/` in Node (unit tests, scripts). Node has no
 * tfjs-node here, so the files are read with node:fs and handed over through `tf.io.fromMemory`.
 * The browser loads the same files by URL instead; this module must never reach its bundle.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type { DatasetName } from '../src/state/experiment';
import { teacherCardPath, teacherDir, teacherModelPath, type ModelCard } from './teachers';

interface LayersModelJson {
  modelTopology: tf.io.ModelArtifacts['modelTopology'];
  weightsManifest: tf.io.WeightsManifestConfig;
}

function fileOf(relative: string): string {
  return fileURLToPath(new URL(`./${relative}`, import.meta.url));
}

export async function loadTeacherFromDisk(name: DatasetName): Promise<{ model: tf.LayersModel; card: ModelCard }> {
  const json = JSON.parse(await readFile(fileOf(teacherModelPath(name)), 'utf8')) as LayersModelJson;
  const card = JSON.parse(await readFile(fileOf(teacherCardPath(name)), 'utf8')) as ModelCard;
  // Concatenate the shards in manifest order, as tfjs's own loaders do.
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) {
      const bytes = await readFile(fileOf(`${teacherDir(name)}/${path}`));
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  const weightData = buffers.length === 1 ? buffers[0]! : tf.io.concatenateArrayBuffers(buffers);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
  model.trainable = false;
  return { model, card };
}
