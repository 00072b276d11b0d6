/**
 * What the teacher added in the MNIST lab, as `<distill-gain>` shows it: for each student that
 * learns from the teacher, how many fewer test errors it makes than the labels-only student (on
 * the test images measured so far), the preset's (or the default's) "Look for" line, and why when
 * a distilled student is behind. Pure: readouts and settings in, a view model out.
 */
import { signed, toneOf, type GainFigure, type GainView } from '../../../components/distill-gain/gain-view';
import { formatInteger, formatPercent } from '../../../shared/format';
import type { MnistExperiment } from '../shared/schema';
import type { MnistStudentReadout } from '../shared/readouts';
import { mnistMsg } from '../i18n/index';

/** Differences within 0.2 % of the test images measured are called even. */
const NOISE = 0.002;
/** Before this many steps a distilled student trailing is the usual early lag at a high T. */
const EARLY_STEPS = 150;

export interface MnistGainInput {
  step: number;
  /** Students as the panel names them (labels filled in), in the experiment's order. */
  students: readonly MnistStudentReadout[];
  evaluation: { done: number; total: number } | null;
  /** The preset's "Look for", when the experiment is one. */
  presetLookFor: string | null;
}

export function mnistGain(e: MnistExperiment, r: MnistGainInput): GainView {
  const t = mnistMsg.gain;
  const lookFor = r.presetLookFor ?? t.defaultLookFor;
  const labelsAt = e.students.findIndex((s) => s.objective === 'labels');
  if (labelsAt < 0) return { figures: [], placeholder: t.noLabelsOnly, lookFor };
  const baseline = r.students[labelsAt];
  if (!baseline || r.step === 0 || !(baseline.test.total > 0)) return { figures: [], placeholder: t.beforeFirstStep, lookFor };
  const figures: GainFigure[] = [];
  const behind: number[] = [];
  r.students.forEach((s, i) => {
    if (i === labelsAt || !(s.test.total > 0)) return;
    const fewer = baseline.test.errors - s.test.errors;
    const share = fewer / s.test.total;
    const tone = toneOf(share, NOISE);
    if (tone === 'worse') behind.push(i);
    figures.push({
      key: `errors-${s.id}`,
      value: fewer >= 0 ? t.fewer(formatInteger(fewer)) : t.more(formatInteger(-fewer)),
      label: t.errorsLabel(shortName(s.id, e.students[i]!.objective), shortName(baseline.id, 'labels')),
      detail: t.errorsDetail(formatInteger(s.test.errors), formatInteger(baseline.test.errors), points(share)),
      tone,
    });
  });
  const ev = r.evaluation;
  const partial = ev && ev.done < ev.total ? t.partial(formatInteger(ev.done), formatInteger(ev.total)) : null;
  const why = behind.length ? whyBehind(e, r.step, behind) : null;
  return { figures, lookFor: partial ? `${lookFor} ${partial}` : lookFor, why };
}

/** `B (Logit KD)`: the student's letter and objective, short enough for a headline. */
function shortName(id: string, objective: MnistExperiment['students'][number]['objective']): string {
  return mnistMsg.gain.shortName(id.toUpperCase(), mnistMsg.mnistControls.objectiveNames[objective]);
}

function points(share: number): string {
  return `${signed(share * 100, 2)} ${mnistMsg.gain.pointsUnit}`;
}

function whyBehind(e: MnistExperiment, step: number, behind: number[]): string {
  const w = mnistMsg.gain.whyBehind;
  const specs = behind.map((i) => e.students[i]!);
  if (specs.some((s) => s.objective === 'hints') && e.knobs.hintMode === 'two-stage' && step < e.knobs.hintSteps + 50) {
    return w.hintStage(formatInteger(e.knobs.hintSteps));
  }
  if (specs.some((s) => s.access === 'top1')) return w.top1;
  if (step < EARLY_STEPS) return w.early(formatPercent(e.knobs.alpha, 0));
  return w.noise;
}
