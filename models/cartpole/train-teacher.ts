/**
 * Trains the CartPole teacher with the cross-entropy method (./cem.ts) and writes it in the tfjs
 * layers format with its model card; or evaluates the committed teacher:
 *
 *   npm run train:teachers -- cartpole              # train, evaluate, write models/cartpole/teacher/
 *   npm run train:teachers -- cartpole --dry        # train and evaluate, write nothing
 *   npm run train:teachers -- cartpole --evaluate   # the committed teacher's 100 seeded episodes
 *
 * The evaluation reloads the saved files through tfjs, reads the weights once, and plays 100
 * episodes from seeds no training used (`EVALUATION_SEED`), the teacher sampling its own action
 * distribution as the students see it (and, for comparison, taking its more probable action). It
 * fails (exit 1) unless at least 95 reach the 500-step cap. Deterministic: seeded throughout.
 */
import * as tf from '@tensorflow/tfjs';
import { evaluatePolicy } from '../../src/labs/cartpole/shared/evaluate';
import { layerShapes, logits, parameterCount, type PolicyWeights } from '../../src/labs/cartpole/shared/policy';
import { ACTIONS, STATE_SIZE } from '../../src/labs/cartpole/shared/env';
import { saveLayersModelToDir } from '../layers-format';
import { buildMlp } from '../mlp';
import { selectNodeBackend } from '../node-backend';
import { crossEntropyMethod } from './cem';
import { loadCartpoleTeacherFromDisk, TEACHER_FOLDER } from './load-node';
import { policyOfModel, setModelWeights } from './teacher-policy';
import {
  CARTPOLE_TEACHER_ACTIVATION,
  CARTPOLE_TEACHER_ARCHITECTURE,
  CARTPOLE_TEACHER_HIDDEN,
  EVALUATION_EPISODES,
  EVALUATION_PASS,
  EVALUATION_SEED,
  type CartpoleModelCard,
  type EvaluationCard,
} from './teacher';

const SEED = 7;
const POPULATION = 50;
const ELITE = 10;
const EPISODES_PER_CANDIDATE = 4;

function evaluation(policy: PolicyWeights, mode: 'sample' | 'greedy'): EvaluationCard {
  const e = evaluatePolicy(policy, EVALUATION_SEED, EVALUATION_EPISODES, mode);
  return { seedBase: EVALUATION_SEED, episodes: e.episodes, reachedCap: e.reachedCap, meanReturn: e.meanReturn, minReturn: e.minReturn };
}

function report(label: string, e: EvaluationCard): string {
  return `${label}: ${e.reachedCap}/${e.episodes} episodes reached the 500-step cap (mean return ${e.meanReturn.toFixed(1)}, lowest ${e.minReturn})`;
}

/** The committed teacher, reloaded through tfjs: its evaluation, and whether it passes. */
async function evaluateCommitted(): Promise<boolean> {
  const { model, card } = await loadCartpoleTeacherFromDisk();
  const policy = await policyOfModel(model);
  // The plain forward pass must be the model's own: compare on a few states.
  const probe = new Float32Array([0, 0, 0, 0, 0.5, -0.3, 0.4, 1, -0.9, 0.7, -0.8, -1.2]);
  const fromTf = (await tf.tidy(() => model.predict(tf.tensor2d(probe, [3, STATE_SIZE])) as tf.Tensor).data()) as Float32Array;
  const out = new Float32Array(ACTIONS);
  for (let r = 0; r < 3; r++) {
    logits(policy, probe, r * STATE_SIZE, out);
    for (let a = 0; a < ACTIONS; a++) {
      if (Math.abs(out[a]! - fromTf[r * ACTIONS + a]!) > 1e-4) throw new Error(`plain forward pass differs from tfjs at row ${r}: ${out[a]} vs ${fromTf[r * ACTIONS + a]}`);
    }
  }
  model.dispose();
  const sampled = evaluation(policy, 'sample');
  const greedy = evaluation(policy, 'greedy');
  console.log(`CartPole teacher (${card.architecture}, ${card.parameters} parameters), trained in ${card.training.environmentSteps.toLocaleString('en-US')} environment steps`);
  console.log(report('sampling its policy', sampled));
  console.log(report('greedy', greedy));
  const same = sampled.reachedCap === card.evaluationSampled.reachedCap && sampled.meanReturn === card.evaluationSampled.meanReturn;
  console.log(same ? 'matches the model card' : 'WARNING: differs from the model card');
  const passed = sampled.reachedCap >= EVALUATION_PASS;
  console.log(passed ? `PASS (at least ${EVALUATION_PASS} of ${EVALUATION_EPISODES})` : `FAIL (fewer than ${EVALUATION_PASS} of ${EVALUATION_EPISODES})`);
  return passed && same;
}

async function train(dry: boolean): Promise<void> {
  const backend = await selectNodeBackend();
  const shapes = layerShapes(STATE_SIZE, CARTPOLE_TEACHER_HIDDEN, ACTIONS);
  const started = performance.now();
  const result = crossEntropyMethod({
    shapes,
    activation: CARTPOLE_TEACHER_ACTIVATION,
    seed: SEED,
    population: POPULATION,
    elite: ELITE,
    episodesPerCandidate: EPISODES_PER_CANDIDATE,
    maxIterations: 200,
    // Done once the mean weights hold the pole for 500 steps in 20 fresh greedy episodes and
    // sampling in 20 more (the students see the sampled behaviour).
    done(policy, it) {
      const greedy = evaluatePolicy(policy, 9_000_000 + it * 101, 20, 'greedy');
      if (greedy.reachedCap < 20) return { passed: false, steps: greedy.steps };
      const sampled = evaluatePolicy(policy, 9_500_000 + it * 101, 20, 'sample');
      return { passed: sampled.reachedCap === 20, steps: greedy.steps + sampled.steps };
    },
    log: (line) => console.log(line),
  });
  const seconds = (performance.now() - started) / 1000;
  const model = buildMlp({ inputs: STATE_SIZE, hidden: CARTPOLE_TEACHER_HIDDEN, outputs: ACTIONS, activation: CARTPOLE_TEACHER_ACTIVATION, seed: SEED, name: 'cartpole_teacher' });
  setModelWeights(model, result.weights);
  const policy = await policyOfModel(model);
  const sampled = evaluation(policy, 'sample');
  const greedy = evaluation(policy, 'greedy');
  console.log(report('sampling its policy', sampled));
  console.log(report('greedy', greedy));
  if (sampled.reachedCap < EVALUATION_PASS) throw new Error(`the teacher reached the cap in only ${sampled.reachedCap} of ${EVALUATION_EPISODES} episodes`);
  const card: CartpoleModelCard = {
    name: 'cartpole-teacher',
    lab: 'cartpole',
    architecture: CARTPOLE_TEACHER_ARCHITECTURE,
    hidden: [...CARTPOLE_TEACHER_HIDDEN],
    activation: CARTPOLE_TEACHER_ACTIVATION,
    parameters: parameterCount(policy),
    inputs: 'x / 2.4, ẋ / 2, θ / (12°), θ̇ / 2 (src/labs/cartpole/shared/env.ts, features)',
    outputs: 'logits of push left (0) and push right (1)',
    training: {
      method: `cross-entropy method: diagonal Gaussian over the weights, population ${POPULATION}, best ${ELITE} refit, fading extra noise 0.1 → 0; fitness the mean greedy return of ${EPISODES_PER_CANDIDATE} seeded episodes`,
      seed: SEED,
      population: POPULATION,
      elite: ELITE,
      episodesPerCandidate: EPISODES_PER_CANDIDATE,
      iterations: result.iterations,
      environmentSteps: result.environmentSteps,
      seconds: Math.round(seconds * 10) / 10,
    },
    evaluationSampled: sampled,
    evaluationGreedy: greedy,
    backend,
    tfjsVersion: tf.version.tfjs,
    command: 'npm run train:teachers -- cartpole',
    createdAt: new Date().toISOString(),
  };
  console.log(`trained in ${result.iterations} iterations, ${result.environmentSteps.toLocaleString('en-US')} environment steps, ${seconds.toFixed(1)} s`);
  if (!dry) {
    await saveLayersModelToDir(model, TEACHER_FOLDER, {
      card,
      verify: async (reloaded) => {
        const again = evaluation(await policyOfModel(reloaded), 'sample');
        if (again.reachedCap !== sampled.reachedCap) throw new Error('the reloaded teacher evaluates differently');
      },
    });
    console.log(`wrote ${TEACHER_FOLDER.pathname}`);
  }
  model.dispose();
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry' && a !== '--evaluate');
if (unknown.length) {
  console.error(`unknown argument ${unknown.join(' ')}; expected --dry or --evaluate`);
  process.exit(2);
}
if (args.includes('--evaluate')) {
  await selectNodeBackend();
  process.exit((await evaluateCommitted()) ? 0 : 1);
} else {
  await train(args.includes('--dry'));
}
