/**
 * Loads the CartPole teacher in the browser from our own build: model.json and the card are
 * bundled lazily, the weights file is emitted beside the worker and fetched by relative URL.
 */
import * as tf from '@tensorflow/tfjs';
import type { CartpoleModelCard } from '../../../../models/cartpole/teacher';
import weightsUrl from '../../../../models/cartpole/teacher/weights.bin?url';
import type { CartpoleLoaders } from './index';

interface LayersModelJson {
  modelTopology: tf.io.ModelJSON['modelTopology'];
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export const loadTeacherInBrowser: CartpoleLoaders['loadTeacher'] = async () => {
  const [{ default: json }, { default: card }] = await Promise.all([
    import('../../../../models/cartpole/teacher/model.json') as Promise<{ default: LayersModelJson }>,
    import('../../../../models/cartpole/teacher/model-card.json') as Promise<{ default: CartpoleModelCard }>,
  ]);
  if (!json?.modelTopology || !Array.isArray(json.weightsManifest)) throw new Error('model.json is not a TensorFlow.js layers model');
  const response = await fetch(new URL(weightsUrl, import.meta.url));
  if (!response.ok) throw new Error(`weights.bin answered HTTP ${response.status}`);
  const weightData = await response.arrayBuffer();
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
  return { model, card };
};
