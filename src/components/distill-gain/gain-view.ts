/**
 * The view model of `<distill-gain>`: "what the teacher added", as a few headline figures, a
 * "Look for" line and, where a student does worse, why. Pure data: each lab turns its readouts
 * into this (its own words from its i18n), and the element only lays it out.
 */

/** Better / worse for the student that learns from the teacher; `even` within noise; `none` before data. */
export type GainTone = 'better' | 'worse' | 'even' | 'none';

export interface GainFigure {
  /** Stable key (a test id and a CSS hook): `accuracy`, `kl`, `errors-s2`. */
  key: string;
  /** The figure itself, short: "+31.9 points". */
  value: string;
  /** What it measures: "test accuracy, distilled − labels-only". */
  label: string;
  /** The two numbers behind it: "99.6 % vs 67.7 %". */
  detail?: string;
  tone: GainTone;
}

export interface GainView {
  figures: readonly GainFigure[];
  /** What to watch on the charts for this data set or preset. */
  lookFor?: string;
  /** Why the distilled student is behind, when it is (or why the gain is small). */
  why?: string | null;
  /** Shown instead of figures before there is anything to compare ("Press Play…"). */
  placeholder?: string | null;
}

/** `+1.5`, `−0.3` (a real minus sign), `0.0`, with `digits` decimals. */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value > 0 ? '+' : '\u2212'}${text}`;
}

/** Tone of a difference where larger is better, with `noise` as the band called even. */
export function toneOf(difference: number, noise: number): GainTone {
  if (!Number.isFinite(difference)) return 'none';
  if (difference > noise) return 'better';
  if (difference < -noise) return 'worse';
  return 'even';
}

/** How many times smaller `ours` is than `theirs` (KL, errors): ≥ 1 when ours is smaller; NaN without data. */
export function timesSmaller(ours: number, theirs: number): number {
  if (!(ours >= 0) || !(theirs >= 0)) return Number.NaN;
  const floor = 1e-6;
  return Math.max(theirs, floor) / Math.max(ours, floor);
}
