/**
 * Loads the MNIST lab in the browser from our own build: the 2×1200 teacher (layers format,
 * quantized, gzip-compressed) and the training images, streamed with progress; the 10,000 test
 * images are not needed for the first step, so they stream in after training has started
 * (`TestArrival`). The bytes are kept, so a second load (another backend, while `auto` measures)
 * only rebuilds the teacher's tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { fetchMnistSet, type MnistSet } from '../../../../models/mnist/dataset';
import { MnistSetReceiver, streamMnistSet } from '../../../../models/mnist/dataset-stream';
import type { MnistTeacherCard } from '../../../../models/mnist/teacher';
import modelJson from '../../../../models/mnist/teacher/model.json';
import card from '../../../../models/mnist/teacher/model-card.json';
import weightsUrl from '../../../../models/mnist/teacher/weights.bin.gz?url';
import testUrl from '../../../../models/mnist/data/test-10000.dpmn.gz?url';
import trainUrl from '../../../../models/mnist/data/train-10000.dpmn.gz?url';
import stripUrl from '../../../../models/mnist/data/test-strip.dpmn.gz?url';
import { fetchGunzipped } from '../../../../models/fetch-bytes';
import type { LoadProgress } from '../../../../workers/trainer-api';
import { MNIST_PIXELS, MNIST_TEST_COUNT } from '../shared/schema';
import type { MnistLoaders, TestArrival } from './index';

const resolve = (url: string) => new URL(url, import.meta.url);

let weights: Promise<ArrayBuffer> | null = null;
let train: Promise<MnistSet> | null = null;
let strip: Promise<MnistSet> | null = null;
/** The test set, full size from the start, filled in the background once started. */
let test: { receiver: MnistSetReceiver; started: boolean } | null = null;

/** A failed download is not kept: the next attempt fetches again. */
function kept<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

function testArrival(): TestArrival {
  const side = Math.sqrt(MNIST_PIXELS);
  if (!test || test.receiver.error) test = { receiver: new MnistSetReceiver({ count: MNIST_TEST_COUNT, rows: side, cols: side }), started: false };
  const t = test;
  return {
    start() {
      if (t.started) return;
      t.started = true;
      streamMnistSet(resolve(testUrl), undefined, t.receiver);
    },
    available: () => t.receiver.available,
    error: () => t.receiver.error,
  };
}

export const loadMnistInBrowser: MnistLoaders['loadMnist'] = async (onProgress: (progress: LoadProgress) => void) => {
  const json = modelJson as unknown as { modelTopology: tf.io.ModelJSON['modelTopology']; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  // The quantized teacher (uint8, layers format), gzip-compressed: 0.94 MB instead of 9.58.
  weights ??= kept(
    fetchGunzipped(resolve(weightsUrl), (loaded, total) => onProgress({ phase: 'teacher', loaded, total })).then((b) => b.buffer as ArrayBuffer),
    () => (weights = null),
  );
  const weightData = await weights;
  const teacher = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData }),
  );
  train ??= kept(
    fetchMnistSet(resolve(trainUrl), (loaded, total) => onProgress({ phase: 'train-images', loaded, total })),
    () => (train = null),
  );
  // The digit strip's ten test images (2 kB): real test digits on the page from the start.
  strip ??= kept(fetchMnistSet(resolve(stripUrl)), () => (strip = null));
  try {
    const arrival = testArrival();
    const [trainSet, stripSet] = await Promise.all([train, strip]);
    return { teacher, card: card as unknown as MnistTeacherCard, train: trainSet, test: test!.receiver, testArrival: arrival, strip: stripSet };
  } catch (error) {
    teacher.dispose();
    throw error;
  }
};
