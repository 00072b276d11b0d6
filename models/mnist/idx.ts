/**
 * Decoder for the idx files MNIST ships in (http://yann.lecun.com/exdb/mnist/): a big-endian
 * header — two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions — then one
 * uint32 size per dimension, then the data. Images are idx3 (magic 0x00000803 = 2051: count, rows,
 * cols), labels idx1 (magic 0x00000801 = 2049: count).
 *
 * Pure: no fs, no tfjs; works on any ArrayBuffer / Uint8Array. The returned arrays are views into
 * the input (no copy).
 */

export const IDX3_UBYTE_MAGIC = 0x00000803;
export const IDX1_UBYTE_MAGIC = 0x00000801;

export interface IdxImages {
  /** `count · rows · cols` pixels, row-major, 0 (background) … 255 (ink). */
  images: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

export interface IdxLabels {
  labels: Uint8Array;
  count: number;
}

export class IdxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxFormatError';
  }
}

function bytesOf(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

function hex(v: number): string {
  return `0x${v.toString(16).padStart(8, '0')}`;
}

function header(bytes: Uint8Array, words: number, what: string): number[] {
  if (bytes.byteLength < words * 4) {
    throw new IdxFormatError(`${what}: ${bytes.byteLength} bytes is shorter than the ${words * 4}-byte idx header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: words }, (_, i) => view.getUint32(i * 4, false));
}

function checkMagic(magic: number, expected: number, what: string): void {
  if (magic === expected) return;
  const swapped = ((magic & 0xff) << 24) | ((magic & 0xff00) << 8) | ((magic >>> 8) & 0xff00) | (magic >>> 24);
  const hint =
    (swapped >>> 0) === expected
      ? ' (byte-swapped: idx headers are big-endian)'
      : magic >>> 16 === 0x1f8b
        ? ' (this looks like a gzip file: gunzip it first)'
        : magic === IDX1_UBYTE_MAGIC || magic === IDX3_UBYTE_MAGIC
          ? ` (that is the ${magic === IDX1_UBYTE_MAGIC ? 'idx1 labels' : 'idx3 images'} magic: wrong file?)`
          : '';
  throw new IdxFormatError(`${what}: magic ${hex(magic)}, expected ${hex(expected)}${hint}`);
}

function checkSize(actual: number, expected: number, what: string, shape: string): void {
  if (actual !== expected) {
    throw new IdxFormatError(
      `${what}: header says ${shape} (${expected} bytes with the header) but the buffer holds ${actual} bytes` +
        (actual < expected ? ' (truncated?)' : ''),
    );
  }
}

/** Decodes an idx3-ubyte image file (e.g. `train-images-idx3-ubyte`). */
export function decodeIdxImages(buffer: ArrayBuffer | Uint8Array): IdxImages {
  const what = 'idx3 images';
  const bytes = bytesOf(buffer);
  const [magic, count, rows, cols] = header(bytes, 4, what) as [number, number, number, number];
  checkMagic(magic, IDX3_UBYTE_MAGIC, what);
  if (rows === 0 || cols === 0) throw new IdxFormatError(`${what}: empty image size ${rows}×${cols}`);
  checkSize(bytes.byteLength, 16 + count * rows * cols, what, `${count} images of ${rows}×${cols}`);
  return { images: bytes.subarray(16), count, rows, cols };
}

/** Decodes an idx1-ubyte label file (e.g. `train-labels-idx1-ubyte`); labels must be 0–9. */
export function decodeIdxLabels(buffer: ArrayBuffer | Uint8Array, classes = 10): IdxLabels {
  const what = 'idx1 labels';
  const bytes = bytesOf(buffer);
  const [magic, count] = header(bytes, 2, what) as [number, number];
  checkMagic(magic, IDX1_UBYTE_MAGIC, what);
  checkSize(bytes.byteLength, 8 + count, what, `${count} labels`);
  const labels = bytes.subarray(8);
  for (let i = 0; i < count; i++) {
    if (labels[i]! >= classes) throw new IdxFormatError(`${what}: label ${labels[i]} at index ${i} is not below ${classes}`);
  }
  return { labels, count };
}
