import { describe, expect, it } from 'vitest';
import {
  confusionHeat,
  errorRate,
  errorsKey,
  maxOffDiagonal,
  topConfusions,
} from '../../src/labs/mnist/client/distill-class-errors/class-errors-data';
import { niceAxis } from '../../src/shared/axis';

describe('errorRate', () => {
  it('divides, and refuses an empty class', () => {
    expect(errorRate(146, 10_000)).toBeCloseTo(0.0146, 10);
    expect(errorRate(0, 1010)).toBe(0);
    expect(errorRate(3, 0)).toBeNull();
    expect(errorRate(undefined, 10)).toBeNull();
  });
});

describe('niceAxis', () => {
  it('rounds up to at most five round intervals', () => {
    expect(niceAxis(0.032)).toEqual({ top: 0.04, step: 0.01 });
    expect(niceAxis(0.87)).toEqual({ top: 1, step: 0.2 });
    expect(niceAxis(0.15)).toEqual({ top: 0.15, step: 0.05 });
    expect(niceAxis(0.0146)).toEqual({ top: 0.015, step: 0.005 });
  });

  it('is at least 1 % and at most 100 % tall', () => {
    expect(niceAxis(0)).toEqual({ top: 0.01, step: 0.002 });
    expect(niceAxis(Number.NaN)).toEqual({ top: 0.01, step: 0.002 });
    expect(niceAxis(1.5)).toEqual({ top: 1, step: 0.2 });
  });
});

describe('confusions', () => {
  // 3 × 3: true 0 → predicted 2 twice; true 1 → 0 five times; true 2 → 1 twice.
  const m = new Uint32Array([90, 0, 2, 5, 80, 0, 0, 2, 70]);

  it('lists the largest mistakes first, never the diagonal', () => {
    expect(topConfusions(m, 5, 3)).toEqual([
      { trueDigit: 1, predicted: 0, count: 5 },
      { trueDigit: 0, predicted: 2, count: 2 },
      { trueDigit: 2, predicted: 1, count: 2 },
    ]);
    expect(topConfusions(m, 1, 3)).toHaveLength(1);
    expect(topConfusions(new Uint32Array(9), 3, 3)).toEqual([]);
  });

  it('scales heat by the worst mistake, square root', () => {
    expect(maxOffDiagonal(m, 3)).toBe(5);
    expect(confusionHeat(5, 5)).toBe(1);
    expect(confusionHeat(0, 5)).toBe(0);
    expect(confusionHeat(1.25, 5)).toBeCloseTo(0.5, 10);
    expect(confusionHeat(3, 0)).toBe(0);
  });
});

describe('errorsKey', () => {
  const errors = (n: number, confusion?: number[]) => ({
    errors: n,
    total: 10_000,
    perClass: { errors: [n, 0, 0, 0, 0, 0, 0, 0, 0, 0], totals: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009] },
    ...(confusion ? { confusion: Uint32Array.from(confusion) } : {}),
  });
  const student = (n: number, label = 'B · Logit KD') => ({ id: 'b', label, test: errors(n) });

  it('is equal for equal contents in new objects, and differs when anything shown changes', () => {
    const key = errorsKey(errors(94), [student(120)]);
    expect(errorsKey(errors(94), [student(120)])).toBe(key);
    expect(errorsKey(errors(95), [student(120)])).not.toBe(key);
    expect(errorsKey(errors(94), [student(121)])).not.toBe(key);
    expect(errorsKey(errors(94), [student(120, 'C · Hints')])).not.toBe(key);
    expect(errorsKey(errors(94), [])).not.toBe(key);
    expect(errorsKey(null, [student(120)])).not.toBe(key);
    expect(errorsKey(errors(94, [1, 2]), [student(120)])).not.toBe(errorsKey(errors(94, [1, 3]), [student(120)]));
  });
});
