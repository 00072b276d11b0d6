/**
 * The MNIST lab's curves, as a `<distill-curves>` spec builder and a point function. Pure (no DOM).
 *
 * One large chart: test error (%) against training step, the frozen teacher as a flat reference
 * line and one line per student (series 1–3 by position). The axis zooms to a few times the latest
 * errors (see ./error-axis); a button shows 0–100 %.
 */
import { msg } from '../../../i18n/index';
import { formatPercent, formatSignificant } from '../../../shared/format';
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
}

export const MNIST_CHART = 'error';
export const MNIST_TEACHER = 'teacher';

/** A student's series key: by id, so a different set of students starts a new history. */
export function mnistStudentKey(id: string): string {
  return `student-${id}`;
}

/** Test error in percent, or null when not known. */
export function errorPercent(e: MnistErrorCount): CurveValue {
  return e.total > 0 && Number.isFinite(e.errors) ? (100 * e.errors) / e.total : null;
}

/** The spec for these students (labels as given, "Student A"… where empty). */
export function mnistCurvesSpec(students: readonly Pick<MnistCurvesStudent, 'id' | 'label'>[]): CurvesSpec {
  const t = mnistMsg.mnist.errorChart;
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
        note: t.teacherNote,
      },
    ],
  };
}

/** The test errors at `step` as a point. */
export function mnistPoint(step: number, teacher: MnistErrorCount, students: readonly MnistCurvesStudent[]): CurvePoint {
  const row: Record<string, CurveValue> = { [MNIST_TEACHER]: errorPercent(teacher) };
  for (const s of students) row[mnistStudentKey(s.id)] = errorPercent(s.test);
  return { x: step, values: { [MNIST_CHART]: row } };
}
