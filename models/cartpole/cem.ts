/**
 * The cross-entropy method (Rubinstein 1999; Szita & Lőrincz 2006 on Tetris) for the CartPole
 * teacher: sample policy weights from a diagonal Gaussian, play a few seeded episodes with each,
 * refit the Gaussian to the best tenth, with extra noise that fades so the search does not
 * collapse early. No gradients: each candidate is a plain forward pass (src/labs/cartpole/shared/policy).
 */
import { gaussian, mulberry32 } from '../../src/shared/random';
import { evaluatePolicy, type Evaluation } from '../../src/labs/cartpole/shared/evaluate';
import { MAX_STEPS } from '../../src/labs/cartpole/shared/env';
import { policyFromFlat, type PolicyWeights } from '../../src/labs/cartpole/shared/policy';
import type { ActivationName } from '../../src/state/common';

export interface CemOptions {
  shapes: [number, number][];
  activation: ActivationName;
  seed: number;
  population: number;
  elite: number;
  episodesPerCandidate: number;
  maxIterations: number;
  /** Stop once the mean weights pass this: `check(policy)` true. */
  done(policy: PolicyWeights, iteration: number): { passed: boolean; steps: number };
  log?(line: string): void;
}

export interface CemResult {
  weights: Float32Array;
  iterations: number;
  environmentSteps: number;
}

export function crossEntropyMethod(o: CemOptions): CemResult {
  const size = o.shapes.reduce((n, [a, b]) => n + a * b + b, 0);
  const normal = gaussian(mulberry32(o.seed));
  const mean = new Float64Array(size);
  const std = new Float64Array(size).fill(0.5);
  let steps = 0;
  for (let it = 0; it < o.maxIterations; it++) {
    const scored: { w: Float32Array; f: number }[] = [];
    // Common random numbers: every candidate of an iteration plays the same episodes.
    const base = o.seed * 1000 + it * 13;
    for (let c = 0; c < o.population; c++) {
      const w = new Float32Array(size);
      for (let k = 0; k < size; k++) w[k] = mean[k]! + std[k]! * normal();
      const e: Evaluation = evaluatePolicy(policyFromFlat(w, o.shapes, o.activation), base, o.episodesPerCandidate, 'greedy');
      steps += e.steps;
      scored.push({ w, f: e.meanReturn });
    }
    scored.sort((a, b) => b.f - a.f);
    const elite = scored.slice(0, o.elite);
    const extra = Math.max(0, 0.1 - it * 0.005);
    for (let k = 0; k < size; k++) {
      let m = 0;
      for (const e of elite) m += e.w[k]!;
      m /= elite.length;
      let v = 0;
      for (const e of elite) v += (e.w[k]! - m) ** 2;
      mean[k] = m;
      std[k] = Math.sqrt(v / elite.length) + extra;
    }
    const weights = Float32Array.from(mean);
    const check = o.done(policyFromFlat(weights, o.shapes, o.activation), it);
    steps += check.steps;
    const avg = scored.reduce((s, c) => s + c.f, 0) / scored.length;
    o.log?.(`iteration ${it + 1}: best ${elite[0]!.f.toFixed(1)}, population mean ${avg.toFixed(1)} (cap ${MAX_STEPS}), ${steps} environment steps${check.passed ? ' — passed' : ''}`);
    if (check.passed) return { weights, iterations: it + 1, environmentSteps: steps };
  }
  throw new Error(`the cross-entropy method found no teacher in ${o.maxIterations} iterations`);
}
