/**
 * The numbers behind `<distill-cost>`: its attribute converters, what each editable field accepts,
 * how an input shows a number, and the log-scale chart's axis. Pure (no DOM), so vitest checks it
 * in Node.
 */
import { DEFAULT_MFU, DEEPSEEK_V3, isPresetId, type PresetId } from '../../cost/cost-model';
import { type GpuId, isGpuId } from '../../cost/gpus';
import { parseQuantity, parseUtilisation } from '../../cost/units';
import { formatPercent } from '../../shared/format';

/** The id of each editable input, also the key of its "last text did not parse" entry. */
export type FieldId = 'params' | 'tokens' | 'gpus' | 'teacher-params' | 'api-price' | 'mfu' | `price-${GpuId}`;

/** The projection settings a quantity field edits. */
export type QuantityKey = 'parameters' | 'tokens' | 'gpus' | 'teacherParameters';

/** "34.6 %" that never breaks before the sign. */
export const percent = (fraction: number): string => formatPercent(fraction).replace(' ', '\u00a0');

// ---------------------------------------------------------------------------------------------
// Attributes

/** A positive number as people type it ("37B", "14.8T", "2,048"), or undefined. */
export const quantityConverter = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null) return undefined;
    const x = parseQuantity(value);
    return Number.isFinite(x) && x > 0 ? x : undefined;
  },
  toAttribute(value: number | undefined): string | null {
    return value === undefined ? null : String(value);
  },
};

/** Model-FLOPs utilisation: "0.35", "35" and "35%" all mean 35 %. Anything else: the default. */
export const utilisationConverter = {
  fromAttribute(value: string | null): number {
    const x = value === null ? Number.NaN : parseUtilisation(value);
    return Number.isFinite(x) ? x : DEFAULT_MFU;
  },
  toAttribute(value: number): string {
    return String(value);
  },
};

export const presetConverter = {
  fromAttribute: (value: string | null): PresetId => (isPresetId(value) ? value : 'deepseek-v3'),
  toAttribute: (value: PresetId): string => value,
};

export const gpuConverter = {
  fromAttribute: (value: string | null): GpuId => (isGpuId(value) ? value : DEEPSEEK_V3.gpu),
  toAttribute: (value: GpuId): string => value,
};

// ---------------------------------------------------------------------------------------------
// Fields: what each accepts (undefined: the text does not parse) and how each shows its number

/** A quantity field ("37B", "14.8T"): positive; GPUs are whole and at least 1. */
export function parseQuantityField(text: string, key: QuantityKey): number | undefined {
  const x = parseQuantity(text);
  if (!Number.isFinite(x) || x <= 0 || (key === 'gpus' && Math.round(x) < 1)) return undefined;
  return key === 'gpus' ? Math.round(x) : x;
}

/** A dollar field: zero or more. */
export function parseMoneyField(text: string): number | undefined {
  const x = parseQuantity(text);
  return !Number.isFinite(x) || x < 0 ? undefined : x;
}

/**
 * The utilisation field, in percent ("35" or "35%"), as a fraction 0–1. "0.35" typed there means
 * 0.35 %, so no fraction guessing here.
 */
export function parseMfuField(text: string): number | undefined {
  const trimmed = text.trim().replace(/%$/, '');
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value) || value <= 0 || value > 100) return undefined;
  return value / 100;
}

/** The utilisation field's text: a percentage to one decimal, without trailing zeros. */
export const mfuFieldText = (mfu: number): string => String(Number((mfu * 100).toFixed(1)));

/** A dollar field's text: up to four decimals, without trailing zeros. */
export const moneyFieldText = (value: number): string => String(Number(value.toFixed(4)));

// ---------------------------------------------------------------------------------------------
// Chart

/** The chart's log-scale dollar axis: grid lines every 1,000×, and where a dollar figure falls. */
export interface ChartAxis {
  /** Decimal exponents of the grid lines, lowest first (multiples of 3). */
  ticks: number[];
  /** Position of `dollars` along the axis, in percent of the track. */
  x: (dollars: number) => number;
}

/** The axis spanning every known, positive figure, at least 1,000× wide. */
export function chartAxis(dollars: readonly (number | undefined)[]): ChartAxis {
  const known = dollars.filter((d): d is number => d !== undefined && d > 0);
  const lo = Math.floor(Math.log10(Math.min(...known)) / 3) * 3;
  const hi = Math.max(lo + 3, Math.ceil(Math.log10(Math.max(...known)) / 3) * 3);
  const x = (d: number): number => ((Math.log10(d) - lo) / (hi - lo)) * 100;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += 3) ticks.push(e);
  return { ticks, x };
}

/** A bar's width in percent: none without a positive figure, else never thinner than 0.6 %. */
export function barWidth(dollars: number | undefined, axis: ChartAxis): number {
  return dollars !== undefined && dollars > 0 ? Math.max(0.6, axis.x(dollars)) : 0;
}

/** An axis label as drawn: its grid line and which end of the text sits on it. */
export interface AxisLabel {
  index: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Which grid lines carry a dollar label, so that no two labels overlap and none leaves the track:
 * every `stride`-th line from the first, with the smallest stride that fits. `positions` are in
 * percent of a track `width` pixels wide, `labelWidths` in pixels; labels centre on their line
 * unless that would cross an end of the track, where they align to it instead.
 */
export function axisLabels(positions: readonly number[], labelWidths: readonly number[], width: number, gap = 10): AxisLabel[] {
  const n = positions.length;
  for (let stride = 1; stride <= Math.max(1, n); stride++) {
    const out: AxisLabel[] = [];
    let end = -Infinity;
    let fits = true;
    for (let i = 0; i < n; i += stride) {
      const x = (positions[i]! / 100) * width;
      const w = labelWidths[i] ?? 0;
      const anchor: AxisLabel['anchor'] = x - w / 2 < 0 ? 'start' : x + w / 2 > width ? 'end' : 'middle';
      const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      if (left < end + gap) {
        fits = false;
        break;
      }
      end = left + w;
      out.push({ index: i, anchor });
    }
    if (fits) return out;
  }
  return n > 0 ? [{ index: 0, anchor: 'start' }] : [];
}
