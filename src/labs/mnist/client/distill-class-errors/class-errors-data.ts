/**
 * Pure helpers for the per-class error view: rates and the confusions worth naming (the axis is
 * src/shared/axis.ts). No DOM, so vitest checks them in Node.
 */

/** errors / total as a fraction 0–1, or null when there is nothing to divide by. */
export function errorRate(errors: number | undefined, total: number | undefined): number | null {
  if (errors === undefined || total === undefined || !Number.isFinite(errors) || !(total > 0)) return null;
  return errors / total;
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

/** What the per-digit view shows of one model: its name and errors. */
interface ErrorsOf {
  id: string;
  label: string;
  test: { errors: number; total: number; perClass: { errors: number[]; totals: number[] }; confusion?: ArrayLike<number> };
}

/**
 * Everything the per-digit view draws from, as one string: equal keys, equal views. The errors
 * change only when a chunk of the test set is measured, while every snapshot brings new objects;
 * re-rendering ~190 figures at each snapshot cost the MNIST page ~7 ms a second (CPU profile).
 */
export function errorsKey(teacher: ErrorsOf['test'] | null, students: readonly ErrorsOf[]): string {
  const one = (e: ErrorsOf['test']) =>
    `${e.errors}/${e.total}/${e.perClass.errors.join(',')}/${e.perClass.totals.join(',')}/${e.confusion ? Array.prototype.join.call(e.confusion, ',') : '-'}`;
  return [teacher ? one(teacher) : '-', ...students.map((s) => `${s.id}|${s.label}|${one(s.test)}`)].join(';');
}
