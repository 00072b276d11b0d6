import { describe, expect, it } from 'vitest';
import { DEEPSEEK_V3, DEFAULT_MFU } from '../../src/cost/cost-model';
import {
  barWidth,
  chartAxis,
  gpuConverter,
  mfuFieldText,
  moneyFieldText,
  parseMfuField,
  parseMoneyField,
  parseQuantityField,
  percent,
  presetConverter,
  quantityConverter,
  utilisationConverter,
} from '../../src/components/distill-cost/cost-data';

describe('attribute converters', () => {
  it('reads quantities as people type them, positive only', () => {
    expect(quantityConverter.fromAttribute('37B')).toBe(37e9);
    expect(quantityConverter.fromAttribute('2,048')).toBe(2048);
    expect(quantityConverter.fromAttribute('0')).toBeUndefined();
    expect(quantityConverter.fromAttribute('-5')).toBeUndefined();
    expect(quantityConverter.fromAttribute('lots')).toBeUndefined();
    expect(quantityConverter.fromAttribute(null)).toBeUndefined();
    expect(quantityConverter.toAttribute(37e9)).toBe('37000000000');
    expect(quantityConverter.toAttribute(undefined)).toBeNull();
  });

  it('reads utilisation as a fraction or a percentage, else the default', () => {
    expect(utilisationConverter.fromAttribute('0.35')).toBeCloseTo(0.35);
    expect(utilisationConverter.fromAttribute('35')).toBeCloseTo(0.35);
    expect(utilisationConverter.fromAttribute('35%')).toBeCloseTo(0.35);
    expect(utilisationConverter.fromAttribute('150%')).toBe(DEFAULT_MFU);
    expect(utilisationConverter.fromAttribute(null)).toBe(DEFAULT_MFU);
    expect(utilisationConverter.toAttribute(0.35)).toBe('0.35');
  });

  it('falls back to DeepSeek-V3 for unknown presets and GPUs', () => {
    expect(presetConverter.fromAttribute('student')).toBe('student');
    expect(presetConverter.fromAttribute('nope')).toBe('deepseek-v3');
    expect(presetConverter.fromAttribute(null)).toBe('deepseek-v3');
    expect(gpuConverter.fromAttribute('h100')).toBe('h100');
    expect(gpuConverter.fromAttribute('tpu')).toBe(DEEPSEEK_V3.gpu);
  });
});

describe('fields', () => {
  it('accepts positive quantities; GPUs are whole and at least 1', () => {
    expect(parseQuantityField('14.8T', 'tokens')).toBe(14.8e12);
    expect(parseQuantityField('0', 'parameters')).toBeUndefined();
    expect(parseQuantityField('abc', 'teacherParameters')).toBeUndefined();
    expect(parseQuantityField('2,047.6', 'gpus')).toBe(2048);
    expect(parseQuantityField('0.4', 'gpus')).toBeUndefined();
    expect(parseQuantityField('0.4', 'tokens')).toBe(0.4);
  });

  it('accepts zero or more dollars', () => {
    expect(parseMoneyField('$2.50')).toBe(2.5);
    expect(parseMoneyField('0')).toBe(0);
    expect(parseMoneyField('-1')).toBeUndefined();
    expect(parseMoneyField('')).toBeUndefined();
  });

  it('reads the utilisation field in percent, never as a fraction', () => {
    expect(parseMfuField('35')).toBeCloseTo(0.35);
    expect(parseMfuField(' 35% ')).toBeCloseTo(0.35);
    expect(parseMfuField('0.35')).toBeCloseTo(0.0035);
    expect(parseMfuField('100')).toBe(1);
    expect(parseMfuField('0')).toBeUndefined();
    expect(parseMfuField('101')).toBeUndefined();
    expect(parseMfuField('')).toBeUndefined();
    expect(parseMfuField('%')).toBeUndefined();
  });

  it('shows numbers without trailing zeros', () => {
    expect(mfuFieldText(0.3456)).toBe('34.6');
    expect(mfuFieldText(0.35)).toBe('35');
    expect(moneyFieldText(2)).toBe('2');
    expect(moneyFieldText(0.123456)).toBe('0.1235');
  });

  it('keeps a percentage on one line', () => {
    expect(percent(0.346)).not.toContain(' ');
    expect(percent(0.346)).toContain('\u00a0');
  });
});

describe('chartAxis', () => {
  it('spans the known figures in steps of 1,000×', () => {
    const axis = chartAxis([undefined, 0, 2_500, 5.6e6, 1e9]);
    expect(axis.ticks).toEqual([3, 6, 9]);
    expect(axis.x(1e3)).toBe(0);
    expect(axis.x(1e6)).toBeCloseTo(50);
    expect(axis.x(1e9)).toBeCloseTo(100);
    expect(chartAxis([2_500, 1.6e9]).ticks).toEqual([3, 6, 9, 12]);
  });

  it('is at least 1,000× wide', () => {
    const axis = chartAxis([5_000]);
    expect(axis.ticks).toEqual([3, 6]);
    expect(axis.x(1e3)).toBe(0);
    expect(axis.x(1e6)).toBe(100);
  });

  it('gives bars a visible width, or none without a positive figure', () => {
    const axis = chartAxis([1e3, 1e9]);
    expect(barWidth(undefined, axis)).toBe(0);
    expect(barWidth(0, axis)).toBe(0);
    expect(barWidth(1e3, axis)).toBe(0.6);
    expect(barWidth(1e6, axis)).toBeCloseTo(50);
  });
});
