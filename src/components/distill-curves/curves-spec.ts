/**
 * The view model of `<distill-curves>` and the maths behind its axes. Pure (no DOM, no worker
 * types), so vitest checks it in Node and any lab can describe its curves without touching the
 * element.
 */
import type { SeriesStyle } from '../shared/series';

/** One value; null where a model has no value at this x (a gap in its line). */
export type CurveValue = number | null;

/**
 * One x's values: per chart key, per series key. A series left out (undefined) is not part of the
 * run (yet); an `optional` series appears in the legend and values once a push includes it.
 */
export type CurveValues = Record<string, Record<string, CurveValue | undefined>>;

/** What a lab adapter hands the element: `curves.push(point.x, point.values)`. */
export interface CurvePoint {
  x: number;
  values: CurveValues;
}

export interface CurveSeries {
  key: string;
  /** Short name, printed beside its value. */
  label: string;
  /** Longer name for the legend (defaults to `label`). */
  description?: string;
  style: SeriesStyle;
  /** Line width in CSS pixels (default 2.5). */
  width?: number;
  /** Hidden from the legend and values until a push includes it. */
  optional?: boolean;
}

/** What a zoom function sees of a chart's data; NaN where there is none. */
export interface CurveStats {
  /** Largest of the series' last values. */
  latestMax: number;
  /** Largest value anywhere. */
  dataMax: number;
  /** Smallest positive value anywhere (what a log axis can show). */
  positiveMin: number;
}

/** A y-axis that follows the data, with a button that shows the full range instead. */
export interface CurveZoom {
  zoomed: (stats: CurveStats) => [number, number];
  full: [number, number];
  /** The toggle button's text and its tooltip. */
  toggle: string;
  toggleHelp: string;
}

/** `'auto'`: from 0 (or the lowest decade, on a log axis) to just above the largest value. */
export type CurveRange = 'auto' | readonly [number, number] | CurveZoom;

export interface CurveChart {
  key: string;
  title: string;
  /** Accessible name of the plot (the values are also printed as text beneath it). */
  label: string;
  /** A value as printed in the text line. */
  format: (v: number) => string;
  /** A y-axis tick label. */
  axis: (v: number) => string;
  range: CurveRange;
  scale?: 'linear' | 'log';
  /** Keys into `CurvesSpec.series`, in drawing order. */
  series: readonly string[];
  /** A sentence under the values. */
  note?: string;
}

export interface CurvesSpec {
  /** The x-axis name, e.g. "Step"; also leads a hovered point's values. */
  xLabel: string;
  /** Accessible name of the legend. */
  legendLabel: string;
  /** Every series that any chart draws, in legend order. */
  series: readonly CurveSeries[];
  charts: readonly CurveChart[];
  /** `small`: small multiples side by side; `large`: one big chart per row. Default small. */
  size?: 'small' | 'large';
}

/** Above this many points, every other point is dropped (the last is always kept). */
export const MAX_POINTS = 2000;

export function isZoom(range: CurveRange): range is CurveZoom {
  return typeof range === 'object' && !Array.isArray(range);
}

/**
 * Everything about a spec that the drawn plots depend on. Two specs with the same shape differ
 * only in words, so the element keeps its history and plots; a new shape starts afresh.
 */
export function specShape(spec: CurvesSpec | null): string {
  if (!spec) return '';
  const series = new Map(spec.series.map((s) => [s.key, s]));
  return JSON.stringify([
    spec.size ?? 'small',
    spec.charts.map((c) => [
      c.key,
      c.scale ?? 'linear',
      isZoom(c.range) ? 'zoom' : c.range,
      c.series.map((k) => [k, series.get(k)?.style.key, series.get(k)?.width]),
    ]),
  ]);
}

/** The chart's y-range for these stats. */
export function chartRange(chart: CurveChart, stats: CurveStats, fullRange: boolean): [number, number] {
  const { range } = chart;
  if (isZoom(range)) return fullRange ? range.full : range.zoomed(stats);
  if (range !== 'auto') return [range[0], range[1]];
  return chart.scale === 'log' ? logRange(stats.positiveMin, stats.dataMax) : linearRange(stats.dataMax);
}

/** From 0 to a little above the largest value (1 with no data). */
export function linearRange(dataMax: number): [number, number] {
  return [0, Number.isFinite(dataMax) && dataMax > 0 ? dataMax * 1.08 : 1];
}

/** Whole decades around the positive data (0.1–1 with none). */
export function logRange(positiveMin: number, dataMax: number): [number, number] {
  if (!(positiveMin > 0) || !Number.isFinite(positiveMin) || !(dataMax > 0) || !Number.isFinite(dataMax)) return [0.1, 1];
  const lo = 10 ** Math.floor(Math.log10(positiveMin) + 1e-9);
  let hi = 10 ** Math.ceil(Math.log10(dataMax) - 1e-9);
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

/** Stats over columns of values (one per series). */
export function columnStats(columns: readonly (readonly CurveValue[])[]): CurveStats {
  let latestMax = Number.NaN;
  let dataMax = Number.NaN;
  let positiveMin = Number.NaN;
  for (const column of columns) {
    const latest = column[column.length - 1];
    if (latest !== null && latest !== undefined) latestMax = Number.isNaN(latestMax) ? latest : Math.max(latestMax, latest);
    for (const v of column) {
      if (v === null) continue;
      if (!(v <= dataMax)) dataMax = v;
      if (v > 0 && !(v >= positiveMin)) positiveMin = v;
    }
  }
  return { latestMax, dataMax, positiveMin };
}

/**
 * On a log axis, label every n-th decade so labels stay `minGap` pixels apart: with five decades
 * in a 100-pixel plot, every other one. `decades` is the number of decades the axis spans.
 */
export function logLabelEvery(decades: number, heightPx: number, minGap = 24): number {
  if (!(decades > 0) || !(heightPx > 0)) return 1;
  return Math.max(1, Math.ceil((decades * minGap) / heightPx));
}

/** Whether a log-axis split gets a label: a whole decade, on the `every`-th. */
export function labelsLogSplit(value: number, every: number): boolean {
  if (!(value > 0)) return false;
  const exponent = Math.log10(value);
  const whole = Math.round(exponent);
  return Math.abs(exponent - whole) < 1e-6 && ((whole % every) + every) % every === 0;
}
