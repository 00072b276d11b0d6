/**
 * The CartPole lab's objectives against hand-computed values (the policy-distillation KL, the
 * REINFORCE loss, whitening, returns-to-go), and its run: flat memory across updates in both
 * state modes, the acting copy of the weights equal to the tfjs model after `sync`, dispose.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCartpoleTeacherFromDisk } from '../../models/cartpole/load-node';
import { policyOfModel } from '../../models/cartpole/teacher-policy';
import { logits, type PolicyWeights } from '../../src/labs/cartpole/shared/policy';
import { defaultCartpoleExperiment, type StateSource } from '../../src/labs/cartpole/shared/schema';
import { returnsToGo } from '../../src/labs/cartpole/worker/actor';
import { paddedRows, policyDistillationLoss, reinforceLoss, whiten } from '../../src/labs/cartpole/worker/objectives';
import { CartpoleRun } from '../../src/labs/cartpole/worker/run';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const read = (t: tf.Tensor) => t.dataSync()[0]!;

describe('policy distillation: T² · KL(teacher at T ‖ student at T)', () => {
  it('by hand for two states at T = 1 and T = 2', () => {
    // Logit pairs; p = softmax(z / T). KL = Σ p_t (log p_t − log p_s), batch mean, times T².
    const teacher = [
      [0, 2],
      [1, -1],
    ];
    const student = [
      [0, 0],
      [0, 1],
    ];
    const soft = (z: number[], T: number) => {
      const e = z.map((v) => Math.exp(v / T));
      const s = e[0]! + e[1]!;
      return e.map((v) => v / s);
    };
    const kl = (T: number) =>
      (teacher
        .map((zt, i) => {
          const pt = soft(zt, T);
          const ps = soft(student[i]!, T);
          return pt.reduce((sum, p, a) => sum + p * Math.log(p / ps[a]!), 0);
        })
        .reduce((a, b) => a + b, 0) /
        2) *
      T *
      T;
    for (const T of [1, 2]) {
      const loss = tf.tidy(() => read(policyDistillationLoss(tf.tensor2d(student), tf.tensor2d(teacher), T)));
      expect(loss).toBeCloseTo(kl(T), 5);
    }
    // A student that copies the teacher has zero KL.
    expect(tf.tidy(() => read(policyDistillationLoss(tf.tensor2d(teacher), tf.tensor2d(teacher), 3)))).toBeCloseTo(0, 6);
    // Only logit differences matter: a shifted copy has zero KL too.
    const shifted = teacher.map((z) => z.map((v) => v + 5));
    expect(tf.tidy(() => read(policyDistillationLoss(tf.tensor2d(shifted), tf.tensor2d(teacher), 1)))).toBeCloseTo(0, 5);
  });

  it('its gradient pulls the student’s logit gap towards the teacher’s', () => {
    const z = tf.variable(tf.tensor2d([[0, 0]]));
    const teacher = tf.tensor2d([[0, 3]]);
    const { grads } = tf.variableGrads(() => policyDistillationLoss(z as unknown as tf.Tensor2D, teacher, 2), [z]);
    const g = grads[z.name]!.dataSync();
    // Raising the right logit lowers the loss: a negative gradient there, positive on the left.
    expect(g[1]).toBeLessThan(0);
    expect(g[0]).toBeGreaterThan(0);
    tf.dispose([z, teacher, ...Object.values(grads)]);
  });
});

describe('REINFORCE with a baseline', () => {
  it('−mean A · log π(a|s) over the unmasked rows, by hand', () => {
    const z = [
      [0, 0],
      [Math.log(3), 0],
      [9, 9],
    ];
    const actions = [
      [0, 1],
      [1, 0],
      [1, 0],
    ];
    const adv = [1, -2, 100];
    const mask = [1, 1, 0];
    // log π: log 0.5, log 0.75; the third row is padding.
    const expected = -(1 * Math.log(0.5) + -2 * Math.log(0.75)) / 2;
    const loss = tf.tidy(() => read(reinforceLoss(tf.tensor2d(z), tf.tensor2d(actions), tf.tensor1d(adv), tf.tensor1d(mask))));
    expect(loss).toBeCloseTo(expected, 6);
  });

  it('whitened returns-to-go: γ-discounted, then mean 0 and standard deviation 1', () => {
    expect(Array.from(returnsToGo(3, 0.5))).toEqual([1.75, 1.5, 1]);
    expect(Array.from(returnsToGo(2, 1))).toEqual([2, 1]);
    const w = whiten(new Float32Array([1, 2, 3]));
    expect(w[0]).toBeCloseTo(-Math.sqrt(1.5), 6);
    expect(w[1]).toBeCloseTo(0, 6);
    expect(w[2]).toBeCloseTo(Math.sqrt(1.5), 6);
    expect(Array.from(whiten(new Float32Array([4, 4])))).toEqual([0, 0]);
    expect([paddedRows(1), paddedRows(64), paddedRows(65), paddedRows(1000)]).toEqual([64, 64, 128, 1024]);
  });
});

describe('the CartPole run', () => {
  let teacher: tf.LayersModel;
  let teacherPolicy: PolicyWeights;
  beforeAll(async () => {
    ({ model: teacher } = await loadCartpoleTeacherFromDisk());
    teacherPolicy = await policyOfModel(teacher);
  });
  afterAll(() => teacher.dispose());

  function run(states: StateSource): CartpoleRun {
    const e = defaultCartpoleExperiment();
    e.student.hidden = [8];
    e.knobs.batchSize = 128;
    e.knobs.states = states;
    return new CartpoleRun(e, teacher, teacherPolicy);
  }

  it.each(['student', 'teacher'] as const)('states from the %s: numTensors flat across updates; dispose frees the run', async (states) => {
    const before = tf.memory().numTensors;
    const r = run(states);
    r.trainStep();
    await r.sync();
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) r.trainStep();
    await r.studentReadouts();
    expect(tf.memory().numTensors).toBe(warm);
    expect(r.examplesSeen).toBe(21 * 128);
    r.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('after sync the acting copy is the trained model: same logits as tfjs', async () => {
    const r = run('student');
    for (let i = 0; i < 5; i++) r.trainStep();
    await r.sync();
    const readouts = await r.studentReadouts();
    const x = new Float32Array([0.1, -0.2, 0.3, 0.4]);
    for (const role of ['distilled', 'rewardOnly'] as const) {
      const model = (r as unknown as Record<string, { model: tf.LayersModel }>)[role]!.model;
      const fromTf = tf.tidy(() => (model.predict(tf.tensor2d(x, [1, 4])) as tf.Tensor).dataSync());
      const out = new Float32Array(2);
      logits(readouts[role].policy, x, 0, out);
      expect(out[0]).toBeCloseTo(fromTf[0]!, 5);
      expect(out[1]).toBeCloseTo(fromTf[1]!, 5);
    }
    r.dispose();
  });

  it('both students start from the same weights, and learning from the teacher lowers the KL on the student’s states', async () => {
    const r = run('student');
    const first = await r.studentReadouts();
    expect(Array.from(first.distilled.policy.layers[0]!.kernel)).toEqual(Array.from(first.rewardOnly.policy.layers[0]!.kernel));
    r.trainStep();
    const early = (await r.studentReadouts()).distilled.klToTeacher;
    for (let i = 0; i < 40; i++) {
      r.trainStep();
      await r.sync();
    }
    const later = await r.studentReadouts();
    expect(later.distilled.klToTeacher).toBeLessThan(early / 2);
    expect(later.distilled.episodes).toBeGreaterThan(0);
    r.dispose();
  });

  it('on the teacher’s states, switched live: the distilled student still closes in on the teacher', async () => {
    const r = run('student');
    r.trainStep();
    const early = (await r.studentReadouts()).distilled.klToTeacher;
    r.configure({ states: 'teacher' });
    for (let i = 0; i < 40; i++) {
      r.trainStep();
      await r.sync();
    }
    const later = await r.studentReadouts();
    expect(r.currentKnobs.states).toBe('teacher');
    expect(later.distilled.klToTeacher).toBeLessThan(early / 2);
    // It still plays (and is measured on) its own episodes.
    expect(later.distilled.episodes).toBeGreaterThan(0);
    r.dispose();
  });
});
