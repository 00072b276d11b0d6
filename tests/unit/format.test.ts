import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCoordinate,
  formatFixed,
  formatInteger,
  formatKnob,
  formatNats,
  formatPercent,
  formatSignificant,
  formatThroughput,
} from '../../src/shared/format';

describe('format helpers', () => {
  it('groups whole numbers', () => {
    expect(formatInteger(1234)).toBe('1,234');
    expect(formatInteger(1_200_000)).toBe('1,200,000');
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(12.6)).toBe('13');
  });

  it('prints nats with three decimals', () => {
    expect(formatNats(0.1234)).toBe('0.123 nats');
    expect(formatNats(2)).toBe('2.000 nats');
    expect(formatNats(0.0426, 2)).toBe('0.04 nats');
  });

  it('never prints negative zero', () => {
    expect(formatFixed(-0.0001, 3)).toBe('0.000');
    expect(formatNats(-1e-9)).toBe('0.000 nats');
  });

  it('prints fractions as percentages', () => {
    expect(formatPercent(0.975)).toBe('97.5 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(0.5, 0)).toBe('50 %');
  });

  it('shortens large counts', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(5300)).toBe('5.3K');
    expect(formatCompact(999_990)).toBe('1.0M');
    expect(formatCompact(12_345)).toBe('12.3K');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatThroughput(12_345)).toBe('12.3K ex/s');
  });

  it('prints values across decades without exponents', () => {
    expect(formatSignificant(0.01)).toBe('0.01');
    expect(formatSignificant(0.0003)).toBe('0.0003');
    expect(formatSignificant(0.25)).toBe('0.25');
    expect(formatSignificant(1)).toBe('1');
    expect(formatSignificant(0.012345)).toBe('0.012');
  });

  it('prints knob values and coordinates', () => {
    expect(formatKnob(4)).toBe('4');
    expect(formatKnob(4.5)).toBe('4.5');
    expect(formatCoordinate(-1.2345)).toBe('\u22121.23');
    expect(formatCoordinate(0.5)).toBe('0.50');
  });

  it('shows a dash for missing or non-finite numbers', () => {
    for (const f of [formatInteger, formatNats, formatPercent, formatCompact, formatThroughput, formatSignificant]) {
      expect(f(Number.NaN)).toBe('—');
      expect(f(null)).toBe('—');
      expect(f(Infinity)).toBe('—');
    }
  });
});
