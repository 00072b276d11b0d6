import { describe, expect, it } from 'vitest';
import { HEAVY_FLOOR_SHARE, heavyGapMs, LIGHT_FLOOR_SHARE, LIGHT_SHARE, HEAVY_SHARE, lightGapMs, rateWindowMs, SNAPSHOTS_PER_SECOND } from '../../workers/pacing';

describe('snapshot pacing', () => {
  it('a cheap light snapshot comes up to 30 times a second, spaced by its cost', () => {
    expect(lightGapMs(0)).toBeCloseTo(1000 / SNAPSHOTS_PER_SECOND);
    expect(lightGapMs(1)).toBeCloseTo(1 / LIGHT_SHARE);
    // Never rarer than every 250 ms while that costs at most FLOOR_SHARE.
    expect(lightGapMs(5)).toBe(250);
  });

  it('the heavy part is at least every 2 s while one costs up to 200 ms (a headline stays current)', () => {
    expect(heavyGapMs(10)).toBeCloseTo(10 / HEAVY_SHARE);
    expect(heavyGapMs(50)).toBe(2000);
    expect(heavyGapMs(150)).toBe(2000);
    expect(heavyGapMs(200)).toBe(2000);
    // Dearer: a software renderer; held to 2.5 % like a light snapshot.
    expect(heavyGapMs(400)).toBe(400 / LIGHT_FLOOR_SHARE);
  });

  it('no kind of snapshot takes more than its share, however dear (a software GPU: 2.5 %)', () => {
    for (const cost of [0.5, 3, 12, 40, 80, 300, 1060, 3500]) {
      expect(cost / lightGapMs(cost)).toBeLessThanOrEqual(Math.max(LIGHT_SHARE, LIGHT_FLOOR_SHARE) + 1e-9);
      expect(cost / heavyGapMs(cost)).toBeLessThanOrEqual((cost <= 200 ? HEAVY_FLOOR_SHARE : LIGHT_FLOOR_SHARE) + 1e-9);
    }
    // WebGPU on SwiftShader, measured: a 2-D heavy snapshot 3.5 s, a light one 1.06 s.
    expect(heavyGapMs(3500)).toBe(3500 / LIGHT_FLOOR_SHARE);
    expect(lightGapMs(1060)).toBe(1060 / LIGHT_FLOOR_SHARE);
  });

  it('examples/s is measured over a window that holds a heavy snapshot', () => {
    expect(rateWindowMs(0)).toBe(1500);
    expect(rateWindowMs(50)).toBe(2500);
    expect(rateWindowMs(3500)).toBe(10_000);
    expect(rateWindowMs(150)).toBe(2500);
  });
});
