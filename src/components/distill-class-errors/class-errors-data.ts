/**
 * Pure helpers for the per-class error view: rates, a readable axis, and the confusions worth
 * naming. No DOM, so vitest checks them in Node.
 */

/** errors / total as a fraction 0–1, or null when there is nothing to divide by. */
export function errorRate(errors: number | undefined, total: number | undefined): number | null {
  if (errors === undefined || total === undefined || !Number.isFinite(errors) || !(total > 0)) return null;
  return errors / total;
}

/**
 * A round upper end and tick step for an axis of fractions whose largest value is `max`, e.g.
 * 0.032 → { top: 0.04, step: 0.01 }; 0.87 → { top: 1, step: 0.2 }. At least 1 % tall, at most 100 %.
 */
export function niceAxis(max: number): { top: number; step: number } {
  const m = Number.isFinite(max) && max > 0 ? Math.min(1, max) : 0;
  const target = Math.max(m, 0.01);
  // Candidate steps 1-2-2.5-5 × 10^k; choose the smallest giving at most 5 intervals.
  const decade = 10 ** Math.floor(Math.log10(target));
  for (const base of [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10]) {
    const step = base * decade;
    const top = Math.ceil(target / step - 1e-9) * step;
    if (top / step <= 5) return { top: Number(top.toPrecision(12)), step: Number(step.toPrecision(12)) };
  }
  return { top: 1, step: 0.2 };
}

export interface Confusion {
  trueDigit: number;
  predicted: number;
  count: number;
}

/**
 * The `k` largest off-diagonal cells of a `classes × classes` confusion matrix (row = true,
 * column = predicted), largest first; ties go to the lower true digit, then the lower prediction.
 * Empty cells are left out.
 */
export function topConfusions(confusion: ArrayLike<number>, k: number, classes = 10): Confusion[] {
  const cells: Confusion[] = [];
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      const count = confusion[t * classes + p] ?? 0;
      if (t !== p && count > 0) cells.push({ trueDigit: t, predicted: p, count });
    }
  }
  cells.sort((a, b) => b.count - a.count || a.trueDigit - b.trueDigit || a.predicted - b.predicted);
  return cells.slice(0, k);
}

/** The largest off-diagonal count (0 for a perfect model). */
export function maxOffDiagonal(confusion: ArrayLike<number>, classes = 10): number {
  let max = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      if (t !== p) max = Math.max(max, confusion[t * classes + p] ?? 0);
    }
  }
  return max;
}

/**
 * Heat of a mistake cell, 0–1: square-root scaled so a handful of mistakes still shows beside the
 * worst confusion.
 */
export function confusionHeat(count: number, maxOff: number): number {
  if (!(count > 0) || !(maxOff > 0)) return 0;
  return Math.min(1, Math.sqrt(count / maxOff));
}
