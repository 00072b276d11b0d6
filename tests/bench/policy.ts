/**
 * Headless comparison for the CartPole lab (issue #11 point 5), with the lab's own run
 * (CartpoleRun, tfjs wasm backend in Node): for several seeds, the environment steps each student
 * needs to reach CartPole-v1's threshold (a mean return of 475 over its last 100 episodes), and
 * its return after a fixed budget of environment steps: the mean of 20 fresh seeded episodes its
 * policy of that moment plays (sampling, as it acts in training), at 10,000 steps and at the end.
 *
 *   npm run bench:policy                  # seeds 1–5, up to 150,000 steps per student, returns at 10,000
 *   npm run bench:policy -- --seeds=1,2,3 --budget=300000 --at=50000 --states=teacher --T=2 --lr=0.01 --hidden=16
 *
 * Check: the distilled student reaches 475 in fewer environment steps than the reward-only student
 * in every seed (one that never reaches it within the budget counts as "more than the budget").
 * PASS/FAIL, exit code 1 on FAIL. Each update is followed by `sync()`, so acting always uses the
 * weights of the update before (as the page does whenever it is not stepping in bursts).
 */
import * as tf from '@tensorflow/tfjs';
import { selectNodeBackend } from '../../models/node-backend';
import { loadCartpoleTeacherFromDisk } from '../../models/cartpole/load-node';
import { policyOfModel } from '../../models/cartpole/teacher-policy';
import { SOLVED_RETURN } from '../../src/labs/cartpole/shared/env';
import { evaluatePolicy } from '../../src/labs/cartpole/shared/evaluate';
import type { StudentReadout } from '../../src/labs/cartpole/shared/readouts';
import { defaultCartpoleExperiment, STATE_SOURCES, type CartpoleExperiment, type StateSource } from '../../src/labs/cartpole/shared/schema';
import { CartpoleRun } from '../../src/labs/cartpole/worker/run';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const seeds = (args.seeds ?? '1,2,3,4,5').split(',').map(Number);
const budget = Number(args.budget ?? 150_000);
/** The fixed budget at which each student's mean return is also reported. */
const asked = Number(args.at ?? 10_000);
/** Fresh seeded episodes each checkpoint's policy plays (sampling its actions, as it trains), and their seeds. */
const EVALUATION_EPISODES = 20;
const EVALUATION_SEED = 77_000_000;

/** The mean return of a student's policy as it is now, over fresh seeded episodes (not its training ones). */
function evaluated(s: StudentReadout): number {
  return evaluatePolicy(s.policy, EVALUATION_SEED, EVALUATION_EPISODES, 'sample').meanReturn;
}

function experiment(seed: number): CartpoleExperiment {
  const e = defaultCartpoleExperiment();
  e.seed = seed;
  if (args.hidden) e.student.hidden = args.hidden.split(',').map(Number);
  if (args.T) e.knobs.temperature = Number(args.T);
  if (args.lr) e.knobs.learningRate = Number(args.lr);
  if (args.batch) e.knobs.batchSize = Number(args.batch);
  if (args.states) {
    if (!(STATE_SOURCES as readonly string[]).includes(args.states)) throw new Error(`--states must be one of ${STATE_SOURCES.join(', ')}`);
    e.knobs.states = args.states as StateSource;
  }
  return e;
}

interface Row {
  seed: number;
  distilledSolvedAt: number | null;
  rewardSolvedAt: number | null;
  distilledAt: number;
  rewardAt: number;
  distilledFinal: number;
  rewardFinal: number;
  seconds: number;
}

const fmt = (n: number | null) => (n === null ? `> ${budget.toLocaleString('en-US')}` : n.toLocaleString('en-US'));

await selectNodeBackend();
const { model } = await loadCartpoleTeacherFromDisk();
const teacherPolicy = await policyOfModel(model);
const shown = experiment(seeds[0]!);
console.log(
  `CartPole-v1 policy distillation vs REINFORCE, ${tf.getBackend()} backend; student 4 → ${shown.student.hidden.join(' → ')} → 2 ${shown.student.activation}, ` +
    `T = ${shown.knobs.temperature}, lr ${shown.knobs.learningRate} (${shown.knobs.optimizer}), ${shown.knobs.batchSize} environment steps per update, ` +
    `distilled on ${shown.knobs.states === 'student' ? 'its own states (on-policy)' : "the teacher's states"}; budget ${budget.toLocaleString('en-US')} environment steps per student`,
);
// The first update boundary at or past the asked-for budget.
const checkpoint = Math.ceil(asked / shown.knobs.batchSize) * shown.knobs.batchSize;
const rows: Row[] = [];
for (const seed of seeds) {
  const started = performance.now();
  const run = new CartpoleRun(experiment(seed), model, teacherPolicy);
  let early = await run.studentReadouts();
  while (run.examplesSeen < budget) {
    run.trainStep();
    await run.sync();
    if (run.examplesSeen === checkpoint) early = await run.studentReadouts();
  }
  const final = await run.studentReadouts();
  run.dispose();
  const row: Row = {
    seed,
    distilledSolvedAt: final.distilled.solvedAt,
    rewardSolvedAt: final.rewardOnly.solvedAt,
    distilledAt: evaluated(early.distilled),
    rewardAt: evaluated(early.rewardOnly),
    distilledFinal: evaluated(final.distilled),
    rewardFinal: evaluated(final.rewardOnly),
    seconds: (performance.now() - started) / 1000,
  };
  rows.push(row);
  console.log(`seed ${seed}: distilled ${fmt(row.distilledSolvedAt)}, reward only ${fmt(row.rewardSolvedAt)} (${row.seconds.toFixed(1)} s)`);
}

const faster = (r: Row) => r.distilledSolvedAt !== null && (r.rewardSolvedAt === null || r.distilledSolvedAt < r.rewardSolvedAt);
const at = checkpoint.toLocaleString('en-US');
const all = budget.toLocaleString('en-US');
console.log(
  `\nEnvironment steps to a mean return of ${SOLVED_RETURN} over the last 100 training episodes, and the mean return of ${EVALUATION_EPISODES} fresh seeded episodes played by the policy after ${at} and after ${all} steps:\n`,
);
console.log(`| seed | distilled: steps to ${SOLVED_RETURN} | reward only: steps to ${SOLVED_RETURN} | distilled at ${at} | reward only at ${at} | distilled at ${all} | reward only at ${all} |`);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.seed} | ${fmt(r.distilledSolvedAt)} | ${fmt(r.rewardSolvedAt)} | ${r.distilledAt.toFixed(1)} | ${r.rewardAt.toFixed(1)} | ${r.distilledFinal.toFixed(1)} | ${r.rewardFinal.toFixed(1)} |`);
}
const pass = rows.every(faster);
console.log(`\ntarget: the distilled student reaches ${SOLVED_RETURN} in fewer environment steps than the reward-only one in every seed — ${pass ? 'PASS' : 'FAIL'} (${rows.filter(faster).length}/${rows.length} seeds)`);
model.dispose();
process.exit(pass ? 0 : 1);
