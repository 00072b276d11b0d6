/**
 * Loads the MNIST lab in the browser from our own build: the 2×1200 teacher (layers format) and
 * the image files, streamed with progress so the page can show a bar while ~26 MB arrive. The
 * bytes are kept, so a second load (another backend, while `auto` measures) only rebuilds the
 * teacher's tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { fetchMnistSet, type MnistSet } from '../../../../models/mnist/dataset';
import type { MnistTeacherCard } from '../../../../models/mnist/teacher';
import modelJson from '../../../../models/mnist/teacher/model.json';
import card from '../../../../models/mnist/teacher/model-card.json';
import weightsUrl from '../../../../models/mnist/teacher/weights.bin.gz?url';
import testUrl from '../../../../models/mnist/data/test-10000.dpmn.gz?url';
import trainUrl from '../../../../models/mnist/data/train-10000.dpmn.gz?url';
import { fetchGunzipped } from '../../../../models/fetch-bytes';
import type { LoadProgress } from '../../../../workers/trainer-api';
import type { MnistLoaders } from './index';

const resolve = (url: string) => new URL(url, import.meta.url);

let weights: Promise<ArrayBuffer> | null = null;
let sets: Promise<{ test: MnistSet; train: MnistSet }> | null = null;

/** A failed download is not kept: the next attempt fetches again. */
function kept<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

export const loadMnistInBrowser: MnistLoaders['loadMnist'] = async (onProgress: (progress: LoadProgress) => void) => {
  const json = modelJson as unknown as { modelTopology: tf.io.ModelJSON['modelTopology']; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  weights ??= kept(
    // The quantized teacher (uint8, layers format), gzip-compressed: 0.94 MB instead of 9.58.
    fetchGunzipped(resolve(weightsUrl), (loaded, total) => onProgress({ phase: 'teacher', loaded, total })).then((b) => b.buffer as ArrayBuffer),
    () => (weights = null),
  );
  const weightData = await weights;
  const teacher = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData }),
  );
  sets ??= kept(
    (async () => {
      const test = await fetchMnistSet(resolve(testUrl), (loaded, total) => onProgress({ phase: 'test-images', loaded, total }));
      const train = await fetchMnistSet(resolve(trainUrl), (loaded, total) => onProgress({ phase: 'train-images', loaded, total }));
      return { test, train };
    })(),
    () => (sets = null),
  );
  try {
    const { test, train } = await sets;
    return { teacher, card: card as unknown as MnistTeacherCard, train, test };
  } catch (error) {
    teacher.dispose();
    throw error;
  }
};
