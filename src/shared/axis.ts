/** A readable axis for fractions, shared by the bars and the error views. Pure. */

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
