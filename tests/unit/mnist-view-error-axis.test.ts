import { describe, expect, it } from 'vitest';
import { errorAxisTop } from '../../src/labs/mnist/client/error-axis';

describe('errorAxisTop', () => {
  it('zooms to a few times the latest errors, rounded up', () => {
    // Latest worst 1.8 % → 5.4 % → a round 6 %.
    expect(errorAxisTop(1.8, 90, false)).toBeCloseTo(6, 10);
  });

  it('never zooms closer than 2 %', () => {
    expect(errorAxisTop(0.3, 90, false)).toBeCloseTo(2, 10);
  });

  it('does not zoom past the data when everything is already low', () => {
    expect(errorAxisTop(1.5, 1.6, false)).toBeCloseTo(2, 10);
  });

  it('shows early training whole (latest errors still high)', () => {
    expect(errorAxisTop(60, 90, false)).toBe(100);
  });

  it('has a default with no data, and a full range on request', () => {
    expect(errorAxisTop(Number.NaN, Number.NaN, false)).toBe(10);
    expect(errorAxisTop(1, 50, true)).toBe(100);
  });
});
