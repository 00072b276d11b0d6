/**
 * The tfjs layers format on disk, for every lab's teacher in Node (unit tests, scripts): a folder
 * with `model.json` (topology + weights manifest), `weights.bin` and `model-card.json`. Node has
 * no tfjs-node here, so files are read and written with node:fs and handed to tfjs through
 * `tf.io.fromMemory` / `tf.io.withSaveHandler`. The browser loads the same files by URL instead;
 * this module must never reach its bundle.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';

export const LAYERS_MODEL_FILE = 'model.json';
export const LAYERS_WEIGHTS_FILE = 'weights.bin';
export const MODEL_CARD_FILE = 'model-card.json';

/** What `model.json` holds. */
export interface LayersModelJson {
  modelTopology: tf.io.ModelArtifacts['modelTopology'];
  format: string;
  generatedBy: string;
  convertedBy: null;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** A folder (file URL, or a path relative to the working directory) as a URL ending in `/`. */
function folderUrl(dir: URL | string): URL {
  const url = dir instanceof URL ? new URL(dir.href) : pathToFileURL(dir);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Reads `<dir>/model-card.json`. */
export async function readModelCard<Card>(dir: URL | string): Promise<Card> {
  return JSON.parse(await readFile(new URL(MODEL_CARD_FILE, folderUrl(dir)), 'utf8')) as Card;
}

/**
 * Loads `<dir>/model.json` and its weight shards (concatenated in manifest order, as tfjs's own
 * loaders do). The model comes back as saved: callers that want it frozen set `trainable = false`.
 */
export async function loadLayersModelFromDir(dir: URL | string): Promise<tf.LayersModel> {
  const folder = folderUrl(dir);
  const json = JSON.parse(await readFile(new URL(LAYERS_MODEL_FILE, folder), 'utf8')) as Pick<LayersModelJson, 'modelTopology'> & {
    weightsManifest: tf.io.WeightsManifestConfig;
  };
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) {
      const bytes = await readFile(new URL(path, folder));
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  }
  const weightData = buffers.length === 1 ? buffers[0]! : tf.io.concatenateArrayBuffers(buffers);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
}

/** Loads a teacher: the model, frozen (`trainable = false`), and its card. */
export async function loadTeacherFolder<Card>(dir: URL | string): Promise<{ model: tf.LayersModel; card: Card }> {
  const model = await loadLayersModelFromDir(dir);
  const card = await readModelCard<Card>(dir);
  model.trainable = false;
  return { model, card };
}

export interface SaveOptions<Card> {
  /** Written as `model-card.json` (2-space JSON, trailing newline) once `verify` has passed. */
  card: Card;
  /**
   * Called with the model reloaded from the bytes just written (disposed afterwards); throw to
   * stop before the card is written.
   */
  verify?: (reloaded: tf.LayersModel) => Promise<void>;
}

function joinWeightData(data: tf.io.WeightData): ArrayBuffer {
  return Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
}

/**
 * Writes `<dir>/model.json` + `weights.bin` (one shard), reloads them through
 * `loadLayersModelFromDir` for `verify`, then writes `model-card.json`. Returns the weight bytes.
 */
export async function saveLayersModelToDir<Card>(model: tf.LayersModel, dir: URL | string, options: SaveOptions<Card>): Promise<number> {
  const folder = folderUrl(dir);
  await mkdir(folder, { recursive: true });
  let weightBytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const json: LayersModelJson = {
        modelTopology: artifacts.modelTopology,
        format: 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        weightsManifest: [{ paths: [LAYERS_WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
      };
      const weights = joinWeightData(artifacts.weightData!);
      weightBytes = weights.byteLength;
      await writeFile(new URL(LAYERS_MODEL_FILE, folder), JSON.stringify(json));
      await writeFile(new URL(LAYERS_WEIGHTS_FILE, folder), new Uint8Array(weights));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (options.verify) {
    const reloaded = await loadLayersModelFromDir(folder);
    try {
      await options.verify(reloaded);
    } finally {
      reloaded.dispose();
    }
  }
  await writeFile(new URL(MODEL_CARD_FILE, folder), `${JSON.stringify(options.card, null, 2)}\n`);
  return weightBytes;
}
