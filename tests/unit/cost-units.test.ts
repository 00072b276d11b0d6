import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatCountIn,
  formatDollars,
  formatDollarsIn,
  formatDuration,
  formatFlops,
  formatFlopsPerSecond,
  formatGpuHours,
  formatPrice,
  formatScientific,
  formatTimes,
  parseQuantity,
  parseUtilisation,
  superscript,
} from '../../src/cost/units';

describe('cost units', () => {
  it('counts in the DeepSeek report style', () => {
    expect(formatCount(2_788_000)).toBe('2,788K');
    expect(formatCount(2_664_000)).toBe('2,664K');
    expect(formatCount(119_000)).toBe('119K');
    expect(formatCount(180_000)).toBe('180K');
    expect(formatCount(50_000)).toBe('50K');
    expect(formatCount(2048)).toBe('2,048');
    expect(formatCount(371)).toBe('371');
    expect(formatCount(37e9)).toBe('37B');
    expect(formatCount(671e9)).toBe('671B');
    expect(formatCount(14.8e12)).toBe('14.8T');
    expect(formatCount(12_345)).toBe('12.35K');
    expect(formatCount(0.026_666)).toBe('0.0267');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999.7)).toBe('10K');
    expect(formatCount(3.2856e24)).toBe('3.29 \u00d7 10\u00b2\u2074');
    expect(formatCount(Number.NaN)).toBe('\u2014');
  });

  it('counts in a fixed unit, for table columns', () => {
    expect(formatCountIn(2_788_000, 'K')).toBe('2,788K');
    expect(formatCountIn(5_000, 'K')).toBe('5K');
    expect(formatCountIn(1_500, 'K')).toBe('1.5K');
  });

  it('dollars', () => {
    expect(formatDollars(5_576_000)).toBe('$5.576M');
    expect(formatDollars(11_152_000)).toBe('$11.152M');
    expect(formatDollars(1.6e9)).toBe('$1.6B');
    expect(formatDollars(944e6)).toBe('$944M');
    expect(formatDollars(238_000)).toBe('$238K');
    expect(formatDollars(29_600_000)).toBe('$29.6M');
    expect(formatDollars(999_999.9)).toBe('$1M');
    expect(formatDollars(12.345)).toBe('$12.35');
    expect(formatDollars(2)).toBe('$2');
    expect(formatDollars(0.05)).toBe('$0.05');
    expect(formatDollars(0.0123)).toBe('$0.012');
    expect(formatDollars(3.6e-4)).toBe('$0.00036');
    expect(formatDollars(9.5e-5)).toBe('$9.5 \u00d7 10\u207b\u2075');
    expect(formatDollars(1.23e-9)).toBe('$1.2 \u00d7 10\u207b\u2079');
    expect(formatDollars(0)).toBe('$0');
  });

  it('dollars in a fixed unit, as Table 1 prints them', () => {
    expect(formatDollarsIn(5_328_000, 'M')).toBe('$5.328M');
    expect(formatDollarsIn(238_000, 'M')).toBe('$0.238M');
    expect(formatDollarsIn(10_000, 'M')).toBe('$0.01M');
    expect(formatDollarsIn(5_576_000, 'M')).toBe('$5.576M');
  });

  it('prices per hour', () => {
    expect(formatPrice(2)).toBe('$2.00');
    expect(formatPrice(0.4)).toBe('$0.40');
  });

  it('FLOPs: grouped below a million, scientific above', () => {
    expect(formatFlops(411_648)).toBe('411,648 FLOPs');
    expect(formatFlops(3.2856e24)).toBe('3.29 \u00d7 10\u00b2\u2074 FLOPs');
    expect(formatFlops(1e6)).toBe('1 \u00d7 10\u2076 FLOPs');
    expect(formatScientific(9.996e8)).toBe('1 \u00d7 10\u2079');
    expect(formatScientific(-2.5e-3, 2)).toBe('-2.5 \u00d7 10\u207b\u00b3');
    expect(superscript(-12)).toBe('\u207b\u00b9\u00b2');
  });

  it('FLOP/s with SI prefixes', () => {
    expect(formatFlopsPerSecond(989e12)).toBe('989 TFLOP/s');
    expect(formatFlopsPerSecond(342.6e12)).toBe('343 TFLOP/s');
    expect(formatFlopsPerSecond(1.234e10)).toBe('12.3 GFLOP/s');
    expect(formatFlopsPerSecond(999.9e9)).toBe('1 TFLOP/s');
    expect(formatFlopsPerSecond(500)).toBe('500 FLOP/s');
    expect(formatFlopsPerSecond(82.6e12)).toBe('82.6 TFLOP/s');
  });

  it('durations in words', () => {
    expect(formatDuration(1.2e-9)).toBe('1.2 nanoseconds');
    expect(formatDuration(3.5e-4)).toBe('350 microseconds');
    expect(formatDuration(1)).toBe('1 second');
    expect(formatDuration(12.34)).toBe('12.3 seconds');
    expect(formatDuration(252)).toBe('4.2 minutes');
    expect(formatDuration(7200)).toBe('2 hours');
    expect(formatDuration(180_000 / 2048 * 3600)).toBe('3.66 days');
    expect(formatDuration(2_788_000 * 3600)).toBe('318 years');
    expect(formatDuration(86_400)).toBe('1 day');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('\u2014');
  });

  it('GPU-hours and multiples', () => {
    expect(formatGpuHours(2_788_000)).toBe('2,788K GPU-hours');
    expect(formatTimes(286.9)).toBe('287\u00d7');
    expect(formatTimes(28_350)).toBe('28.4K\u00d7');
    expect(formatTimes(1.5)).toBe('1.5\u00d7');
  });

  it('parses quantities as people type them', () => {
    expect(parseQuantity('37B')).toBe(37e9);
    expect(parseQuantity('14.8T')).toBe(14.8e12);
    expect(parseQuantity('2,048')).toBe(2048);
    expect(parseQuantity('3.7e10')).toBe(3.7e10);
    expect(parseQuantity(' 1.5 m ')).toBe(1.5e6);
    expect(parseQuantity('50k')).toBe(50_000);
    expect(parseQuantity('$4')).toBe(4);
    expect(parseQuantity('lots')).toBeNaN();
    expect(parseQuantity('')).toBeNaN();
  });

  it('parses utilisation as a fraction or a percentage', () => {
    expect(parseUtilisation('0.35')).toBe(0.35);
    expect(parseUtilisation('35')).toBe(0.35);
    expect(parseUtilisation('35 %')).toBe(0.35);
    expect(parseUtilisation('1')).toBe(1);
    expect(parseUtilisation('0')).toBeNaN();
    expect(parseUtilisation('150')).toBeNaN();
    expect(parseUtilisation('x')).toBeNaN();
  });
});
