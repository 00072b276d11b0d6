/**
 * Pure image helpers for the MNIST views: the drawing pad's soft brush, MNIST-style centring of a
 * drawn digit, and ranking of output probabilities. No DOM, so vitest checks them in Node.
 */

/** MNIST images are 28 × 28. */
export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** MNIST digits were scaled to fit a 20 × 20 box (aspect kept) before centring. */
export const MNIST_BOX = 20;

/** Ink below this counts as paper when finding a drawing's bounding box. */
const INK_THRESHOLD = 0.05;

/** A square grey-level image, row-major, 0 (paper) to 1 (ink). */
export interface InkGrid {
  side: number;
  data: Float32Array;
}

export function createInkGrid(side: number): InkGrid {
  return { side, data: new Float32Array(side * side) };
}

export interface Brush {
  /** Radius of full ink, in grid pixels. */
  core: number;
  /** Radius where the ink has faded to nothing, in grid pixels (> core): the anti-aliased edge. */
  edge: number;
}

/**
 * Paints one round, soft dab centred at (x, y) (grid pixels; pixel i spans [i, i + 1)).
 * Ink combines by maximum, so retracing a stroke never darkens it past 1.
 */
export function paintDab(grid: InkGrid, x: number, y: number, brush: Brush): void {
  const { side, data } = grid;
  const x0 = Math.max(0, Math.floor(x - brush.edge));
  const x1 = Math.min(side - 1, Math.ceil(x + brush.edge));
  const y0 = Math.max(0, Math.floor(y - brush.edge));
  const y1 = Math.min(side - 1, Math.ceil(y + brush.edge));
  const soft = brush.edge - brush.core;
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const d = Math.hypot(px + 0.5 - x, py + 0.5 - y);
      if (d >= brush.edge) continue;
      const v = d <= brush.core ? 1 : 1 - (d - brush.core) / soft;
      const i = py * side + px;
      if (v > data[i]!) data[i] = v;
    }
  }
}

/** Paints a stroke segment from (x0, y0) to (x1, y1) as overlapping dabs. */
export function paintSegment(grid: InkGrid, x0: number, y0: number, x1: number, y1: number, brush: Brush): void {
  const length = Math.hypot(x1 - x0, y1 - y0);
  const step = Math.max(0.25, brush.core / 2);
  const n = Math.max(1, Math.ceil(length / step));
  for (let k = 0; k <= n; k++) {
    const t = k / n;
    paintDab(grid, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, brush);
  }
}

/** Area-average downsampling by an integer factor (`grid.side` must be a multiple of `side`). */
export function downsample(grid: InkGrid, side: number): Float32Array {
  const f = grid.side / side;
  if (!Number.isInteger(f) || f < 1) throw new Error(`cannot downsample ${grid.side} to ${side}`);
  const out = new Float32Array(side * side);
  const norm = 1 / (f * f);
  for (let y = 0; y < grid.side; y++) {
    for (let x = 0; x < grid.side; x++) {
      out[Math.floor(y / f) * side + Math.floor(x / f)]! += grid.data[y * grid.side + x]! * norm;
    }
  }
  return out;
}

/** Bounding box of the pixels above the ink threshold (inclusive), or null for a blank image. */
export function inkBounds(
  data: ArrayLike<number>,
  side: number,
  threshold = INK_THRESHOLD,
): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = side;
  let y0 = side;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (data[y * side + x]! > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/**
 * Centre of mass of an image, in pixel coordinates where pixel i spans [i, i + 1) (so the middle
 * of a 28-pixel frame is 14). Null for a blank image.
 */
export function centreOfMass(data: ArrayLike<number>, width: number, height = width): { x: number; y: number } | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

/** Bilinear sample at continuous pixel coordinates (pixel centres at i + 0.5); 0 outside. */
function sample(data: ArrayLike<number>, side: number, x: number, y: number): number {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const tx = fx - ix;
  const ty = fy - iy;
  const at = (px: number, py: number): number =>
    px < 0 || py < 0 || px >= side || py >= side ? 0 : data[py * side + px]!;
  return (
    (at(ix, iy) * (1 - tx) + at(ix + 1, iy) * tx) * (1 - ty) + (at(ix, iy + 1) * (1 - tx) + at(ix + 1, iy + 1) * tx) * ty
  );
}

/**
 * Turns a drawing into an MNIST-like 28 × 28 input, the way MNIST itself was made: the ink's
 * bounding box is scaled (aspect kept, anti-aliased) to fit a 20 × 20 box, then placed so its
 * centre of mass sits at the middle of the 28 × 28 frame (moved back inside if that would cut it).
 * Grey levels are rescaled so the darkest pixel is 1, as in MNIST. A blank drawing gives zeros.
 *
 * @param data  the drawing, `side × side`, row-major, 0 (paper) to 1 (ink); any size.
 */
export function centreDigit(data: ArrayLike<number>, side: number): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  const bounds = inkBounds(data, side);
  if (!bounds) return out;
  const w = bounds.x1 - bounds.x0 + 1;
  const h = bounds.y1 - bounds.y0 + 1;
  const scale = MNIST_BOX / Math.max(w, h);
  const bw = Math.max(1, Math.round(w * scale));
  const bh = Math.max(1, Math.round(h * scale));

  // Resample the box: average a grid of bilinear samples over each output pixel's footprint,
  // which anti-aliases when shrinking and interpolates when enlarging.
  const n = Math.max(3, Math.ceil(2 / scale));
  const box = new Float32Array(bw * bh);
  for (let oy = 0; oy < bh; oy++) {
    for (let ox = 0; ox < bw; ox++) {
      let sum = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = bounds.x0 + (ox + (sx + 0.5) / n) / scale;
          const y = bounds.y0 + (oy + (sy + 0.5) / n) / scale;
          sum += sample(data, side, x, y);
        }
      }
      box[oy * bw + ox] = sum / (n * n);
    }
  }

  let peak = 0;
  for (const v of box) if (v > peak) peak = v;
  if (peak <= 0) return out;
  const com = centreOfMass(box, bw, bh)!;
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  const dx = clamp(Math.round(MNIST_SIDE / 2 - com.x), 0, MNIST_SIDE - bw);
  const dy = clamp(Math.round(MNIST_SIDE / 2 - com.y), 0, MNIST_SIDE - bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      out[(y + dy) * MNIST_SIDE + x + dx] = Math.min(1, box[y * bw + x]! / peak);
    }
  }
  return out;
}
