/**
 * Number formatting for everything the widgets print. Pure functions (no DOM), so they are
 * unit-tested in Node. Locale and units come from the active strings.
 */
import { msg } from '../i18n/index';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A cached `Intl.NumberFormat` for the active locale. The hot formatters below pass a short `name`
 * for their options: a snapshot formats hundreds of numbers, and building the key with
 * JSON.stringify cost as much as the formatting (~1.5 µs each, in Node).
 */
export function numberFormat(options: Intl.NumberFormatOptions, name: string = JSON.stringify(options)): Intl.NumberFormat {
  const key = `${msg.locale}|${name}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(msg.locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** True for values that cannot be shown as a number (missing, NaN, ±Infinity). */
export function bad(x: number | null | undefined): x is null | undefined {
  return x === null || x === undefined || !Number.isFinite(x);
}

/** Whole numbers with grouping: 1234 → "1,234". */
export function formatInteger(x: number | null | undefined): string {
  if (bad(x)) return msg.units.missing;
  return numberFormat({ maximumFractionDigits: 0 }, 'integer').format(Math.round(x));
}

/** Fixed decimals: formatFixed(0.1234, 3) → "0.123". */
export function formatFixed(x: number | null | undefined, digits: number): string {
  if (bad(x)) return msg.units.missing;
  // Avoid "-0.000" for tiny negatives (KL estimates can dip just below zero).
  const rounded = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }, `fixed${digits}`).format(rounded);
}

/** A loss or divergence: 0.1234 → "0.123 nats". */
export function formatNats(x: number | null | undefined, digits = 3): string {
  if (bad(x)) return msg.units.missing;
  return `${formatFixed(x, digits)} ${msg.units.nats}`;
}

/** A fraction as a percentage: 0.975 → "97.5 %". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (bad(fraction)) return msg.units.missing;
  return `${formatFixed(fraction * 100, digits)} ${msg.units.percent}`;
}

/** Short counts: 950 → "950", 5300 → "5.3K", 12345 → "12.3K", 2500000 → "2.5M". */
export function formatCompact(x: number | null | undefined): string {
  if (bad(x)) return msg.units.missing;
  const abs = Math.abs(x);
  if (abs < 1000) return formatInteger(x);
  if (abs < 999_950) return `${formatFixed(x / 1e3, 1)}K`;
  if (abs < 999_950_000) return `${formatFixed(x / 1e6, 1)}M`;
  return `${formatFixed(x / 1e9, 1)}G`;
}

/** Throughput, short: 12345 → "12.3K ex/s". */
export function formatThroughput(examplesPerSecond: number | null | undefined): string {
  if (bad(examplesPerSecond)) return msg.units.missing;
  return `${formatCompact(examplesPerSecond)} ${msg.units.examplesPerSecondShort}`;
}

/**
 * A value that spans decades, with two significant digits and no exponent in the usual range:
 * 0.01 → "0.01", 0.0003 → "0.0003", 0.25 → "0.25", 1 → "1".
 */
export function formatSignificant(x: number | null | undefined, significant = 2): string {
  if (bad(x)) return msg.units.missing;
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(significant));
  const decimals = Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(rounded))));
  return numberFormat({ maximumFractionDigits: Math.min(decimals, 20), useGrouping: false }, `significant${Math.min(decimals, 20)}`).format(rounded);
}

/** Knob values such as temperature: 4 → "4", 4.5 → "4.5", 0.9 → "0.9". */
export function formatKnob(x: number | null | undefined, maxDigits = 2): string {
  if (bad(x)) return msg.units.missing;
  return numberFormat({ maximumFractionDigits: maxDigits, useGrouping: false }, `knob${maxDigits}`).format(x);
}

/** A coordinate in data space: −1.2345 → "−1.23" (true minus sign, reads well aloud and in print). */
export function formatCoordinate(x: number | null | undefined, digits = 2): string {
  if (bad(x)) return msg.units.missing;
  return formatFixed(x, digits).replace(/^-/, '\u2212');
}
