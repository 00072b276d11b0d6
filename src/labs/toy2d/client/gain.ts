/**
 * What the teacher added in the 2-D lab, as `<distill-gain>` shows it: the distilled student's test
 * accuracy and KL to the teacher against the labels-only student's, a "Look for" line for the data
 * set, and why when the distilled student is behind. Pure: readouts and settings in, a view model out.
 */
import { signed, timesSmaller, toneOf, type GainFigure, type GainView } from '../../../components/distill-gain/gain-view';
import { formatFixed, formatPercent } from '../../../shared/format';
import { LIMITS, type ExperimentConfig } from '../shared/schema';
import type { ModelMetrics } from '../shared/readouts';
import { toy2dMsg } from '../i18n/index';
import { mlpParameterCount } from '../../../state/common';

/** Accuracy differences within half a point, and KL within 10 %, are called even. */
const ACCURACY_NOISE = 0.005;
const KL_NOISE = 1.1;
/** Before this many steps a distilled student trailing is the usual early lag. */
const EARLY_STEPS = 200;
/** At or above this temperature, a student with fewer parameters than this is "tiny" for the why line. */
const HIGH_T = 6;
const TINY_STUDENT = 100;

export interface Toy2dGainInput {
  step: number;
  student: ModelMetrics | null;
  labelsOnly: ModelMetrics | null;
}

export function toy2dGain(e: ExperimentConfig, r: Toy2dGainInput, classes: number): GainView {
  const t = toy2dMsg.gain;
  const few = e.labelled < LIMITS.labelled.max;
  const lookFor = t.lookFor[e.dataset][few ? 'few' : 'all'];
  if (!e.labelsOnly) return { figures: [], placeholder: t.noLabelsOnly, lookFor };
  if (!r.student || !r.labelsOnly || r.step === 0) return { figures: [], placeholder: t.beforeFirstStep, lookFor };
  const s = r.student;
  const l = r.labelsOnly;
  const accuracy = s.accuracy - l.accuracy;
  const accuracyTone = toneOf(accuracy, ACCURACY_NOISE);
  const times = timesSmaller(s.klToTeacher, l.klToTeacher);
  const klTone = toneOf(Math.log(times), Math.log(KL_NOISE));
  const figures: GainFigure[] = [
    {
      key: 'accuracy',
      value: t.points(signed(accuracy * 100)),
      label: t.accuracyLabel,
      detail: t.accuracyDetail(formatPercent(s.accuracy), formatPercent(l.accuracy)),
      tone: accuracyTone,
    },
    {
      key: 'kl',
      value: times >= 1 ? t.klSmaller(formatTimes(times)) : t.klLarger(formatTimes(1 / times)),
      label: t.klLabel,
      detail: t.klDetail(formatFixed(s.klToTeacher, 3), formatFixed(l.klToTeacher, 3)),
      tone: klTone,
    },
  ];
  return { figures, lookFor, why: accuracyTone === 'worse' || klTone === 'worse' ? whyBehind(e, r.step, classes) : null };
}

/** The likeliest reason the distilled student is behind, most specific first. */
function whyBehind(e: ExperimentConfig, step: number, classes: number): string {
  const w = toy2dMsg.gain.whyBehind;
  const parameters = mlpParameterCount(2, e.student.hidden, classes);
  if (e.knobs.temperature >= HIGH_T && parameters < TINY_STUDENT) return w.highT(formatFixed(e.knobs.temperature, 1));
  if (step < EARLY_STEPS) return w.early;
  if (e.labelled >= LIMITS.labelled.max) return w.allLabelled;
  if (e.knobs.alpha < 0.5) return w.lowAlpha;
  return w.noise;
}

/** `227×`, `2.1×`. */
function formatTimes(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}
