/**
 * The page's replay (src/labs/cartpole/client/replay.ts) and the lab's curves point: pure, in Node.
 * The replayed episode must be the environment's own, the teacher's choice its greedy action, and
 * the committed teacher must hold the pole for the whole episode.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { loadCartpoleTeacherFromDisk } from '../../models/cartpole/load-node';
import { policyOfModel } from '../../models/cartpole/teacher-policy';
import { cartpolePoint } from '../../src/labs/cartpole/client/curves';
import { Replay } from '../../src/labs/cartpole/client/replay';
import { MAX_STEPS } from '../../src/labs/cartpole/shared/env';
import { policyFromFlat, type PolicyWeights } from '../../src/labs/cartpole/shared/policy';

let teacher: PolicyWeights;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const { model } = await loadCartpoleTeacherFromDisk();
  teacher = await policyOfModel(model);
  model.dispose();
});

/** A policy that always pushes right (bias only), whatever the state. */
const alwaysRight = policyFromFlat(new Float32Array([0, 0, 0, 0, 0, 0, 0, -5, 5]), [[4, 1], [1, 2]], 'tanh');

describe('the replay', () => {
  it('the teacher replayed as the student: agrees with itself most of the time and holds the pole 500 steps', () => {
    const r = new Replay(teacher, teacher, 11);
    let f = r.frame;
    expect(f.step).toBe(0);
    while (!f.ended) f = r.advance();
    expect(f.step).toBe(MAX_STEPS);
    expect(f.ended).toEqual({ failed: false });
    expect(f.agreed / f.step).toBeGreaterThan(0.8);
    // An ended episode stays; restart gives the next seed.
    expect(r.advance()).toBe(f);
    const next = r.restart();
    expect(next.step).toBe(0);
    expect(next.seed).not.toBe(f.seed);
  });

  it('a student that always pushes right fails within 60 steps, with the pole shown past its limit or the cart off the track', () => {
    const r = new Replay(alwaysRight, teacher, 3, 2);
    let f = r.frame;
    expect(f.studentAction).toBe(1);
    expect(f.studentRight).toBeGreaterThan(0.99);
    // At T = 2 the same logits are softer.
    expect(f.studentRightAtT).toBeLessThan(f.studentRight);
    while (!f.ended) {
      expect(f.studentAction).toBe(1);
      f = r.advance();
    }
    expect(f.ended).toEqual({ failed: true });
    expect(f.step).toBeLessThan(60);
    expect(Math.abs(f.state[2]) > (12 * Math.PI) / 180 || Math.abs(f.state[0]) > 2.4).toBe(true);
  });

  it('the same seed replays the same episode', () => {
    const a = new Replay(teacher, teacher, 5);
    const b = new Replay(teacher, teacher, 5);
    for (let i = 0; i < 30; i++) expect(a.advance()).toEqual(b.advance());
  });
});

describe('the curves point', () => {
  it('x is environment steps; NaN returns are gaps; the KL is a gap before the first update', () => {
    const s = {
      examplesSeen: 0,
      step: 0,
      distilled: { meanReturn: NaN, lastReturn: NaN, klToTeacher: NaN },
      rewardOnly: { meanReturn: NaN, lastReturn: NaN, klToTeacher: 0.3 },
    };
    expect(cartpolePoint(s)).toEqual({
      x: 0,
      values: {
        mean: { distilled: null, rewardOnly: null },
        last: { distilled: null, rewardOnly: null },
        kl: { distilled: null, rewardOnly: null },
      },
    });
    const later = { ...s, examplesSeen: 1024, step: 2, distilled: { meanReturn: 40.5, lastReturn: 61, klToTeacher: 0.05 } };
    expect(cartpolePoint(later).values).toEqual({
      mean: { distilled: 40.5, rewardOnly: null },
      last: { distilled: 61, rewardOnly: null },
      kl: { distilled: 0.05, rewardOnly: 0.3 },
    });
    expect(cartpolePoint(later).x).toBe(1024);
    // The distilled student's training loss: a line from the first update, a gap before it.
    expect(cartpolePoint({ ...later, distilled: { ...later.distilled, loss: 0.2 } }).values.loss).toEqual({ distilled: 0.2 });
    expect(cartpolePoint({ ...s, distilled: { ...s.distilled, loss: NaN } }).values.loss).toEqual({ distilled: null });
  });
});
