/**
 * The CartPole dynamics against hand-computed states, termination, truncation and seeding
 * (src/labs/cartpole/shared/env.ts), and the plain policy's forward pass.
 */
import { describe, expect, it } from 'vitest';
import { CartPoleBatch, dynamics, failed, MAX_STEPS, START_RANGE, THETA_LIMIT, X_LIMIT } from '../../src/labs/cartpole/shared/env';
import { greedyAction, logits, policyFromFlat, rightProbability } from '../../src/labs/cartpole/shared/policy';
import { ReturnTracker } from '../../src/labs/cartpole/shared/returns';

describe('CartPole dynamics (Gymnasium CartPole-v1, Euler)', () => {
  it('from rest, pushing right: the exact fractions of the first two steps', () => {
    // cos θ = 1, sin θ = 0: temp = 10 / 1.1 = 100/11; θ̈ = −temp / (0.5 (4/3 − 0.1/1.1)) = −600/41;
    // ẍ = temp − 0.05 θ̈ / 1.1 = 4400/451. Euler: positions move with the old velocities.
    const s = [0, 0, 0, 0];
    const out = new Float64Array(4);
    dynamics(s, 1, out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo((0.02 * 4400) / 451, 14);
    expect(out[2]).toBe(0);
    expect(out[3]).toBeCloseTo((0.02 * -600) / 41, 14);
    dynamics(out, 1, out);
    expect(out[0]).toBeCloseTo((0.02 * 0.02 * 4400) / 451, 14);
    expect(out[1]).toBeCloseTo((2 * 0.02 * 4400) / 451, 14);
    expect(out[2]).toBeCloseTo((0.02 * 0.02 * -600) / 41, 14);
    expect(out[3]).toBeCloseTo((2 * 0.02 * -600) / 41, 14);
  });

  it('pushing left from rest mirrors pushing right', () => {
    const right = new Float64Array(4);
    const left = new Float64Array(4);
    dynamics([0, 0, 0, 0], 1, right);
    dynamics([0, 0, 0, 0], 0, left);
    for (let k = 0; k < 4; k++) expect(left[k]).toBeCloseTo(-right[k]!, 15);
  });

  it('a tilted start, actions 1 0 0 1 1: the states Gymnasium’s formulas give (float64)', () => {
    const expected = [
      [0.009600000000000001, 0.17467919574755525, 0.030799999999999998, -0.2430687179600081],
      [0.013093583914951107, -0.020868848948191993, 0.025938625640799837, 0.0591679999394166],
      [0.012676206935987267, -0.21635292104612766, 0.02712198563958817, 0.3599205713784138],
      [0.008349148515064714, -0.021626799199488206, 0.03432039706715644, 0.0759116989474441],
      [0.00791661253107495, 0.17298676004769037, 0.035838631046105324, -0.20574851582677406],
    ];
    const s = new Float64Array([0.01, -0.02, 0.03, 0.04]);
    [1, 0, 0, 1, 1].forEach((a, t) => {
      dynamics(s, a, s);
      for (let k = 0; k < 4; k++) expect(s[k]).toBeCloseTo(expected[t]![k]!, 13);
    });
  });
});

describe('termination, truncation and seeding', () => {
  it('fails just past |x| = 2.4 or |θ| = 12°, not at them', () => {
    expect(THETA_LIMIT).toBeCloseTo((12 * Math.PI) / 180, 15);
    expect(failed([X_LIMIT, 0, 0, 0])).toBe(false);
    expect(failed([X_LIMIT + 1e-9, 0, 0, 0])).toBe(true);
    expect(failed([-X_LIMIT - 1e-9, 0, 0, 0])).toBe(true);
    expect(failed([0, 0, THETA_LIMIT, 0])).toBe(false);
    expect(failed([0, 0, THETA_LIMIT + 1e-9, 0])).toBe(true);
    expect(failed([0, 0, -THETA_LIMIT - 1e-9, 0])).toBe(true);
    // Velocities never end an episode.
    expect(failed([0, 100, 0, -100])).toBe(false);
  });

  it('pushing right forever: the pole falls left within a few dozen steps; the step that fails is counted, then the episode restarts', () => {
    const env = new CartPoleBatch(1, 3);
    let outcome = env.stepOne(0, 1);
    while (!outcome.terminated) outcome = env.stepOne(0, 1);
    expect(outcome.truncated).toBe(false);
    expect(outcome.length).toBeGreaterThan(5);
    expect(outcome.length).toBeLessThan(60);
    expect(env.totalSteps).toBe(outcome.length);
    // Auto-reset: a fresh start state, step counter back to 0.
    expect(env.steps[0]).toBe(0);
    for (let k = 0; k < 4; k++) expect(Math.abs(env.state[k]!)).toBeLessThanOrEqual(START_RANGE);
  });

  it('an episode that never fails is cut at 500 steps (truncated, not terminated)', () => {
    const env = new CartPoleBatch(1, 5);
    let outcome = { terminated: false, truncated: false, length: 0 };
    for (let t = 0; t < MAX_STEPS; t++) {
      // Hold the pole upright by force of will: put it back before each step.
      env.state.set([0, 0, 0, 0]);
      outcome = env.stepOne(0, t % 2);
      if (t < MAX_STEPS - 1) expect(outcome.truncated || outcome.terminated).toBe(false);
    }
    expect(outcome).toEqual({ terminated: false, truncated: true, length: MAX_STEPS });
  });

  it('start states are uniform in ±0.05 and the same seed gives the same episodes', () => {
    const a = new CartPoleBatch(64, 42);
    const b = new CartPoleBatch(64, 42);
    const c = new CartPoleBatch(64, 43);
    expect(Array.from(a.state)).toEqual(Array.from(b.state));
    expect(Array.from(a.state)).not.toEqual(Array.from(c.state));
    for (const v of a.state) expect(Math.abs(v)).toBeLessThanOrEqual(START_RANGE);
    const spread = Math.max(...a.state) - Math.min(...a.state);
    expect(spread).toBeGreaterThan(0.09);
  });
});

describe('the plain policy and the return tracker', () => {
  it('a one-layer policy by hand: logits, p(right), greedy action', () => {
    // 4 → 1 (tanh) → 2: hidden = tanh(x · k + b), logits = [h · w0 + c0, h · w1 + c1].
    const flat = new Float32Array([1, 0, 2, 0, 0.5, /* out kernel */ -1, 1, /* out bias */ 0, 0.25]);
    const p = policyFromFlat(flat, [[4, 1], [1, 2]], 'tanh');
    const out = new Float32Array(2);
    logits(p, [0.1, 9, 0.2, 9], 0, out);
    const h = Math.tanh(0.1 + 0.4 + 0.5);
    expect(out[0]).toBeCloseTo(-h, 6);
    expect(out[1]).toBeCloseTo(h + 0.25, 6);
    expect(rightProbability(out)).toBeCloseTo(1 / (1 + Math.exp(-(2 * h + 0.25))), 6);
    expect(rightProbability(out, 2)).toBeCloseTo(1 / (1 + Math.exp(-(2 * h + 0.25) / 2)), 6);
    expect(greedyAction(out)).toBe(1);
    expect(rightProbability([1000, -1000])).toBe(0);
  });

  it('the mean of the last 100 returns, and the step at which it first reaches 475', () => {
    const t = new ReturnTracker();
    expect(Number.isNaN(t.meanReturn)).toBe(true);
    for (let i = 0; i < 99; i++) t.add(500, (i + 1) * 500);
    // 99 episodes are not 100: not solved yet, however good.
    expect(t.solvedAt).toBeNull();
    t.add(500, 50_000);
    expect(t.solvedAt).toBe(50_000);
    t.add(0, 50_010);
    expect(t.meanReturn).toBeCloseTo(495, 10);
    expect(t.solvedAt).toBe(50_000);
  });
});
