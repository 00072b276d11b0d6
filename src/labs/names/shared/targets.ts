/**
 * What a top-k API gives a student, in plain TypeScript (double precision): the reference the
 * worker's tensor version is tested against. An API returns the k largest log-probabilities at a
 * position, true values, so the mass it leaves out (1 − Σ top-k) is known; only how it is spread
 * over the hidden characters is not. Two treatments:
 * - `spread`: the missing mass shared evenly by the 27 − k hidden characters (the maximum-entropy
 *   guess, claiming nothing the API did not say);
 * - `renormalise`: the top-k divided by their sum and the rest set to 0, as a cache of top-k
 *   logits is often used; biased towards the teacher's favourites (Anshumann et al. 2025).
 * Either is then softened at T: p^(1/T), renormalised. Ties go to the lower index.
 */
import type { MissingMass } from './schema';
import { softmax } from './lm-math';

export function referenceTopk(logits: readonly number[], k: number, missing: MissingMass, temperature = 1): number[] {
  const p = softmax(logits);
  const n = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const kept = new Set(order.slice(0, k).map(([, i]) => i));
  const keptMass = [...kept].reduce((s, i) => s + p[i]!, 0);
  const exposed = p.map((v, i) => (kept.has(i) ? v : missing === 'spread' ? (1 - keptMass) / (n - k) : 0));
  const powered = exposed.map((v) => (v > 0 ? Math.pow(v, 1 / temperature) : 0));
  const total = powered.reduce((a, b) => a + b, 0);
  return powered.map((v) => v / total);
}
