import { describe, expect, it } from 'vitest';
import { CurveHistory } from '../../src/components/distill-curves/curves-history';
import {
  chartRange,
  columnStats,
  type CurveChart,
  type CurvesSpec,
  linearRange,
  logRange,
  specShape,
} from '../../src/components/distill-curves/curves-spec';
import { STUDENT_STYLES, TEACHER_STYLE } from '../../src/components/shared/series';

const chart = (over: Partial<CurveChart> = {}): CurveChart => ({
  key: 'loss',
  title: 'Loss',
  label: 'Chart: loss',
  format: String,
  axis: String,
  range: 'auto',
  series: ['t', 's'],
  ...over,
});

const spec = (over: Partial<CurvesSpec> = {}, chartOver: Partial<CurveChart> = {}): CurvesSpec => ({
  xLabel: 'Step',
  legendLabel: 'Legend',
  series: [
    { key: 't', label: 'Teacher', style: TEACHER_STYLE },
    { key: 's', label: 'Student', style: STUDENT_STYLES[0]!, optional: true },
  ],
  charts: [chart(chartOver)],
  ...over,
});

describe('CurveHistory', () => {
  it('appends points per chart and series, aligned with x', () => {
    const h = new CurveHistory(spec());
    h.push(1, { loss: { t: 0.5, s: 2 } });
    h.push(2, { loss: { t: 0.5, s: 1 } });
    expect(h.data(0)).toEqual([[1, 2], [0.5, 0.5], [2, 1]]);
    expect(h.length).toBe(2);
  });

  it('replaces the last point on the same x and restarts when x goes backwards', () => {
    const h = new CurveHistory(spec());
    h.push(5, { loss: { t: 1, s: 3 } });
    h.push(5, { loss: { t: 1, s: 2 } });
    expect(h.data(0)).toEqual([[5], [1], [2]]);
    h.push(1, { loss: { t: 9, s: 9 } });
    expect(h.data(0)).toEqual([[1], [9], [9]]);
  });

  it('turns missing and non-finite values into gaps, and non-positive ones on a log axis', () => {
    const h = new CurveHistory(spec({}, { scale: 'log' }));
    h.push(1, { loss: { t: Number.NaN, s: 0 } });
    h.push(2, { loss: { t: 0.1 } });
    expect(h.data(0)).toEqual([[1, 2], [null, 0.1], [null, null]]);
  });

  it('records which series a push included (optional series show from then on)', () => {
    const h = new CurveHistory(spec());
    h.push(1, { loss: { t: 1 } });
    expect(h.has('s')).toBe(false);
    h.push(2, { loss: { t: 1, s: null } });
    expect(h.has('s')).toBe(true);
    h.clear();
    expect(h.has('s')).toBe(false);
    expect(h.length).toBe(0);
  });

  it('halves the points past the limit, keeping the last', () => {
    const h = new CurveHistory(spec(), 4);
    for (let x = 0; x < 5; x++) h.push(x, { loss: { t: x, s: x } });
    expect(h.x).toEqual([0, 2, 4]);
    expect(h.value(0, 's', 2)).toBe(4);
    expect(h.value(0, 'nope', 0)).toBeNull();
  });
});

describe('axis ranges', () => {
  it('auto: from 0 to 8 % above the largest value, 0–1 with no data', () => {
    expect(linearRange(2)[1]).toBeCloseTo(2.16, 10);
    expect(linearRange(Number.NaN)).toEqual([0, 1]);
    expect(linearRange(0)).toEqual([0, 1]);
  });

  it('log: whole decades around the positive data', () => {
    expect(logRange(0.003, 0.8)).toEqual([0.001, 1]);
    expect(logRange(0.01, 0.01)[0]).toBeCloseTo(0.01, 12);
    expect(logRange(0.01, 0.01)[1]).toBeCloseTo(0.1, 12);
    expect(logRange(Number.NaN, Number.NaN)).toEqual([0.1, 1]);
  });

  it('stats: largest latest value, largest and smallest positive anywhere', () => {
    expect(columnStats([[5, 1], [null, 3], [0.5, null]])).toEqual({ latestMax: 3, dataMax: 5, positiveMin: 0.5 });
    const none = columnStats([[], [null]]);
    expect(Number.isNaN(none.latestMax) && Number.isNaN(none.dataMax) && Number.isNaN(none.positiveMin)).toBe(true);
  });

  it('chooses fixed, auto, log or zoomed ranges', () => {
    const stats = { latestMax: 2, dataMax: 10, positiveMin: 0.5 };
    expect(chartRange(chart({ range: [0, 1] }), stats, false)).toEqual([0, 1]);
    expect(chartRange(chart(), stats, false)[1]).toBeCloseTo(10.8, 10);
    expect(chartRange(chart({ scale: 'log' }), stats, false)).toEqual([0.1, 10]);
    const zoom = { zoomed: (s: typeof stats) => [0, 3 * s.latestMax] as [number, number], full: [0, 100] as [number, number], toggle: '', toggleHelp: '' };
    expect(chartRange(chart({ range: zoom }), stats, false)).toEqual([0, 6]);
    expect(chartRange(chart({ range: zoom }), stats, true)).toEqual([0, 100]);
  });
});

describe('specShape', () => {
  it('ignores words but not charts, series, styles or scales', () => {
    const base = specShape(spec());
    expect(specShape(spec({ xLabel: 'Epoch', legendLabel: 'Models' }, { title: 'Other' }))).toBe(base);
    expect(specShape(spec({}, { scale: 'log' }))).not.toBe(base);
    expect(specShape(spec({}, { series: ['t'] }))).not.toBe(base);
    expect(specShape(spec({ size: 'large' }))).not.toBe(base);
    const restyled = spec();
    restyled.series = [restyled.series[0]!, { ...restyled.series[1]!, style: STUDENT_STYLES[1]! }];
    expect(specShape(restyled)).not.toBe(base);
    expect(specShape(null)).toBe('');
  });
});
