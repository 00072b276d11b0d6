/**
 * The names lab's curves, as a `<distill-curves>` spec builder and a point function. Pure (no DOM).
 *
 * Against training step: validation NLL (nats per character; the teacher a flat reference line,
 * the bigram baseline named in the note), KL(teacher ‖ student) on the validation prefixes, and
 * each student's training loss on its last batch (log scale). A point is added per validation pass.
 */
import { formatFixed, formatNats, formatPercent, formatSignificant } from '../../../shared/format';
import { studentStyle, TEACHER_STYLE } from '../../../components/shared/series';
import type { CurvePoint, CurvesSpec } from '../../../components/distill-curves/curves-spec';
import { namesMsg } from '../i18n/index';
import type { NamesAccess } from '../shared/schema';

export interface NamesCurvesStudent {
  access: NamesAccess;
  k: number;
  trainLoss: number;
  validation: { nll: number; kl: number };
  /** Share of its latest sampled names found in the training list (absent: not sampled yet). */
  novelty?: { train: number };
  samples?: readonly string[];
}

export interface NamesCurvesInput {
  evaluatedAt: number;
  teacher: { validation: { nll: number }; novelty?: { train: number }; samples?: readonly string[] };
  bigram: { nll: number };
  students: readonly NamesCurvesStudent[];
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** "Student 2 · top-5": the label every view gives a student. */
export function studentLabel(i: number, s: { access: NamesAccess; k: number }): string {
  return `${namesMsg.controls.student(i)} \u00b7 ${namesMsg.accessShort(s.access, s.k)}`;
}

export function namesCurvesSpec(students: readonly { access: NamesAccess; k: number }[], baseline: { teacher: number; bigram: number } | null): CurvesSpec {
  const t = namesMsg.lossChart;
  const nats = { format: (v: number) => formatNats(v), axis: (v: number) => formatSignificant(v) };
  const keys = students.map((_, i) => `student-${i + 1}`);
  return {
    xLabel: t.stepAxis,
    legendLabel: namesMsg.panel.legend,
    size: 'small',
    series: [
      { key: 'teacher', label: t.teacher, style: TEACHER_STYLE },
      ...students.map((s, i) => ({ key: keys[i]!, label: studentLabel(i, s), style: studentStyle(i) })),
    ],
    charts: [
      {
        key: 'nll',
        title: t.nll,
        label: t.chartLabel(t.nll),
        ...nats,
        range: 'auto',
        series: ['teacher', ...keys],
        // Perplexity beside each value: exp(NLL), the branching factor the model is as unsure as.
        format: (v: number) => `${formatFixed(v, 3)} \u00b7 ${t.perplexityShort} ${formatFixed(Math.exp(v), 2)}`,
        note: baseline ? `${t.bigram}: ${formatNats(baseline.bigram)} \u00b7 ${t.teacher}: ${formatNats(baseline.teacher)}` : undefined,
      },
      { key: 'kl', title: t.kl, label: t.chartLabel(t.kl), ...nats, range: 'auto', series: keys },
      {
        key: 'known',
        title: t.known,
        label: t.chartLabel(t.known),
        format: (v: number) => formatPercent(v, 0),
        axis: (v: number) => formatPercent(v, 0),
        range: [0, 1],
        series: ['teacher', ...keys],
      },
      { key: 'train', title: t.train, label: t.chartLabel(t.train), ...nats, range: 'auto', scale: 'log', series: keys, note: t.trainNote },
    ],
  };
}

/** One validation pass as a point (x = the step it was taken at). */
export function namesPoint(s: NamesCurvesInput): CurvePoint {
  const nll: Record<string, number | null> = { teacher: finite(s.teacher.validation.nll) };
  const kl: Record<string, number | null> = {};
  const train: Record<string, number | null> = {};
  const shareOf = (m: { novelty?: { train: number }; samples?: readonly string[] }) => (m.novelty && m.samples?.length ? m.novelty.train : null);
  const known: Record<string, number | null> = { teacher: shareOf(s.teacher) };
  s.students.forEach((st, i) => {
    const key = `student-${i + 1}`;
    known[key] = shareOf(st);
    nll[key] = finite(st.validation.nll);
    kl[key] = finite(st.validation.kl);
    // Step 0 has no training loss (NaN): a gap; a log axis shows positive values only.
    train[key] = s.evaluatedAt > 0 && Number.isFinite(st.trainLoss) && st.trainLoss > 0 ? st.trainLoss : null;
  });
  return { x: s.evaluatedAt, values: { nll, kl, known, train } };
}
