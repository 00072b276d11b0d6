/**
 * Loads the names teacher and corpus in the browser from our own build: model.json, the card and
 * the corpus are bundled lazily (in this lab's chunk only), the weights file is emitted beside
 * the worker and fetched by relative URL. Nothing comes from the internet.
 */
import * as tf from '@tensorflow/tfjs';
import type { NamesModelCard } from '../../../../models/names/teacher';
import type { NamesCorpus } from '../shared/corpus';
import type { NamesLoaders } from './index';

interface LayersModelJson {
  modelTopology: tf.io.ModelJSON['modelTopology'];
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

const modelJson = () => import('../../../../models/names/teacher/model.json').then((m) => m.default as unknown as LayersModelJson);
const cardJson = () => import('../../../../models/names/teacher/model-card.json').then((m) => m.default as unknown as NamesModelCard);
const weightsUrl = new URL('../../../../models/names/teacher/weights.bin', import.meta.url);

export const loadNamesTeacherInBrowser: NamesLoaders['loadTeacher'] = async () => {
  const [json, card] = await Promise.all([modelJson(), cardJson()]);
  if (!json?.modelTopology || !Array.isArray(json.weightsManifest)) throw new Error('model.json is not a TensorFlow.js layers model');
  const response = await fetch(weightsUrl);
  if (!response.ok) throw new Error(`weights.bin answered HTTP ${response.status}`);
  const weightData = await response.arrayBuffer();
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
  model.trainable = false;
  return { model, card };
};

export const loadNamesCorpusInBrowser: NamesLoaders['loadCorpus'] = async () =>
  (await import('../../../../models/names/data/names.json')).default as unknown as NamesCorpus;
