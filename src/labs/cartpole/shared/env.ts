/**
 * CartPole with the classic dynamics (Barto, Sutton & Anderson 1983) and the constants, integrator,
 * termination and start state of Gymnasium's CartPole-v1 (gymnasium/envs/classic_control/cartpole.py):
 * τ = 0.02 s, force ±10 N, cart 1.0 kg, pole 0.1 kg, half-length 0.5 m, g = 9.8, explicit Euler;
 * an episode fails once |x| > 2.4 m or |θ| > 12°, is cut at 500 steps, and starts uniform in ±0.05
 * on all four variables. Reward 1 per step, the failing one included.
 *
 * Pure TypeScript, no DOM, no tfjs; seeded. `CartPoleBatch` steps several environments at once in
 * flat Float64Arrays (as NumPy's float64), which the worker, the teacher's training script, the
 * benchmark and the page's slow-motion replay all share.
 */
import { mulberry32 } from '../../../shared/random';

export const GRAVITY = 9.8;
export const MASS_CART = 1.0;
export const MASS_POLE = 0.1;
export const TOTAL_MASS = MASS_CART + MASS_POLE;
/** Half the pole's length, as Gymnasium's `length`. */
export const HALF_LENGTH = 0.5;
export const POLE_MASS_LENGTH = MASS_POLE * HALF_LENGTH;
export const FORCE = 10.0;
export const TAU = 0.02;
export const X_LIMIT = 2.4;
export const THETA_LIMIT = (12 * 2 * Math.PI) / 360;
export const MAX_STEPS = 500;
export const START_RANGE = 0.05;
/** CartPole-v1's "solved": an average return of at least this over 100 consecutive episodes. */
export const SOLVED_RETURN = 475;
export const SOLVED_WINDOW = 100;

/** Actions: 0 pushes the cart left, 1 pushes it right. */
export const ACTIONS = 2;
/** State per environment: x, ẋ, θ, θ̇. */
export const STATE_SIZE = 4;

/**
 * One Euler step of the dynamics from `s` (x, ẋ, θ, θ̇) under `action`, written into `out`
 * (which may be `s`). Exactly Gymnasium's arithmetic, in the same order.
 */
export function dynamics(s: ArrayLike<number>, action: number, out: Float64Array | number[], offset = 0, inOffset = offset): void {
  const x = s[inOffset]!;
  const xDot = s[inOffset + 1]!;
  const theta = s[inOffset + 2]!;
  const thetaDot = s[inOffset + 3]!;
  const force = action === 1 ? FORCE : -FORCE;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
  const thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - (MASS_POLE * cos * cos) / TOTAL_MASS));
  const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
  out[offset] = x + TAU * xDot;
  out[offset + 1] = xDot + TAU * xAcc;
  out[offset + 2] = theta + TAU * thetaDot;
  out[offset + 3] = thetaDot + TAU * thetaAcc;
}

/** Whether a state has failed (cart off the track or pole past 12°). */
export function failed(s: ArrayLike<number>, offset = 0): boolean {
  const x = s[offset]!;
  const theta = s[offset + 2]!;
  return x < -X_LIMIT || x > X_LIMIT || theta < -THETA_LIMIT || theta > THETA_LIMIT;
}

/**
 * The policy's input for a state: each variable divided by a fixed scale, so all four are of order
 * one (the track half-width, 2 m/s, the 12° limit, 2 rad/s). Students and teacher read the same.
 */
export const FEATURE_SCALE = [X_LIMIT, 2, THETA_LIMIT, 2] as const;

export function features(s: ArrayLike<number>, out: Float32Array, outOffset = 0, inOffset = 0): void {
  for (let k = 0; k < STATE_SIZE; k++) out[outOffset + k] = s[inOffset + k]! / FEATURE_SCALE[k]!;
}

/** What happened to one environment in a batch step. */
export interface StepOutcome {
  /** The episode ended by failure. */
  terminated: boolean;
  /** The episode reached the 500-step cap. */
  truncated: boolean;
  /** Steps of the episode so far, this one included: its return once it has ended. */
  length: number;
}

/**
 * `count` CartPoles stepped together. Each episode's start state comes from the batch's own seeded
 * stream, in order of resets, so two batches with the same seed and the same actions see the same
 * episodes. An environment whose episode ends starts its next one at once (auto-reset); `returns`
 * receives each finished episode's return.
 */
export class CartPoleBatch {
  readonly count: number;
  /** `count × 4` states, row-major. */
  readonly state: Float64Array;
  /** Steps taken in each environment's current episode. */
  readonly steps: Uint16Array;
  /** Environment steps taken in total. */
  totalSteps = 0;
  private readonly rand: () => number;

  constructor(count: number, seed: number) {
    this.count = count;
    this.state = new Float64Array(count * STATE_SIZE);
    this.steps = new Uint16Array(count);
    this.rand = mulberry32(seed);
    for (let i = 0; i < count; i++) this.reset(i);
  }

  /** A fresh start state for environment `i`: each variable uniform in ±0.05. */
  reset(i: number): void {
    for (let k = 0; k < STATE_SIZE; k++) this.state[i * STATE_SIZE + k] = (this.rand() * 2 - 1) * START_RANGE;
    this.steps[i] = 0;
  }

  /** Policy features of every environment's state, `count × 4`. */
  features<A extends Float32Array>(out: A): A {
    for (let i = 0; i < this.count; i++) features(this.state, out, i * STATE_SIZE, i * STATE_SIZE);
    return out;
  }

  /**
   * Steps environment `i` with `action`. Returns how the episode ended (both false while it goes
   * on); an ended episode is replaced by a fresh one before this returns.
   */
  stepOne(i: number, action: number): StepOutcome {
    const o = i * STATE_SIZE;
    dynamics(this.state, action, this.state, o);
    this.steps[i] += 1;
    this.totalSteps += 1;
    const terminated = failed(this.state, o);
    const truncated = !terminated && this.steps[i]! >= MAX_STEPS;
    const length = this.steps[i]!;
    if (terminated || truncated) this.reset(i);
    return { terminated, truncated, length };
  }
}
