/**
 * The points `<distill-curves>` holds, one column per chart and series, aligned with one x array.
 * Pure, so the replace / restart / downsample rules are checked in Node.
 */
import { columnStats, type CurvesSpec, type CurveStats, type CurveValue, type CurveValues, MAX_POINTS } from './curves-spec';

interface Layout {
  key: string;
  series: readonly string[];
  log: boolean;
}

export class CurveHistory {
  private readonly layout: readonly Layout[];
  private xs: number[] = [];
  /** Per chart, per series: the values, aligned with `xs`. */
  private columns: CurveValue[][][];
  /** Series keys that some push since the last clear included. */
  private readonly present = new Set<string>();

  constructor(
    spec: CurvesSpec | null,
    private readonly maxPoints = MAX_POINTS,
  ) {
    this.layout = (spec?.charts ?? []).map((c) => ({ key: c.key, series: c.series, log: c.scale === 'log' }));
    this.columns = this.emptyColumns();
  }

  /** Number of points held (after any downsampling). */
  get length(): number {
    return this.xs.length;
  }

  get x(): readonly number[] {
    return this.xs;
  }

  /**
   * Appends the values at `x`. An x that goes backwards starts a new history; the same x again
   * replaces the last point (a readout refined at the same step). Non-finite values become gaps,
   * and so do values ≤ 0 on a log axis.
   */
  push(x: number, values: CurveValues): void {
    const last = this.xs[this.xs.length - 1];
    if (last !== undefined && x < last) this.clear();
    const replace = last !== undefined && x === last;
    if (!replace) this.xs.push(x);
    this.layout.forEach((chart, c) => {
      const row = values[chart.key];
      chart.series.forEach((key, k) => {
        const raw = row?.[key];
        if (raw !== undefined) this.present.add(key);
        const value = raw === null || raw === undefined || !Number.isFinite(raw) || (chart.log && raw <= 0) ? null : raw;
        const column = this.columns[c]![k]!;
        if (replace) column[column.length - 1] = value;
        else column.push(value);
      });
    });
    if (this.xs.length > this.maxPoints) this.downsample();
  }

  clear(): void {
    this.xs = [];
    this.columns = this.emptyColumns();
    this.present.clear();
  }

  /** Whether a push since the last clear included series `key`. */
  has(key: string): boolean {
    return this.present.has(key);
  }

  /** Chart `c`'s columns, in its series order. */
  chartColumns(c: number): readonly (readonly CurveValue[])[] {
    return this.columns[c] ?? [];
  }

  /** Series `key`'s value in chart `c` at point `index`, or null. */
  value(c: number, key: string, index: number): CurveValue {
    const k = this.layout[c]?.series.indexOf(key) ?? -1;
    return this.columns[c]?.[k]?.[index] ?? null;
  }

  /** uPlot's data for chart `c`: x first, then one column per series. */
  data(c: number): [number[], ...CurveValue[][]] {
    return [this.xs, ...(this.columns[c] ?? [])];
  }

  stats(c: number): CurveStats {
    return columnStats(this.chartColumns(c));
  }

  private emptyColumns(): CurveValue[][][] {
    return this.layout.map((chart) => chart.series.map(() => []));
  }

  private downsample(): void {
    const keep = (_: unknown, i: number, a: readonly unknown[]) => i % 2 === 0 || i === a.length - 1;
    this.xs = this.xs.filter(keep);
    this.columns = this.columns.map((chart) => chart.map((column) => column.filter(keep)));
  }
}
