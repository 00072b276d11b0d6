import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without typings
import { bareBeside, compareWithBare } from '../bench/bare-ratio.mjs';

const runs = (...rates: number[]) => rates.map((r) => ({ bareExamplesPerSecond: r }));
const windows = (...rates: number[]) => rates.map((r) => ({ examples: r * 10, seconds: 10, rate: r }));

describe('bench: app / bare, each window against the bare runs beside it', () => {
  it('compares a window with the mean of its neighbours, or the faster one when the other was slowed', () => {
    expect(bareBeside(100, 90)).toBe(95);
    expect(bareBeside(100, 50)).toBe(100);
    expect(bareBeside(50, 100)).toBe(100);
    expect(bareBeside(undefined, 80)).toBe(80);
    expect(bareBeside(undefined, undefined)).toBeUndefined();
  });

  it('cancels a drift the pooled ratio counts against the app', () => {
    // The full bench's WebGPU row on the EPYC Zen 5 (2026-12-04): the host sped up through it.
    const row = { bareRuns: runs(165, 155, 186, 236), windows: windows(160, 175, 208) };
    const out = compareWithBare(row);
    // 186 is under 0.8 × 236: the last window is compared with 236 alone.
    expect(out.windowRatios).toEqual([1, 1.026, 0.881]);
    expect(out.ratio).toBeCloseTo(1, 5);
    expect(out.bareExamplesPerSecond).toBe(175.5);
    expect(out.pooledRatio).toBeCloseTo(181 / 175.5, 5);
    expect(out.bareSlowed).toEqual([165, 155, 186]);
  });

  it('shows a slow app as slow, and a slowed bare run does not flatter it', () => {
    const slowApp = compareWithBare({ bareRuns: runs(100, 100, 100, 100), windows: windows(80, 82, 79) });
    expect(slowApp.ratio).toBeCloseTo(0.8, 5);
    // The middle bare run at half speed: both windows beside it are compared with 100, not 75.
    const halfSpeedBare = compareWithBare({ bareRuns: runs(100, 50, 100, 100), windows: windows(90, 90, 90) });
    expect(halfSpeedBare.windowRatios).toEqual([0.9, 0.9, 0.9]);
  });

  it('says why there is no ratio', () => {
    expect(compareWithBare({ bareRuns: [{ bareReason: 'timeout' }], windows: windows(10) })).toMatchObject({ bareReason: 'timeout', bareRates: [null] });
    expect(compareWithBare({ bareRuns: runs(100, 100), windows: [{ examples: 0, seconds: 0 }] }).ratio).toBeUndefined();
  });
});
