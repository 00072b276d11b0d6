/**
 * The MNIST teacher's training data: batches with ±jitter-pixel random shifts (the augmentation)
 * and plain inputs (pixel / 255) for evaluation.
 */
import type { MnistSet } from './dataset';
import { MNIST_INPUT_SCALE } from './teacher';

/**
 * Fills `out` (n × 784 floats in [0, 1]) with images `order[from…from+n)`, each shifted by a
 * random integer (dx, dy) in [−jitter, jitter]², zero-filled at the border.
 */
export function fillBatch(
  data: MnistSet,
  order: ArrayLike<number>,
  from: number,
  n: number,
  jitter: number,
  rand: () => number,
  out: Float32Array,
  labels: Int32Array,
): void {
  const { rows, cols, images } = data;
  const pixels = rows * cols;
  out.fill(0, 0, n * pixels);
  for (let i = 0; i < n; i++) {
    const k = order[from + i]!;
    labels[i] = data.labels[k]!;
    const dx = jitter > 0 ? Math.floor(rand() * (2 * jitter + 1)) - jitter : 0;
    const dy = jitter > 0 ? Math.floor(rand() * (2 * jitter + 1)) - jitter : 0;
    const src = k * pixels;
    const dst = i * pixels;
    const c0 = Math.max(0, dx);
    const c1 = Math.min(cols, cols + dx);
    for (let r = Math.max(0, dy); r < Math.min(rows, rows + dy); r++) {
      const srcRow = src + (r - dy) * cols - dx;
      const dstRow = dst + r * cols;
      for (let c = c0; c < c1; c++) out[dstRow + c] = images[srcRow + c]! * MNIST_INPUT_SCALE;
    }
  }
}

export function toInputs(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i]! * MNIST_INPUT_SCALE;
  return out;
}
