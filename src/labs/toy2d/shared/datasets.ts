/**
 * 2-D data sets generated deterministically from a seed. Pure: no tfjs, no DOM, so the worker,
 * the teacher-training script and the unit tests all get the very same points.
 */
import { DATASET_CLASSES, type DatasetName } from './schema';
import { gaussian, mulberry32, shuffledIndices } from '../../../shared/random';


export interface Points2D {
  /** `count × 2` inputs, roughly inside [-1.2, 1.2]². */
  x: Float32Array;
  /** Class index per point. */
  y: Uint8Array;
  count: number;
  classes: number;
}

/** The square the lab draws and samples region grids over. */
export const EXTENT: [number, number, number, number] = [-1.5, 1.5, -1.5, 1.5];


type Sampler = (cls: number, rand: () => number, normal: () => number) => [number, number];

/** Three interleaved spiral arms (the CS231n set), one class per arm. */
const spiral: Sampler = (cls, rand, normal) => {
  const t = rand();
  const radius = 0.08 + 1.0 * t;
  const angle = (cls * 2 * Math.PI) / 3 + t * 4.2 + normal() * 0.18;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
};

/** Two interleaving half circles. */
const moons: Sampler = (cls, rand, normal) => {
  const t = rand() * Math.PI;
  const [x, y] = cls === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  // Centre on the origin and fit in about [-1.2, 1.2].
  return [(x - 0.5) * 0.85 + normal() * 0.1, (y - 0.25) * 0.85 + normal() * 0.1];
};

/** A disc inside a ring. */
const circles: Sampler = (cls, rand, normal) => {
  const angle = rand() * 2 * Math.PI;
  const radius = cls === 0 ? 0.45 * Math.sqrt(rand()) : 0.75 + 0.3 * rand();
  return [radius * Math.cos(angle) + normal() * 0.06, radius * Math.sin(angle) + normal() * 0.06];
};

/** Five overlapping Gaussian clusters: where they overlap, the teacher's soft outputs carry information a label cannot. */
const CLUSTER_CENTRES: [number, number][] = [
  [-0.6, 0.55],
  [0.55, 0.6],
  [0.0, 0.0],
  [-0.55, -0.6],
  [0.6, -0.55],
];
const clusters: Sampler = (cls, _rand, normal) => {
  const [cx, cy] = CLUSTER_CENTRES[cls]!;
  return [cx + normal() * 0.28, cy + normal() * 0.28];
};

const SAMPLERS: Record<DatasetName, Sampler> = { spiral, moons, circles, clusters };

/**
 * `count` points of `name`, classes balanced (round-robin), then shuffled. Same name, count and
 * seed → the same points, bit for bit.
 */
export function generateDataset(name: DatasetName, count: number, seed: number): Points2D {
  const classes = DATASET_CLASSES[name];
  const sampler = SAMPLERS[name];
  const rand = mulberry32(seed * 2654435761 + name.length * 97 + name.charCodeAt(0));
  const normal = gaussian(rand);
  const order = shuffledIndices(count, rand);
  const x = new Float32Array(count * 2);
  const y = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const cls = i % classes;
    const [px, py] = sampler(cls, rand, normal);
    const slot = order[i]!;
    x[slot * 2] = foldInto(px, EXTENT[0], EXTENT[1]);
    x[slot * 2 + 1] = foldInto(py, EXTENT[2], EXTENT[3]);
    y[slot] = cls;
  }
  return { x, y, count, classes };
}

/**
 * Gaussian tails put about 1 point in 1000 of moons and clusters outside the drawn square, where
 * no one would see it; mirror such a coordinate back inside. Points already inside are untouched.
 */
function foldInto(v: number, lo: number, hi: number): number {
  const folded = v > hi ? 2 * hi - v : v < lo ? 2 * lo - v : v;
  return Math.min(hi, Math.max(lo, folded));
}


/** Sizes the lab uses. The test set uses a different seed stream, so it never overlaps the training set. */
export const TRAIN_SIZE = 600;
export const TEST_SIZE = 600;
export const TEST_SEED_OFFSET = 1_000_003;

export function trainSet(name: DatasetName, seed: number): Points2D {
  return generateDataset(name, TRAIN_SIZE, seed);
}

export function testSet(name: DatasetName, seed: number): Points2D {
  return generateDataset(name, TEST_SIZE, seed + TEST_SEED_OFFSET);
}

/**
 * The first `n` points of `points` in index order, class-balanced (classes differ by at most one
 * point), returned in index order. Deterministic, so every run of a seed labels the same points.
 */
export function labelledIndices(points: Points2D, n: number): Uint32Array {
  const count = Math.min(Math.max(0, Math.floor(n)), points.count);
  const quota = new Array<number>(points.classes).fill(Math.floor(count / points.classes));
  for (let c = 0; c < count % points.classes; c++) quota[c]! += 1;
  const out: number[] = [];
  for (let i = 0; i < points.count && out.length < count; i++) {
    const c = points.y[i]!;
    if (quota[c]! > 0) {
      quota[c]! -= 1;
      out.push(i);
    }
  }
  return Uint32Array.from(out);
}

/** Cell centres of a `size × size` grid over `extent`, row 0 at the top (largest y). */
export function gridPoints(size: number, extent = EXTENT): Float32Array {
  const [xmin, xmax, ymin, ymax] = extent;
  const out = new Float32Array(size * size * 2);
  for (let i = 0; i < size; i++) {
    const y = ymax - ((i + 0.5) / size) * (ymax - ymin);
    for (let j = 0; j < size; j++) {
      const x = xmin + ((j + 0.5) / size) * (xmax - xmin);
      out[(i * size + j) * 2] = x;
      out[(i * size + j) * 2 + 1] = y;
    }
  }
  return out;
}

/** Default probe points per data set: places where the classes meet, so the distributions are interesting. */
export const DEFAULT_PROBES: Record<DatasetName, [number, number][]> = {
  spiral: [
    [0.3, 0.35],
    [-0.5, 0.1],
    [0.05, -0.55],
  ],
  moons: [
    [0.0, 0.15],
    [-0.45, 0.2],
    [0.55, -0.25],
  ],
  circles: [
    [0.6, 0.0],
    [0.0, 0.3],
    [-0.45, -0.45],
  ],
  clusters: [
    [-0.3, 0.3],
    [0.3, -0.25],
    [0.0, 0.6],
  ],
};
