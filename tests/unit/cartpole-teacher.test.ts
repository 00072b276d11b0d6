/**
 * The committed CartPole teacher: loads frozen, matches its card, frees its tensors, and its plain
 * copy (what acts) gives the model's own logits. Its full 100-episode evaluation is a script,
 * `npm run train:teachers -- cartpole --evaluate`; here only the card's own figures are checked.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCartpoleTeacherFromDisk } from '../../models/cartpole/load-node';
import { CARTPOLE_TEACHER_ARCHITECTURE, CARTPOLE_TEACHER_HIDDEN, EVALUATION_EPISODES, EVALUATION_PASS, EVALUATION_SEED } from '../../models/cartpole/teacher';
import { policyOfModel } from '../../models/cartpole/teacher-policy';
import { logits, parameterCount } from '../../src/labs/cartpole/shared/policy';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

describe('the CartPole teacher', () => {
  it('loads frozen from disk, matches its card, and frees every tensor on dispose', async () => {
    const before = tf.memory().numTensors;
    const { model, card } = await loadCartpoleTeacherFromDisk();
    expect(model.trainable).toBe(false);
    expect(model.inputs[0]!.shape).toEqual([null, 4]);
    expect(model.outputs[0]!.shape).toEqual([null, 2]);
    expect(card.lab).toBe('cartpole');
    expect(card.architecture).toBe(CARTPOLE_TEACHER_ARCHITECTURE);
    expect(card.hidden).toEqual([...CARTPOLE_TEACHER_HIDDEN]);
    expect(model.countParams()).toBe(card.parameters);
    // The card states the evaluation and what training cost.
    expect(card.evaluationSampled).toMatchObject({ seedBase: EVALUATION_SEED, episodes: EVALUATION_EPISODES });
    expect(card.evaluationSampled.reachedCap).toBeGreaterThanOrEqual(EVALUATION_PASS);
    expect(card.training.environmentSteps).toBeGreaterThan(0);

    const policy = await policyOfModel(model);
    expect(parameterCount(policy)).toBe(card.parameters);
    const states = [0, 0, 0, 0, 0.3, -0.5, 0.7, 1.1, -1, 0.2, -0.4, -0.9];
    const fromTf = tf.tidy(() => (model.predict(tf.tensor2d(states, [3, 4])) as tf.Tensor).dataSync());
    const out = new Float32Array(2);
    for (let r = 0; r < 3; r++) {
      logits(policy, states, r * 4, out);
      expect(out[0]).toBeCloseTo(fromTf[r * 2]!, 4);
      expect(out[1]).toBeCloseTo(fromTf[r * 2 + 1]!, 4);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
