/**
 * Loads the MNIST teacher from `models/mnist/teacher/` in Node (unit tests, scripts). Node has no
 * tfjs-node here, so the files are read with node:fs and handed over through `tf.io.fromMemory`;
 * the browser loads the same files by URL. Never import this from browser code.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { MNIST_TEACHER_CARD_PATH, MNIST_TEACHER_DIR, MNIST_TEACHER_MODEL_PATH, type MnistTeacherCard } from './teacher';

interface LayersModelJson {
  modelTopology: tf.io.ModelArtifacts['modelTopology'];
  weightsManifest: tf.io.WeightsManifestConfig;
}

/** A path relative to `models/`. */
function fileOf(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

export async function loadMnistTeacherCard(): Promise<MnistTeacherCard> {
  return JSON.parse(await readFile(fileOf(MNIST_TEACHER_CARD_PATH), 'utf8')) as MnistTeacherCard;
}

/** The frozen teacher (`trainable = false`; its dropout layers are inactive at inference) and its card. */
export async function loadMnistTeacherFromDisk(): Promise<{ model: tf.LayersModel; card: MnistTeacherCard }> {
  const json = JSON.parse(await readFile(fileOf(MNIST_TEACHER_MODEL_PATH), 'utf8')) as LayersModelJson;
  const card = await loadMnistTeacherCard();
  // Concatenate the shards in manifest order, as tfjs's own loaders do.
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) {
      const bytes = await readFile(fileOf(`${MNIST_TEACHER_DIR}/${path}`));
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  const weightData = buffers.length === 1 ? buffers[0]! : tf.io.concatenateArrayBuffers(buffers);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
  model.trainable = false;
  return { model, card };
}
