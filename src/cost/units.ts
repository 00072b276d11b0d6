/**
 * Units for the cost widget: counts (K/M/B/T, the way the DeepSeek-V3 report writes "2,788K"),
 * dollars ("$5.576M"), FLOPs ("3.29 × 10²⁴ FLOPs"), FLOP/s ("989 TFLOP/s"), durations ("3.66 days")
 * and parsing of what users type ("37B", "14.8T", "3.7e10"). Pure: no DOM. Words and the locale
 * come from the active strings (`msg.cost.units`).
 */
import { msg } from '../i18n/index';
import { bad, numberFormat as nf } from '../shared/format';

const MISSING = (): string => msg.units.missing;

/** Up to `decimals` decimals, trailing zeros dropped, grouped: 2788 → "2,788", 5.3280 → "5.328". */
function plain(x: number, decimals: number): string {
  return nf({ maximumFractionDigits: decimals }).format(x);
}

/** `significant` significant digits, trailing zeros dropped, grouped: 0.026666 → "0.0267". */
function significant(x: number, digits: number): string {
  if (x === 0) return '0';
  return nf({ maximumSignificantDigits: digits }).format(x);
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
  '-': '\u207b',
};

/** 24 → "²⁴", -9 → "⁻⁹". */
export function superscript(n: number): string {
  return String(Math.trunc(n))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

/** Scientific notation as people write it: 3.2856e24 → "3.29 × 10²⁴". */
export function formatScientific(x: number | null | undefined, digits = 3): string {
  if (bad(x)) return MISSING();
  if (x === 0) return '0';
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  let mantissa = Number((x / 10 ** exponent).toPrecision(digits));
  if (Math.abs(mantissa) >= 10) {
    // 9.996 rounds up to 10.0: carry into the exponent.
    mantissa /= 10;
    exponent += 1;
  }
  return `${significant(mantissa, digits)} \u00d7 10${superscript(exponent)}`;
}

/** Count suffixes, each 1,000 × the one before. B is billion (10⁹), T trillion (10¹²). */
export const COUNT_UNITS = ['', 'K', 'M', 'B', 'T'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];
const UNIT_SCALE: Record<CountUnit, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/**
 * A count in a fixed unit, up to `decimals` decimals, trailing zeros dropped: how a table keeps
 * one unit per column. formatCountIn(5000, 'K') → "5K", formatCountIn(2_788_000, 'K') → "2,788K".
 */
export function formatCountIn(x: number | null | undefined, unit: CountUnit, decimals = 3): string {
  if (bad(x)) return MISSING();
  return `${plain(x / UNIT_SCALE[unit], decimals)}${unit}`;
}

/**
 * A count, short, in the DeepSeek report's style: the smallest unit that leaves fewer than five
 * digits before the point, up to `digits` significant digits (never rounding away whole units):
 * 371 → "371", 2,048 → "2,048", 50,000 → "50K", 2,788,000 → "2,788K", 37e9 → "37B",
 * 14.8e12 → "14.8T", 0.02667 → "0.0267". Beyond 10¹⁶ it switches to "1.23 × 10¹⁶".
 */
export function formatCount(x: number | null | undefined, digits = 4): string {
  if (bad(x)) return MISSING();
  const abs = Math.abs(x);
  if (abs === 0) return '0';
  if (abs < 1) return significant(x, Math.min(digits, 3));
  for (const unit of COUNT_UNITS) {
    const m = x / UNIT_SCALE[unit];
    if (Math.abs(Number(m.toPrecision(Math.max(digits, 4)))) < 10_000) {
      const whole = Math.floor(Math.log10(Math.abs(m))) + 1;
      return `${plain(m, Math.max(0, digits - whole))}${unit}`;
    }
  }
  return formatScientific(x, 3);
}

/** A multiple: 287.3 → "287×", 28,350 → "28.4K×", 1.5 → "1.5×". */
export function formatTimes(x: number | null | undefined): string {
  if (bad(x)) return MISSING();
  return `${formatCount(x, 3)}\u00d7`;
}

/** Dollar suffixes: the usual K / M / B / T of money. */
const MONEY_UNITS: readonly CountUnit[] = ['K', 'M', 'B', 'T'];

/**
 * US dollars, short: "$5.576M", "$1.6B", "$944M", "$238K", "$12.34", "$2", "$0.05", "$0.00036",
 * and amounts under a hundredth of a cent in scientific notation, "$1.2 × 10⁻⁹" (a run of
 * seconds on a data-centre GPU costs billionths of a dollar). Thousands and up keep up to three decimals of their unit, as the
 * DeepSeek report does.
 */
export function formatDollars(x: number | null | undefined): string {
  if (bad(x)) return MISSING();
  const sign = x < 0 ? '\u2212' : '';
  const abs = Math.abs(x);
  if (abs === 0) return '$0';
  // Down to a hundredth of a cent as decimals ("$0.00036"); below that the zeros are unreadable.
  if (abs < 1e-4) return `${sign}$${formatScientific(abs, 2)}`;
  if (abs < 1) return `${sign}$${significant(abs, 2)}`;
  if (abs < 1000) {
    const cents = Math.round(abs * 100);
    return `${sign}$${cents % 100 === 0 ? plain(cents / 100, 0) : nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)}`;
  }
  let unit: CountUnit = 'K';
  for (const u of MONEY_UNITS) if (Number((abs / UNIT_SCALE[u]).toFixed(3)) >= 1) unit = u;
  if (abs / UNIT_SCALE.T >= 1000) return `${sign}$${formatScientific(abs, 3)}`;
  return `${sign}$${plain(abs / UNIT_SCALE[unit], 3)}${unit}`;
}

/** Dollars in a fixed unit, up to three decimals: formatDollarsIn(10_000, 'M') → "$0.01M". */
export function formatDollarsIn(x: number | null | undefined, unit: CountUnit, decimals = 3): string {
  if (bad(x)) return MISSING();
  const sign = x < 0 ? '\u2212' : '';
  return `${sign}$${plain(Math.abs(x) / UNIT_SCALE[unit], decimals)}${unit}`;
}

/** A price per hour as typed: 2 → "$2.00", 0.4 → "$0.40". */
export function formatPrice(x: number | null | undefined): string {
  if (bad(x)) return MISSING();
  return `$${nf({ minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(x)}`;
}

/**
 * FLOPs: grouped digits below a million ("411,648 FLOPs"), scientific above
 * ("3.29 × 10²⁴ FLOPs"), so the exponent itself shows how many decimal places apart two runs are.
 */
export function formatFlops(x: number | null | undefined): string {
  if (bad(x)) return MISSING();
  const number = Math.abs(x) < 1e6 ? plain(Math.round(x), 0) : formatScientific(x, 3);
  return `${number} ${msg.cost.units.flops}`;
}

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'] as const;

/** FLOP/s with an SI prefix, three significant digits: 989e12 → "989 TFLOP/s", 1.23e10 → "12.3 GFLOP/s". */
export function formatFlopsPerSecond(x: number | null | undefined): string {
  if (bad(x)) return MISSING();
  const abs = Math.abs(x);
  let i = 0;
  while (i < SI_PREFIXES.length - 1 && Number((abs / 1000 ** i).toPrecision(3)) >= 1000) i++;
  return `${significant(x / 1000 ** i, 3)} ${SI_PREFIXES[i]}${msg.cost.units.flopsPerSecond}`;
}

export type DurationUnit = keyof typeof DURATION_SECONDS;
const DURATION_SECONDS = {
  nanoseconds: 1e-9,
  microseconds: 1e-6,
  milliseconds: 1e-3,
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
  years: 365.25 * 86_400,
} as const;
const DURATION_ORDER = Object.keys(DURATION_SECONDS) as DurationUnit[];

/**
 * A duration in words, three significant digits, in the largest unit that is at least 1:
 * 1.2e-9 → "1.2 nanoseconds", 12.34 → "12.3 seconds", 316,224 → "3.66 days",
 * 10,036,800,000 → "318 years". Under a nanosecond it stays in nanoseconds.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (bad(seconds)) return MISSING();
  if (seconds === 0) return msg.cost.units.duration(significant(0, 3), 'seconds', 0);
  let unit: DurationUnit = 'nanoseconds';
  for (const u of DURATION_ORDER) {
    if (Number((Math.abs(seconds) / DURATION_SECONDS[u]).toPrecision(3)) >= 1) unit = u;
    // 59.96 s rounds to "60 seconds" at three digits; show "1 minute" instead.
  }
  const value = seconds / DURATION_SECONDS[unit];
  const text = unit === 'years' && Math.abs(value) >= 10_000 ? formatCount(value, 3) : significant(value, 3);
  return msg.cost.units.duration(text, unit, Number(value.toPrecision(3)));
}

/** GPU-hours, short: "2,788K GPU-hours", "0.0267 GPU-hours". */
export function formatGpuHours(x: number | null | undefined): string {
  if (bad(x)) return MISSING();
  return msg.cost.units.gpuHours(formatCount(x));
}

/**
 * Parses a number as people type it: "37B", "14.8T", "2,048", "3.7e10", "1.5 M", "50k".
 * K thousand, M million, B or G billion, T trillion. NaN when it is not a number.
 */
export function parseQuantity(text: string): number {
  const cleaned = text.trim().replace(/[,_\s]/g, '').replace(/^\$/, '');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([kmbgt]?)$/i.exec(cleaned);
  if (!m) return Number.NaN;
  const scale: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };
  return Number(m[1]) * scale[m[2]!.toLowerCase()]!;
}

/**
 * Model-FLOPs utilisation as typed or given as an attribute: "0.35" and "35" and "35%" all mean
 * 35 %. A bare number above 1 is a percentage; a number from 0 to 1 is a fraction. NaN outside
 * (0, 100 %].
 */
export function parseUtilisation(text: string): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const x = Number(percent ? t.slice(0, -1).trim() : t);
  if (t === '' || !Number.isFinite(x)) return Number.NaN;
  const fraction = percent || x > 1 ? x / 100 : x;
  return fraction > 0 && fraction <= 1 ? fraction : Number.NaN;
}
