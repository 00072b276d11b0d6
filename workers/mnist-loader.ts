/**
 * Loads the MNIST lab in the browser from our own build: the 2×1200 teacher (layers format) and
 * the image files, streamed with progress so the page can show a bar while ~16 MB arrive.
 */
import * as tf from '@tensorflow/tfjs';
import { fetchMnistSet } from '../models/mnist/dataset';
import type { MnistTeacherCard } from '../models/mnist/teacher';
import modelJson from '../models/mnist/teacher/model.json';
import card from '../models/mnist/teacher/model-card.json';
import weightsUrl from '../models/mnist/teacher/weights.bin?url';
import testUrl from '../models/mnist/data/test-10000.dpmn?url';
import trainUrl from '../models/mnist/data/train-10000.dpmn?url';
import type { LoadProgress } from './trainer-api';
import type { LoadedMnist } from './trainer';

const resolve = (url: string) => new URL(url, import.meta.url);

export async function loadMnistInBrowser(onProgress: (progress: LoadProgress) => void): Promise<LoadedMnist> {
  const json = modelJson as unknown as { modelTopology: tf.io.ModelJSON['modelTopology']; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const weights = await fetch(resolve(weightsUrl));
  if (!weights.ok) throw new Error(`teacher weights answered HTTP ${weights.status}`);
  const weightData = await weights.arrayBuffer();
  const teacher = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData }),
  );
  const test = await fetchMnistSet(resolve(testUrl), (loaded, total) => onProgress({ what: 'test', loaded, total }));
  const train = await fetchMnistSet(resolve(trainUrl), (loaded, total) => onProgress({ what: 'train', loaded, total }));
  return { teacher, card: card as unknown as MnistTeacherCard, train, test };
}
