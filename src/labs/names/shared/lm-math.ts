/**
 * Language-model measures in plain TypeScript (double precision), for the page, the bench and as
 * the unit tests' reference: NLL in nats per character, perplexity, KL between next-character
 * distributions, the bigram baseline, temperature sampling. Pure.
 */
import { CONTEXT, VOCAB } from './corpus';

/** exp(NLL): the branching factor a model is as unsure as. */
export function perplexity(nllNats: number): number {
  return Math.exp(nllNats);
}

/** Mean −log p(target) over rows of `probs` (`rows × classes`, each row a distribution). */
export function meanNll(probs: ArrayLike<number>, targets: ArrayLike<number>, classes = VOCAB): number {
  let total = 0;
  for (let r = 0; r < targets.length; r++) total -= Math.log(probs[r * classes + targets[r]!]!);
  return total / targets.length;
}

/** KL(p ‖ q) in nats; terms with p = 0 add nothing (their limit), q = 0 where p > 0 gives ∞. */
export function kl(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    if (pi > 0) total += pi * (Math.log(pi) - Math.log(q[i]!));
  }
  return total;
}

export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  let m = -Infinity;
  for (let i = 0; i < logits.length; i++) m = Math.max(m, logits[i]! / temperature);
  const e = Array.from(logits, (z) => Math.exp(z / temperature - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * The bigram model of a training set: P(next | previous character), from counts plus `smoothing`
 * (makemore adds 1, so no pair has probability 0). `rows` are the lab's position rows.
 */
export function bigramTable(contexts: Int32Array, targets: Int32Array, smoothing = 1): Float64Array {
  const counts = new Float64Array(VOCAB * VOCAB).fill(smoothing);
  for (let r = 0; r < targets.length; r++) counts[contexts[r * CONTEXT + CONTEXT - 1]! * VOCAB + targets[r]!]! += 1;
  for (let a = 0; a < VOCAB; a++) {
    let total = 0;
    for (let b = 0; b < VOCAB; b++) total += counts[a * VOCAB + b]!;
    for (let b = 0; b < VOCAB; b++) counts[a * VOCAB + b]! /= total;
  }
  return counts;
}

/** The bigram table's mean NLL on position rows (nats per character). */
export function bigramNll(table: Float64Array, contexts: Int32Array, targets: Int32Array): number {
  let total = 0;
  for (let r = 0; r < targets.length; r++) total -= Math.log(table[contexts[r * CONTEXT + CONTEXT - 1]! * VOCAB + targets[r]!]!);
  return total / targets.length;
}

/**
 * Index drawn from `probs` sharpened or flattened by `temperature` (p^(1/τ), renormalised), by
 * inverting the cumulative sum at the uniform draw `u` ∈ [0, 1). Deterministic given `u`.
 */
export function sampleIndex(probs: ArrayLike<number>, temperature: number, u: number): number {
  const w = Array.from(probs, (p) => (p > 0 ? Math.pow(p, 1 / temperature) : 0));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < w.length; i++) {
    acc += w[i]! / total;
    if (u < acc) return i;
  }
  // Rounding left the sum a hair under 1: the last class with any weight.
  for (let i = w.length - 1; i >= 0; i--) if (w[i]! > 0) return i;
  return 0;
}
