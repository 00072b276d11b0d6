/**
 * Playing whole episodes with a policy, outside training: the teacher's seeded evaluation, the
 * cross-entropy method's fitness, the tests. Pure.
 */
import { mulberry32 } from '../../../shared/random';
import { CartPoleBatch, MAX_STEPS, STATE_SIZE } from './env';
import { greedyAction, logits, rightProbability, sampleAction, scratchFor, type PolicyWeights } from './policy';

/** How the policy picks its action: its more probable one, or a sample from its distribution. */
export type ActMode = 'greedy' | 'sample';

/** Seed of episode `i` of an evaluation that starts at `base`: its start state and its action draws. */
export function episodeSeed(base: number, i: number): number {
  return (base + i * 7919) >>> 0;
}

/** The return (steps until failure, at most 500) of one episode from `seed`. */
export function playEpisode(policy: PolicyWeights, seed: number, mode: ActMode, logitScale = 1): number {
  const env = new CartPoleBatch(1, seed);
  const draw = mulberry32(seed ^ 0x5bd1e995);
  const x = new Float32Array(STATE_SIZE);
  const out = new Float32Array(2);
  const scratch = scratchFor(policy);
  for (;;) {
    env.features(x);
    logits(policy, x, 0, out, scratch);
    const action = mode === 'greedy' ? greedyAction(out) : sampleAction(rightProbability(out, 1 / logitScale), draw());
    const { terminated, truncated, length } = env.stepOne(0, action);
    if (terminated || truncated) return length;
  }
}

export interface Evaluation {
  episodes: number;
  /** Episodes that reached the 500-step cap. */
  reachedCap: number;
  meanReturn: number;
  minReturn: number;
  /** Environment steps the evaluation took. */
  steps: number;
}

/** `episodes` seeded episodes from `base` (seeds `episodeSeed(base, i)`). */
export function evaluatePolicy(policy: PolicyWeights, base: number, episodes: number, mode: ActMode, logitScale = 1): Evaluation {
  let total = 0;
  let reachedCap = 0;
  let minReturn = Infinity;
  for (let i = 0; i < episodes; i++) {
    const r = playEpisode(policy, episodeSeed(base, i), mode, logitScale);
    total += r;
    if (r >= MAX_STEPS) reachedCap += 1;
    minReturn = Math.min(minReturn, r);
  }
  return { episodes, reachedCap, meanReturn: total / episodes, minReturn, steps: total };
}
