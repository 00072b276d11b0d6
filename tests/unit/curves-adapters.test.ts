import { describe, expect, it } from 'vitest';
import { isZoom } from '../../src/components/distill-curves/curves-spec';
import { errorPercent, mnistCurvesSpec, mnistPoint } from '../../src/labs/mnist/client/curves';
import { toy2dCurvesSpec, toy2dPoint } from '../../src/labs/toy2d/client/curves';
import { formatPercent } from '../../src/shared/format';
import { en } from '../../src/i18n/en';
import { mnistEn } from '../../src/labs/mnist/i18n/en';
import { toy2dEn } from '../../src/labs/toy2d/i18n/en';

const metrics = (kl: number, hard: number, accuracy: number) => ({ klToTeacher: kl, hardLoss: hard, accuracy });

describe('toy2d curves', () => {
  it('has KL, hard-loss and accuracy charts; the teacher has no KL to itself', () => {
    const spec = toy2dCurvesSpec();
    expect(spec.charts.map((c) => c.key)).toEqual(['kl', 'hard', 'accuracy', 'train']);
    expect(spec.charts[3]!).toMatchObject({ scale: 'log', series: ['student'], title: toy2dEn.lossChart.trainLoss });
    expect(spec.charts[0]!.series).toEqual(['student', 'labelsOnly']);
    expect(spec.charts[2]!.range).toEqual([0, 1]);
    expect(spec.charts[0]!.title).toBe(toy2dEn.lossChart.kl);
    expect(spec.series.map((s) => [s.key, s.style.key, !!s.optional])).toEqual([
      ['teacher', 'teacher', false],
      ['student', 'student-1', false],
      ['labelsOnly', 'student-2', true],
    ]);
    expect(spec.series[0]!.description).toBe(en.roleDescriptions.teacher);
  });

  it('reads a snapshot; leaves labels-only out when the run has none', () => {
    const snapshot = { step: 40, teacher: { hardLoss: 0.2, accuracy: 0.95 }, student: metrics(0.3, 0.4, 0.9), labelsOnly: null };
    expect(toy2dPoint(snapshot)).toEqual({
      x: 40,
      values: { kl: { student: 0.3 }, hard: { teacher: 0.2, student: 0.4 }, accuracy: { teacher: 0.95, student: 0.9 } },
    });
    const withLabels = toy2dPoint({ ...snapshot, labelsOnly: metrics(0.6, 0.7, 0.8) });
    expect(withLabels.values.kl).toEqual({ student: 0.3, labelsOnly: 0.6 });
    expect(withLabels.values.accuracy!.labelsOnly).toBe(0.8);
    // The training loss from step 1 (step 0 has none: a gap).
    expect(toy2dPoint({ ...snapshot, trainLoss: { total: 0.25 } }).values.train).toEqual({ student: 0.25 });
    expect(toy2dPoint({ ...snapshot, step: 0, trainLoss: { total: Number.NaN } }).values.train).toEqual({ student: null });
  });

  it('formats nats and percentages', () => {
    const [kl, , accuracy] = toy2dCurvesSpec().charts;
    expect(kl!.format(0.1234)).toBe('0.123 nats');
    expect(accuracy!.format(0.5)).toBe(formatPercent(0.5));
    expect(accuracy!.axis(0.5)).toBe(formatPercent(0.5, 0));
  });
});

describe('mnist curves', () => {
  const errors = (e: number, total = 10_000) => ({ errors: e, total });

  it('has one zooming test-error chart: teacher, then one series per student by position', () => {
    const spec = mnistCurvesSpec([
      { id: 'a', label: 'KD · full · 2×800' },
      { id: 'b', label: '' },
    ]);
    expect(spec.size).toBe('large');
    expect(spec.series.map((s) => [s.key, s.label, s.style.key])).toEqual([
      ['teacher', mnistEn.mnist.teacher, 'teacher'],
      ['student-a', 'KD · full · 2×800', 'student-1'],
      ['student-b', mnistEn.mnist.studentFallback(1), 'student-2'],
    ]);
    const chart = spec.charts[0]!;
    expect(chart.series).toEqual(['teacher', 'student-a', 'student-b']);
    expect(chart.note).toBe(`${mnistEn.mnist.errorChart.teacherNote} ${mnistEn.mnist.errorChart.runningNote}`);
    // The training-loss chart: one line per student, log scale.
    expect(spec.charts[1]!).toMatchObject({ key: 'loss', scale: 'log', series: ['student-a', 'student-b'] });
    expect(isZoom(chart.range)).toBe(true);
    if (!isZoom(chart.range)) return;
    expect(chart.range.full).toEqual([0, 100]);
    // Latest worst 1.8 % → zoom to a round 6 %.
    expect(chart.range.zoomed({ latestMax: 1.8, dataMax: 90, positiveMin: 0.7 })[1]).toBeCloseTo(6, 10);
    expect(chart.format(1.234)).toBe(formatPercent(0.01234, 2));
  });

  it('turns error counts into percentages, null when unknown', () => {
    expect(errorPercent(errors(123))).toBeCloseTo(1.23, 12);
    expect(errorPercent(errors(5, 0))).toBeNull();
    expect(errorPercent(errors(Number.NaN))).toBeNull();
    const point = mnistPoint(300, errors(70), [{ id: 'a', label: '', test: errors(150) }]);
    expect(point.x).toBe(300);
    expect(point.values.error!.teacher).toBeCloseTo(0.7, 12);
    expect(point.values.error!['student-a']).toBeCloseTo(1.5, 12);
    expect(point.values.loss).toBeUndefined();
    const trained = mnistPoint(301, errors(70), [{ id: 'a', label: '', test: errors(30, 2000), trainLoss: 0.4 }]);
    expect(trained.values.error!['student-a']).toBeCloseTo(1.5, 12);
    expect(trained.values.loss).toEqual({ 'student-a': 0.4 });
  });
});
