import { describe, expect, it } from 'vitest';
import {
  barHeight,
  columnPlan,
  columnValues,
  probability,
  scaleTop,
  topEntries,
} from '../../src/components/distill-bars/bars-data';

describe('topEntries', () => {
  it('ranks a distribution, largest first, ties by class', () => {
    const row = new Float32Array([0.1, 0.2, 0.7, 0.25, 0.5, 0.25]).subarray(3, 6);
    expect(topEntries(row, 3, 2)).toEqual([
      { index: 1, p: 0.5 },
      { index: 0, p: 0.25 },
    ]);
    expect(topEntries([0.1, 0.2, 0.7], 3, 1)[0]!.index).toBe(2);
  });

  it('counts missing and non-finite values as 0, and never returns more than there are', () => {
    expect(topEntries([Number.NaN, 0.4], 3, 5)).toEqual([
      { index: 1, p: 0.4 },
      { index: 0, p: 0 },
      { index: 2, p: 0 },
    ]);
    expect(topEntries(undefined, 2, 0)).toEqual([]);
    expect(probability([-0.1], 0)).toBe(0);
  });
});

describe('columnPlan and columnValues', () => {
  it('shows every class in order without top-k', () => {
    expect(columnPlan([0.2, 0.8], 2)).toEqual({ classes: [0, 1], rest: false });
    // A bucket of one class would only rename it.
    expect(columnPlan([0.2, 0.5, 0.3], 3, 2)).toEqual({ classes: [0, 1, 2], rest: false });
  });

  it('keeps the top k of the reference, largest first, and sums the others into the rest', () => {
    const teacher = [0.05, 0.4, 0.1, 0.3, 0.15];
    const plan = columnPlan(teacher, 5, 2);
    expect(plan).toEqual({ classes: [1, 3], rest: true });
    const values = columnValues(teacher, plan, 5);
    expect(values[0]).toBeCloseTo(0.4, 12);
    expect(values[1]).toBeCloseTo(0.3, 12);
    expect(values[2]).toBeCloseTo(0.05 + 0.1 + 0.15, 12);
    // Another model is shown in the same columns.
    const student = columnValues(new Float32Array([0.5, 0.1, 0.1, 0.2, 0.1]), plan, 5);
    expect(student.map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0.2, 0.7]);
  });

  it('fits a 27-class next-character view: top 10 and the rest', () => {
    const p = Array.from({ length: 27 }, (_, c) => (c + 1) / 378); // sums to 1
    const plan = columnPlan(p, 27, 10);
    expect(plan.classes).toEqual([26, 25, 24, 23, 22, 21, 20, 19, 18, 17]);
    const values = columnValues(p, plan, 27);
    expect(values).toHaveLength(11);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(values[10]).toBeCloseTo((17 * 18) / 2 / 378, 12);
  });
});

describe('scaleTop and barHeight', () => {
  it('is 0–100 % unless zoomed; zoomed, a round top above the largest bar', () => {
    expect(scaleTop([[0.12, 0.08]], false)).toBe(1);
    expect(scaleTop([[0.12, 0.08], [0.032]], true)).toBe(0.125);
    expect(scaleTop([[0.032]], true)).toBe(0.04);
    expect(scaleTop([[0]], true)).toBe(0.01);
  });

  it('clamps heights to the row', () => {
    expect(barHeight(0.02, 0.04)).toBe(0.5);
    expect(barHeight(2, 1)).toBe(1);
    expect(barHeight(-1, 1)).toBe(0);
    expect(barHeight(0.5, 0)).toBe(0);
  });
});
