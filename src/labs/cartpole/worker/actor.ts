/**
 * A student's (or the teacher's) side of the environments: a batch of CartPoles stepped with a
 * plain-arithmetic copy of the policy's weights, its action draws from its own seeded stream, its
 * episode returns, and — for REINFORCE — each episode's states and actions until it ends.
 * No tfjs: acting never waits on the device.
 */
import { mulberry32 } from '../../../shared/random';
import { CartPoleBatch, STATE_SIZE } from '../shared/env';
import { logits, rightProbability, sampleAction, scratchFor, type PolicyWeights } from '../shared/policy';
import { ReturnTracker } from '../shared/returns';

/** Whole episodes, flattened: features `count × 4`, the action taken in each, its discounted return-to-go. */
export interface Episodes {
  count: number;
  features: Float32Array;
  actions: Uint8Array;
  returnsToGo: Float32Array;
}

/** Discounted returns-to-go of an episode of `length` steps with reward 1 per step. */
export function returnsToGo(length: number, gamma: number, out = new Float32Array(length), offset = 0): Float32Array {
  let g = 0;
  for (let t = length - 1; t >= 0; t--) {
    g = 1 + gamma * g;
    out[offset + t] = g;
  }
  return out;
}

export class Actor {
  readonly env: CartPoleBatch;
  readonly returns = new ReturnTracker();
  policy: PolicyWeights;
  private readonly draw: () => number;
  private readonly x: Float32Array;
  private readonly out = new Float32Array(2);
  private scratch: [Float32Array, Float32Array];
  /** Per environment, the running episode's features and actions (only when `keepEpisodes`). */
  private readonly running: { features: number[]; actions: number[] }[] | null;
  private finished: { features: number[]; actions: number[] }[] = [];

  constructor(environments: number, seed: number, policy: PolicyWeights, keepEpisodes: boolean, private readonly gamma = 0.99) {
    this.env = new CartPoleBatch(environments, seed);
    this.draw = mulberry32(seed ^ 0x2545f491);
    this.x = new Float32Array(environments * STATE_SIZE);
    this.policy = policy;
    this.scratch = scratchFor(policy);
    this.running = keepEpisodes ? Array.from({ length: environments }, () => ({ features: [], actions: [] })) : null;
  }

  setPolicy(policy: PolicyWeights): void {
    this.policy = policy;
    this.scratch = scratchFor(policy);
  }

  /**
   * Steps every environment `perEnvironment` times, sampling the policy's actions. When `states`
   * is given, the features of each state acted in go there, row `step × environments + env`.
   */
  collect(perEnvironment: number, states: Float32Array | null): void {
    const n = this.env.count;
    for (let s = 0; s < perEnvironment; s++) {
      this.env.features(this.x);
      if (states) states.set(this.x, s * n * STATE_SIZE);
      for (let i = 0; i < n; i++) {
        logits(this.policy, this.x, i * STATE_SIZE, this.out, this.scratch);
        const action = sampleAction(rightProbability(this.out), this.draw());
        const episode = this.running?.[i];
        if (episode) {
          for (let k = 0; k < STATE_SIZE; k++) episode.features.push(this.x[i * STATE_SIZE + k]!);
          episode.actions.push(action);
        }
        const { terminated, truncated, length } = this.env.stepOne(i, action);
        if (terminated || truncated) {
          this.returns.add(length, this.env.totalSteps);
          if (episode) {
            this.finished.push(episode);
            this.running![i] = { features: [], actions: [] };
          }
        }
      }
    }
  }

  /** The episodes finished since the last call (null when none), with their returns-to-go. */
  takeEpisodes(): Episodes | null {
    if (this.finished.length === 0) return null;
    const count = this.finished.reduce((n, e) => n + e.actions.length, 0);
    const features = new Float32Array(count * STATE_SIZE);
    const actions = new Uint8Array(count);
    const returns = new Float32Array(count);
    let at = 0;
    for (const e of this.finished) {
      features.set(e.features, at * STATE_SIZE);
      actions.set(e.actions, at);
      returnsToGo(e.actions.length, this.gamma, returns, at);
      at += e.actions.length;
    }
    this.finished = [];
    return { count, features, actions, returnsToGo: returns };
  }
}
