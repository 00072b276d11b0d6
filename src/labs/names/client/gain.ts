/**
 * What the teacher added in the names lab, as `<distill-gain>` shows it: for each student that
 * learns through the teacher (its full distribution, its top-k, or its sampled names), how much
 * lower its validation NLL is than the data-only student's, in nats per character, with what the
 * queries cost; a "Look for" line, and why when a student through the teacher is behind.
 * Pure: readouts and settings in, a view model out.
 */
import { signed, toneOf, type GainFigure, type GainView } from '../../../components/distill-gain/gain-view';
import { formatFixed } from '../../../shared/format';
import type { StudentReadout } from '../shared/readouts';
import type { NamesExperiment } from '../shared/schema';
import { namesMsg } from '../i18n/index';

/** NLL differences within 0.01 nats per character are called even. */
const NOISE = 0.01;

export interface NamesGainInput {
  step: number;
  students: readonly StudentReadout[];
  /** The students' names as the panel shows them. */
  labels: readonly string[];
}

export function namesGain(e: NamesExperiment, r: NamesGainInput): GainView {
  const t = namesMsg.gain;
  const lookFor = t.lookFor;
  const baseAt = e.students.findIndex((s) => s.access === 'data');
  if (baseAt < 0) return { figures: [], placeholder: t.noDataOnly, lookFor };
  const base = r.students[baseAt];
  if (!base || r.step === 0 || !Number.isFinite(base.validation.nll)) return { figures: [], placeholder: t.beforeFirstStep, lookFor };
  const figures: GainFigure[] = [];
  const behind: StudentReadout[] = [];
  r.students.forEach((s, i) => {
    if (i === baseAt || !Number.isFinite(s.validation.nll)) return;
    // Lower NLL is better: the gain is the data-only student's NLL minus this one's.
    const gain = base.validation.nll - s.validation.nll;
    const tone = toneOf(gain, NOISE);
    if (tone === 'worse') behind.push(s);
    figures.push({
      key: `nll-${i + 1}`,
      value: t.nats(signed(-gain, 3)),
      label: t.nllLabel(r.labels[i] ?? String(i + 1), r.labels[baseAt] ?? ''),
      detail: t.nllDetail(formatFixed(s.validation.nll, 3), formatFixed(base.validation.nll, 3)),
      tone,
    });
  });
  let why: string | null = null;
  if (behind.length) {
    const w = t.whyBehind;
    if (behind.some((s) => s.access === 'text')) why = w.text;
    else if (behind.some((s) => s.access === 'topk') && e.knobs.missingMass === 'renormalise') why = w.renormalised;
    else why = r.step < 100 ? w.early : w.noise;
  }
  return { figures, lookFor, why };
}
