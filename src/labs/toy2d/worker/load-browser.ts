/**
 * Loads a 2-D teacher in the browser from our own build: the layers-format model.json is bundled
 * lazily, the weights file is emitted beside the worker and fetched by relative URL.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelCard } from '../../../../models/toy2d/teacher';
import type { DatasetName } from '../shared/schema';
import type { Toy2dLoaders } from './index';

interface LayersModelJson {
  modelTopology: tf.io.ModelJSON['modelTopology'];
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

const modelJsons = import.meta.glob<LayersModelJson>('../../../../models/toy2d/*/model.json', { import: 'default' });
const cards = import.meta.glob<ModelCard>('../../../../models/toy2d/*/model-card.json', { import: 'default' });
const weightUrls = import.meta.glob<string>('../../../../models/toy2d/*/weights.bin', { query: '?url', import: 'default', eager: true });

export const loadTeacherInBrowser: Toy2dLoaders['loadTeacher'] = async (dataset: DatasetName) => {
  const base = `../../../../models/toy2d/${dataset}`;
  const loadJson = modelJsons[`${base}/model.json`];
  const loadCard = cards[`${base}/model-card.json`];
  const weightsUrl = weightUrls[`${base}/weights.bin`];
  if (!loadJson || !loadCard || !weightsUrl) throw new Error(`no teacher is bundled for "${dataset}"`);
  const [json, card] = await Promise.all([loadJson(), loadCard()]);
  if (!json?.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new Error('model.json is not a TensorFlow.js layers model');
  }
  const response = await fetch(new URL(weightsUrl, import.meta.url));
  if (!response.ok) throw new Error(`weights.bin answered HTTP ${response.status}`);
  const weightData = await response.arrayBuffer();
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
  return { model, card };
};
