/**
 * The 2-D lab's curves, as a `<distill-curves>` spec and a point function. Pure (no DOM): the
 * element never sees a snapshot, and these two functions are all it takes to wire the lab.
 *
 * Small multiples over training steps: KL(teacher ‖ model), hard-label test loss and test
 * accuracy, for the teacher (no KL to itself), the student (series 1) and the labels-only student
 * (series 2, shown once a run has one); and the student's training loss (the distillation
 * objective on its last batch, log scale), there from the first step.
 */
import { msg } from '../../../i18n/index';
import { formatNats, formatPercent, formatSignificant } from '../../../shared/format';
import { ROLE_STYLES, type Role } from '../../../components/shared/series';
import type { CurvePoint, CurveSeries, CurvesSpec } from '../../../components/distill-curves/curves-spec';
import { toy2dMsg } from '../i18n/index';

/** What the point function reads of a 2-D snapshot (a `Toy2dSnapshot` fits). */
export interface Toy2dCurvesInput {
  step: number;
  teacher: { hardLoss: number; accuracy: number };
  student: { klToTeacher: number; hardLoss: number; accuracy: number };
  labelsOnly: { klToTeacher: number; hardLoss: number; accuracy: number } | null;
  /** The student's training loss of its last step (NaN before the first). */
  trainLoss?: { total: number };
}

function roleSeries(role: Role): CurveSeries {
  return {
    key: role,
    label: msg.roles[role],
    description: msg.roleDescriptions[role],
    style: ROLE_STYLES[role],
    optional: role === 'labelsOnly',
  };
}

/** Smallest KL drawn: a log axis cannot show 0, and below this the students match the teacher. */
export const KL_FLOOR = 1e-4;

/**
 * The spec; read at call time, so it follows the active strings. `stage`: the charts beside the
 * maps (accuracy, KL on a log axis); `more`: the training and hard-label losses, further down.
 */
export function toy2dCurvesSpec(which: 'stage' | 'more' | 'all' = 'all'): CurvesSpec {
  const t = toy2dMsg.lossChart;
  const nats = { format: (v: number) => formatNats(v), axis: (v: number) => formatSignificant(v) };
  const stage = ['accuracy', 'kl'];
  const spec = allCharts(t, nats);
  return {
    xLabel: t.stepAxis,
    legendLabel: msg.legend,
    size: 'small',
    // The stage's legend is one short line (the bars beside it spell the roles out).
    series: (['teacher', 'student', 'labelsOnly'] as const).map((r) => ({ ...roleSeries(r), ...(which === 'stage' ? { description: undefined } : {}) })),
    charts: which === 'all' ? spec : spec.filter((c) => stage.includes(c.key) === (which === 'stage')).sort((a, b) => stage.indexOf(a.key) - stage.indexOf(b.key)),
  };
}

function allCharts(t: typeof toy2dMsg.lossChart, nats: { format: (v: number) => string; axis: (v: number) => string }): CurvesSpec['charts'] {
  return [
      { key: 'kl', title: t.kl, label: t.chartLabel(t.kl), ...nats, range: 'auto', scale: 'log', series: ['student', 'labelsOnly'] },
      {
        key: 'hard',
        title: t.hardLoss,
        label: t.chartLabel(t.hardLoss),
        ...nats,
        range: 'auto',
        series: ['teacher', 'student', 'labelsOnly'],
      },
      {
        key: 'accuracy',
        title: t.accuracy,
        label: t.chartLabel(t.accuracy),
        format: (v) => formatPercent(v),
        axis: (v) => formatPercent(v, 0),
        range: [0, 1],
        series: ['teacher', 'student', 'labelsOnly'],
      },
      { key: 'train', title: t.trainLoss, label: t.chartLabel(t.trainLoss), ...nats, range: 'auto', scale: 'log', series: ['student'] },
  ];
}

function klShown(v: number): number {
  return Number.isFinite(v) ? Math.max(v, KL_FLOOR) : v;
}

/** One snapshot as a point (x = step). The labels-only keys are left out when the run has none. */
export function toy2dPoint(snapshot: Toy2dCurvesInput): CurvePoint {
  const { teacher, student, labelsOnly } = snapshot;
  const withLabels = <T extends object>(values: T, value: number | undefined) =>
    labelsOnly ? { ...values, labelsOnly: value ?? null } : values;
  const values: CurvePoint['values'] = {
    kl: withLabels({ student: klShown(student.klToTeacher) }, labelsOnly ? klShown(labelsOnly.klToTeacher) : undefined),
    hard: withLabels({ teacher: teacher.hardLoss, student: student.hardLoss }, labelsOnly?.hardLoss),
    accuracy: withLabels({ teacher: teacher.accuracy, student: student.accuracy }, labelsOnly?.accuracy),
  };
  if (snapshot.trainLoss) {
    const v = snapshot.trainLoss.total;
    // Step 0 has no training loss yet (NaN): a gap; a log axis shows positive values only.
    values.train = { student: snapshot.step > 0 && Number.isFinite(v) && v > 0 ? v : null };
  }
  return { x: snapshot.step, values };
}
