/**
 * The numbers behind `<distill-bars>`: which columns a row of bars shows (every class, or the top k
 * and a "rest" bucket), each column's value, a zoomed scale and the top entries written out. Pure
 * (no DOM), so vitest checks it in Node.
 */
import { niceAxis } from '../../shared/axis';

/** One model's probabilities over the classes (a typed array, a plain array, or a `subarray` view). */
export type Distribution = ArrayLike<number>;

/** What a row of bars shows: these classes, in this order, then (when `rest`) one bucket for all the others. */
export interface ColumnPlan {
  classes: number[];
  rest: boolean;
}

/** A probability as drawn: missing, NaN and negative values count as 0. */
export function probability(dist: Distribution | undefined, index: number): number {
  const p = dist?.[index];
  return p !== undefined && Number.isFinite(p) && p > 0 ? p : 0;
}

/** The `k` largest entries of `dist` over `classes` classes, largest first; ties keep the lower index first. */
export function topEntries(dist: Distribution | undefined, classes: number, k: number): { index: number; p: number }[] {
  const entries = Array.from({ length: classes }, (_, index) => ({ index, p: probability(dist, index) }));
  entries.sort((a, b) => b.p - a.p || a.index - b.index);
  return entries.slice(0, Math.max(0, k));
}

/**
 * The columns to draw. With no `topK` (0, or at least `classes - 1`: a bucket of one class would
 * only rename it) every class, in order; else the `topK` most probable classes of `reference`
 * (largest first), then a "rest" bucket.
 */
export function columnPlan(reference: Distribution | undefined, classes: number, topK = 0): ColumnPlan {
  const all = Array.from({ length: classes }, (_, c) => c);
  if (!(topK > 0) || topK >= classes - 1) return { classes: all, rest: false };
  return { classes: topEntries(reference, classes, Math.floor(topK)).map((e) => e.index), rest: true };
}

/** The value of each column of `plan` for `dist`: the shown classes' probabilities, then the rest's sum. */
export function columnValues(dist: Distribution | undefined, plan: ColumnPlan, classes: number): number[] {
  const values = plan.classes.map((c) => probability(dist, c));
  if (plan.rest) {
    const shown = new Set(plan.classes);
    let rest = 0;
    for (let c = 0; c < classes; c++) if (!shown.has(c)) rest += probability(dist, c);
    values.push(rest);
  }
  return values;
}

/**
 * The top of a row's scale: 1 (0–100 %), or with `zoom` a round value just above the largest bar
 * (at a high T every bar is near 1 / classes, and the differences would not show on 0–100 %).
 */
export function scaleTop(rows: readonly (readonly number[])[], zoom: boolean): number {
  if (!zoom) return 1;
  let max = 0;
  for (const row of rows) for (const v of row) max = Math.max(max, v);
  return niceAxis(max).top;
}

/**
 * A bar's drawn scale: its height share, but never under ~1 px, so an empty bar still shows. Bars
 * are drawn full height and scaled (`transform: scaleY`), so their transition runs on the
 * compositor: animating `height` laid the page out 60 times a second while training and took
 * the CPU the training worker needs (`npm run bench`: app / bare loop 0.84 → 0.95 on wasm).
 */
export function barScale(share: number): string {
  return Math.max(0.005, Math.min(1, share)).toFixed(4);
}

/** A bar's height as a share of its row, 0–1. */
export function barHeight(value: number, top: number): number {
  return top > 0 ? Math.min(1, Math.max(0, value / top)) : 0;
}
