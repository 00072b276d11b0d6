/**
 * What the teacher added in the CartPole lab, as `<distill-gain>` shows it: the distilled
 * student's mean return over its last episodes against the reward-only student's (same network,
 * same environment steps), when each first averaged 475, a "Look for" line, and why when the
 * distilled student is behind. Pure: readouts and settings in, a view model out.
 */
import { signed, toneOf, type GainFigure, type GainView } from '../../../components/distill-gain/gain-view';
import { formatInteger } from '../../../shared/format';
import type { StudentReadout } from '../shared/readouts';
import type { CartpoleExperiment } from '../shared/schema';
import { cartpoleMsg } from '../i18n/index';

/** Returns within 10 of each other are called even (an episode's return is a step count). */
const NOISE = 10;

export interface CartpoleGainInput {
  distilled: StudentReadout | null;
  rewardOnly: StudentReadout | null;
}

export function cartpoleGain(e: CartpoleExperiment, r: CartpoleGainInput): GainView {
  const t = cartpoleMsg.gain;
  const lookFor = t.lookFor;
  const d = r.distilled;
  const o = r.rewardOnly;
  if (!d || !o || !(d.window > 0) || !(o.window > 0)) return { figures: [], placeholder: t.beforeEpisodes, lookFor };
  const gap = d.meanReturn - o.meanReturn;
  const tone = toneOf(gap, NOISE);
  const figures: GainFigure[] = [
    {
      key: 'return',
      value: t.returnGain(signed(gap, 0)),
      label: t.returnLabel,
      detail: t.returnDetail(formatInteger(Math.round(d.meanReturn)), formatInteger(Math.round(o.meanReturn)), formatInteger(Math.min(d.window, o.window))),
      tone,
    },
  ];
  if (d.solvedAt !== null || o.solvedAt !== null) {
    figures.push({
      key: 'solved',
      value: d.solvedAt !== null ? t.solvedAt(formatInteger(d.solvedAt)) : t.notYet,
      label: t.solvedLabel,
      detail: t.solvedDetail(o.solvedAt !== null ? formatInteger(o.solvedAt) : t.notYetShort),
      tone: d.solvedAt !== null && (o.solvedAt === null || d.solvedAt < o.solvedAt) ? 'better' : o.solvedAt !== null && (d.solvedAt === null || o.solvedAt < d.solvedAt) ? 'worse' : 'even',
    });
  }
  const behind = tone === 'worse';
  return { figures, lookFor, why: behind ? (d.episodes < 20 ? t.whyEarly : e.knobs.temperature >= 5 ? t.whyHighT : t.whyNoise) : null };
}
