/**
 * The MNIST lab's curves, as a `<distill-curves>` spec builder and a point function. Pure (no DOM).
 *
 * Two large charts against training step: test error (%), the frozen teacher as a flat reference
 * line and one line per student (series 1–3 by position), its axis zoomed to a few times the latest
 * errors (see ./error-axis, a button shows 0–100 %); and each student's training loss on its last
 * batch (log scale), there from the first step, while the test errors come a chunk at a time.
 */
import { msg } from '../../../i18n/index';
import { formatNats, formatPercent, formatSignificant } from '../../../shared/format';
import { studentStyle, TEACHER_STYLE } from '../../../components/shared/series';
import type { CurvePoint, CurvesSpec, CurveValue } from '../../../components/distill-curves/curves-spec';
import { errorAxisTop } from './error-axis';
import { mnistMsg } from '../i18n/index';

/** What the curves read of a model's test errors (an `MnistErrors` fits). */
export interface MnistErrorCount {
  errors: number;
  total: number;
}

/** What the curves read of a student (an `MnistStudentReadout` fits). */
export interface MnistCurvesStudent {
  id: string;
  label: string;
  test: MnistErrorCount;
  /** Training loss of its last step (its whole objective), when known. */
  trainLoss?: number;
}

export const MNIST_CHART = 'error';
export const MNIST_LOSS_CHART = 'loss';
export const MNIST_TEACHER = 'teacher';

/** A student's series key: by id, so a different set of students starts a new history. */
export function mnistStudentKey(id: string): string {
  return `student-${id}`;
}

/** Test error in percent, or null when not known. */
export function errorPercent(e: MnistErrorCount): CurveValue {
  return e.total > 0 && Number.isFinite(e.errors) ? (100 * e.errors) / e.total : null;
}

/**
 * The spec for these students (labels as given, "Student A"… where empty). `stage`: the test-error
 * chart (beside the digits); `more`: the training-loss chart further down; `all`: both.
 */
export function mnistCurvesSpec(students: readonly Pick<MnistCurvesStudent, 'id' | 'label'>[], which: 'all' | 'stage' | 'more' = 'all'): CurvesSpec {
  const spec = fullSpec(students);
  if (which === 'all') return spec;
  return { ...spec, charts: spec.charts.filter((c) => (c.key === MNIST_CHART) === (which === 'stage')) };
}

function fullSpec(students: readonly Pick<MnistCurvesStudent, 'id' | 'label'>[]): CurvesSpec {
  const t = mnistMsg.mnist.errorChart;
  const l = mnistMsg.mnist.lossChart;
  return {
    xLabel: t.stepAxis,
    legendLabel: mnistMsg.mnist.modelsLegend,
    size: 'large',
    series: [
      { key: MNIST_TEACHER, label: mnistMsg.mnist.teacher, style: TEACHER_STYLE, width: 2.5 },
      ...students.map((s, i) => ({
        key: mnistStudentKey(s.id),
        label: s.label || mnistMsg.mnist.studentFallback(i),
        style: studentStyle(i),
        width: 3,
      })),
    ],
    charts: [
      {
        key: MNIST_CHART,
        title: t.title,
        label: t.chartLabel,
        format: (v) => formatPercent(v / 100, 2),
        axis: (v) => `${formatSignificant(v, 2)} ${msg.units.percent}`,
        range: {
          zoomed: (stats) => [0, errorAxisTop(stats.latestMax, stats.dataMax, false)],
          full: [0, 100],
          toggle: t.fullRange,
          toggleHelp: t.fullRangeHelp,
        },
        series: [MNIST_TEACHER, ...students.map((s) => mnistStudentKey(s.id))],
        note: `${t.teacherNote} ${t.runningNote}`,
      },
      {
        key: MNIST_LOSS_CHART,
        title: l.title,
        label: l.chartLabel,
        format: (v) => formatNats(v),
        axis: (v) => formatSignificant(v, 2),
        range: 'auto',
        scale: 'log',
        series: students.map((s) => mnistStudentKey(s.id)),
        note: l.note,
      },
    ],
  };
}

/** A training loss as a log-scale value: null before the first step (NaN) or where not positive. */
export function lossValue(v: number | undefined): CurveValue {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : null;
}

/** The test errors (and, where given, the students' training losses) at `step` as a point. */
export function mnistPoint(step: number, teacher: MnistErrorCount, students: readonly MnistCurvesStudent[]): CurvePoint {
  const row: Record<string, CurveValue> = { [MNIST_TEACHER]: errorPercent(teacher) };
  for (const s of students) row[mnistStudentKey(s.id)] = errorPercent(s.test);
  const values: CurvePoint['values'] = { [MNIST_CHART]: row };
  if (students.some((s) => s.trainLoss !== undefined)) {
    values[MNIST_LOSS_CHART] = Object.fromEntries(students.map((s) => [mnistStudentKey(s.id), lossValue(s.trainLoss)]));
  }
  return { x: step, values };
}
