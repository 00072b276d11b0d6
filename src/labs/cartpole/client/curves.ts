/**
 * The CartPole lab's curves, as a `<distill-curves>` spec and a point function (pure). Over
 * environment steps: each student's mean return over its last 100 episodes (the CartPole-v1
 * criterion), its last episode's return, and its KL to the teacher on the states it visited.
 */
import { formatFixed, formatNats, formatSignificant } from '../../../shared/format';
import { msg } from '../../../i18n/index';
import { ROLE_STYLES } from '../../../components/shared/series';
import type { CurvePoint, CurveSeries, CurvesSpec } from '../../../components/distill-curves/curves-spec';
import type { StudentRole } from '../shared/readouts';
import { MAX_STEPS } from '../shared/env';
import { cartpoleMsg } from '../i18n/index';

/** The students' series styles: the distilled one as the kit's student, reward-only as its second series. */
export const STUDENT_STYLE = { distilled: ROLE_STYLES.student, rewardOnly: ROLE_STYLES.labelsOnly } as const;

/** What the point function reads of a snapshot (a `CartpoleSnapshot` fits). */
export interface CartpoleCurvesInput {
  examplesSeen: number;
  step: number;
  distilled: { meanReturn: number; lastReturn: number; klToTeacher: number; loss?: number };
  rewardOnly: { meanReturn: number; lastReturn: number; klToTeacher: number };
}

function series(role: StudentRole): CurveSeries {
  return { key: role, label: cartpoleMsg.roles[role], description: cartpoleMsg.roleDescriptions[role], style: STUDENT_STYLE[role] };
}

/**
 * The spec. `stage`: the mean return alone, short, above the cart (what the headline compares);
 * `more`: the last return, the KL and the training loss further down; `all`: every chart.
 */
export function cartpoleCurvesSpec(which: 'all' | 'stage' | 'more' = 'all'): CurvesSpec {
  const spec = fullSpec();
  if (which === 'all') return spec;
  const charts = spec.charts.filter((c) => (c.key === 'mean') === (which === 'stage'));
  // Beside the headline the legend is one short line; the full descriptions are further down.
  const series = which === 'stage' ? spec.series.map((s) => ({ ...s, description: undefined })) : spec.series;
  return { ...spec, series, charts };
}

function fullSpec(): CurvesSpec {
  const t = cartpoleMsg.chart;
  const returns = { format: (v: number) => formatFixed(v, 1), axis: (v: number) => formatFixed(v, 0), range: [0, MAX_STEPS] as const };
  return {
    xLabel: t.stepAxis,
    legendLabel: msg.legend,
    size: 'small',
    series: [series('distilled'), series('rewardOnly')],
    charts: [
      { key: 'mean', title: t.meanReturn, label: t.chartLabel(t.meanReturn), ...returns, series: ['distilled', 'rewardOnly'] },
      { key: 'last', title: t.lastReturn, label: t.chartLabel(t.lastReturn), ...returns, series: ['distilled', 'rewardOnly'] },
      {
        key: 'kl',
        title: t.kl,
        label: t.chartLabel(t.kl),
        format: (v) => formatNats(v),
        axis: (v) => formatSignificant(v),
        range: 'auto',
        scale: 'log',
        series: ['distilled', 'rewardOnly'],
      },
      // The distilled student's objective (T² · KL on its last update), from the first update. The
      // reward-only student's REINFORCE loss changes sign, so it has no log-scale line here.
      { key: 'loss', title: t.loss, label: t.chartLabel(t.loss), format: (v) => formatNats(v), axis: (v) => formatSignificant(v), range: 'auto', scale: 'log', series: ['distilled'] },
    ],
  };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const positive = (v: number): number | null => (Number.isFinite(v) && v > 0 ? v : null);

/** One snapshot as a point at x = environment steps; values not there yet are gaps. */
export function cartpolePoint(s: CartpoleCurvesInput): CurvePoint {
  const kl = (v: number) => (s.step > 0 ? positive(v) : null);
  return {
    x: s.examplesSeen,
    values: {
      mean: { distilled: finite(s.distilled.meanReturn), rewardOnly: finite(s.rewardOnly.meanReturn) },
      last: { distilled: finite(s.distilled.lastReturn), rewardOnly: finite(s.rewardOnly.lastReturn) },
      kl: { distilled: kl(s.distilled.klToTeacher), rewardOnly: kl(s.rewardOnly.klToTeacher) },
      ...(s.distilled.loss !== undefined ? { loss: { distilled: kl(s.distilled.loss) } } : {}),
    },
  };
}
