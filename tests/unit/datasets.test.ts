import { describe, expect, it } from 'vitest';
import { mulberry32, shuffledIndices } from '../../src/shared/random';
import { DATASETS, DATASET_CLASSES } from '../../src/labs/toy2d/shared/schema';
import {
  EXTENT,
  TEST_SIZE,
  TRAIN_SIZE,
  generateDataset,
  gridPoints,
  testSet,
  trainSet,
} from '../../src/labs/toy2d/shared/datasets';

const bytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('mulberry32', () => {
  it('gives the pinned first values for seed 1', () => {
    const rand = mulberry32(1);
    // Outputs are k / 2^32 exactly; the first one is the widely quoted 0.6270739405881613.
    const first = Array.from({ length: 5 }, () => rand() * 4294967296);
    expect(first).toEqual([2693262067, 11749833, 2265367787, 4213581821, 4159151403]);
  });

  it('stays in [0, 1)', () => {
    const rand = mulberry32(12345);
    for (let i = 0; i < 10_000; i++) {
      const v = rand();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});

describe('shuffledIndices', () => {
  it('is a permutation', () => {
    const order = shuffledIndices(100, mulberry32(3));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe.each(DATASETS)('%s', (name) => {
  it('is identical, byte for byte, for the same seed', () => {
    const a = generateDataset(name, 300, 42);
    const b = generateDataset(name, 300, 42);
    expect(bytes(a.x)).toEqual(bytes(b.x));
    expect(bytes(a.y)).toEqual(bytes(b.y));
  });

  it('differs for a different seed', () => {
    const a = generateDataset(name, 300, 42);
    const b = generateDataset(name, 300, 43);
    expect(bytes(a.x)).not.toEqual(bytes(b.x));
  });

  it('has balanced classes, all finite and inside the drawn square', () => {
    const data = generateDataset(name, 601, 9);
    const classes = DATASET_CLASSES[name];
    expect(data.classes).toBe(classes);
    expect(data.count).toBe(601);
    expect(data.x.length).toBe(601 * 2);
    expect(data.y.length).toBe(601);
    const counts = new Array<number>(classes).fill(0);
    for (const c of data.y) {
      expect(c).toBeLessThan(classes);
      counts[c]!++;
    }
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const [xmin, xmax, ymin, ymax] = EXTENT;
    for (let i = 0; i < data.count; i++) {
      const x = data.x[i * 2]!;
      const y = data.x[i * 2 + 1]!;
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(x >= xmin && x <= xmax && y >= ymin && y <= ymax, `point ${i} = (${x}, ${y})`).toBe(true);
    }
  });

  it('keeps Gaussian tails inside the drawn square, over many seeds and a large sample', () => {
    const [xmin, xmax, ymin, ymax] = EXTENT;
    const samples = [generateDataset(name, 20_000, 5), ...Array.from({ length: 40 }, (_, s) => trainSet(name, s + 1))];
    for (const data of samples) {
      for (let i = 0; i < data.count; i++) {
        const x = data.x[i * 2]!;
        const y = data.x[i * 2 + 1]!;
        if (!(x >= xmin && x <= xmax && y >= ymin && y <= ymax)) expect.fail(`point (${x}, ${y}) outside the square`);
      }
    }
  });

  it('has a training set and a test set of the stated sizes that differ', () => {
    const train = trainSet(name, 1);
    const test = testSet(name, 1);
    expect(train.count).toBe(TRAIN_SIZE);
    expect(test.count).toBe(TEST_SIZE);
    expect(bytes(train.x)).not.toEqual(bytes(test.x));
    // No test point repeats a training point.
    const seen = new Set<string>();
    for (let i = 0; i < train.count; i++) seen.add(`${train.x[i * 2]},${train.x[i * 2 + 1]}`);
    for (let i = 0; i < test.count; i++) expect(seen.has(`${test.x[i * 2]},${test.x[i * 2 + 1]}`)).toBe(false);
  });
});

describe('class counts per data set', () => {
  it('has 3 spiral arms, 5 clusters, 2 moons, 2 circles', () => {
    expect(generateDataset('spiral', 30, 1).classes).toBe(3);
    expect(new Set(generateDataset('spiral', 30, 1).y).size).toBe(3);
    expect(generateDataset('clusters', 30, 1).classes).toBe(5);
    expect(new Set(generateDataset('clusters', 30, 1).y).size).toBe(5);
    expect(generateDataset('moons', 30, 1).classes).toBe(2);
    expect(generateDataset('circles', 30, 1).classes).toBe(2);
  });
});

describe('gridPoints', () => {
  it('runs row by row from the top-left cell centre', () => {
    const size = 4;
    const grid = gridPoints(size);
    const [xmin, xmax, ymin, ymax] = EXTENT;
    const halfX = (xmax - xmin) / size / 2;
    const halfY = (ymax - ymin) / size / 2;
    expect(grid.length).toBe(size * size * 2);
    // Row 0, column 0: top-left.
    expect(grid[0]).toBeCloseTo(xmin + halfX, 6);
    expect(grid[1]).toBeCloseTo(ymax - halfY, 6);
    // Row 0, column 1: one cell to the right, same y.
    expect(grid[2]).toBeCloseTo(xmin + 3 * halfX, 6);
    expect(grid[3]).toBeCloseTo(ymax - halfY, 6);
    // Row 1, column 0: one cell down.
    expect(grid[size * 2]).toBeCloseTo(xmin + halfX, 6);
    expect(grid[size * 2 + 1]).toBeCloseTo(ymax - 3 * halfY, 6);
    // Last cell: bottom-right.
    expect(grid[grid.length - 2]).toBeCloseTo(xmax - halfX, 6);
    expect(grid[grid.length - 1]).toBeCloseTo(ymin + halfY, 6);
  });

  it('honours a custom extent', () => {
    const grid = gridPoints(2, [0, 2, 0, 2]);
    expect(Array.from(grid)).toEqual([0.5, 1.5, 1.5, 1.5, 0.5, 0.5, 1.5, 0.5]);
  });
});
