/**
 * The transfer set (the images a student trains on) and its batches. Pure: no tfjs, no DOM.
 */
import { digitsKept, MNIST_CLASSES, MNIST_PIXELS, type TransferSet } from '../shared/schema';
import { mulberry32, shuffledIndices } from '../../../shared/random';

/** An MNIST split as the data module decodes it (models/mnist/dataset.ts): pixels 0–255, row-major. */
export interface MnistData {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows?: number;
  cols?: number;
}

export function checkMnistData(d: MnistData, what: string): void {
  if (d.labels.length !== d.count || d.images.length !== d.count * MNIST_PIXELS) {
    throw new RangeError(`${what}: expected ${d.count} labels and ${d.count} images of ${MNIST_PIXELS} pixels`);
  }
}

/**
 * Indices into the training set: the images whose digit passes the filters, shuffled by `seed`,
 * the first `size` of them (all of them when fewer pass), in ascending order.
 */
export function selectTransferSet(labels: Uint8Array, t: TransferSet, seed: number): Uint32Array {
  const keep = new Uint8Array(MNIST_CLASSES);
  for (const d of digitsKept(t)) keep[d] = 1;
  const pool: number[] = [];
  for (let i = 0; i < labels.length; i++) if (keep[labels[i]!]) pool.push(i);
  if (t.size >= pool.length) return Uint32Array.from(pool);
  const order = shuffledIndices(pool.length, mulberry32(seed * 7919 + 4243));
  const picked = Array.from(order.subarray(0, t.size), (j) => pool[j]!).sort((a, b) => a - b);
  return Uint32Array.from(picked);
}

/** Images of digits 0–255 scaled to 0–1, flattened to 784 per row. */
export function imagesToFloat(images: Uint8Array, indices: ArrayLike<number>, out = new Float32Array(indices.length * MNIST_PIXELS)): Float32Array {
  for (let b = 0; b < indices.length; b++) {
    const src = indices[b]! * MNIST_PIXELS;
    const dst = b * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) out[dst + p] = images[src + p]! / 255;
  }
  return out;
}

/** Epoch-wise shuffled batches over a fixed set of indices, from its own seeded stream. */
export class BatchStream {
  private readonly rand: () => number;
  private order: Uint32Array;
  private cursor = 0;

  constructor(
    private readonly indices: Uint32Array,
    seed: number,
  ) {
    if (indices.length === 0) throw new RangeError('the transfer set is empty');
    this.rand = mulberry32(seed * 7919 + 17);
    this.order = shuffledIndices(indices.length, this.rand);
  }

  /** The next `size` training-set indices. */
  next(size: number): Uint32Array {
    const out = new Uint32Array(size);
    for (let b = 0; b < size; b++) {
      if (this.cursor >= this.order.length) {
        this.order = shuffledIndices(this.indices.length, this.rand);
        this.cursor = 0;
      }
      out[b] = this.indices[this.order[this.cursor++]!]!;
    }
    return out;
  }
}
