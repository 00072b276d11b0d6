/**
 * Headless sweep of the 2-D lab: test accuracy of the distilled and the labels-only student,
 * trained side by side on identical batches, over temperatures, α and seeds. It prints what the
 * playground would show after the same number of steps, so claims about "what to expect" in the
 * README come from a command anyone can rerun:
 *
 *   npm run bench:sweep                         # moons, student 8 ReLU, 1,000 steps, seeds 1–3
 *   npm run bench:sweep -- --dataset=spiral --hidden=16,16 --steps=500 --act=tanh
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadTeacherFromDisk } from '../../models/toy2d/load-node';
import { DATASETS, defaultState, experimentOf, type ActivationName, type DatasetName } from '../../src/labs/toy2d/shared/schema';
import { Toy2dRun } from '../../src/labs/toy2d/worker/run';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const dataset = (args.dataset ?? 'moons') as DatasetName;
if (!DATASETS.includes(dataset)) throw new Error(`--dataset must be one of ${DATASETS.join(', ')}`);
const hidden = (args.hidden ?? '8').split(',').map(Number);
const activation = (args.act ?? 'relu') as ActivationName;
const steps = Number(args.steps ?? 1000);
const seeds = (args.seeds ?? '1,2,3').split(',').map(Number);
const settings: [number, number][] = [
  [1, 0.9],
  [2, 0.9],
  [4, 0.9],
  [8, 0.9],
  [4, 0.5],
  [4, 0],
];

if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
const { model: teacher } = await loadTeacherFromDisk(dataset);
console.log(`${dataset}, student 2 → ${hidden.join(' → ')} → K (${activation}), ${steps} steps, Adam 0.01, batch 32, backend ${tf.getBackend()}`);
console.log('T    α     distilled acc (per seed)        labels-only acc (per seed)      KL to teacher (distilled / labels-only, mean)');
for (const [temperature, alpha] of settings) {
  const distilled: number[] = [];
  const labels: number[] = [];
  const kl: [number, number][] = [];
  for (const seed of seeds) {
    const base = experimentOf(defaultState());
    const config = { ...base, dataset, seed, student: { hidden, activation }, knobs: { ...base.knobs, temperature, alpha } };
    const run = new Toy2dRun(config, teacher, new Float32Array([0, 0]));
    while (run.step < steps) run.trainStep();
    const m = await run.studentMetrics();
    distilled.push(m.student.accuracy);
    labels.push(m.labelsOnly!.accuracy);
    kl.push([m.student.klToTeacher, m.labelsOnly!.klToTeacher]);
    run.dispose();
  }
  const pct = (v: number[]) => v.map((x) => `${(x * 100).toFixed(1)}%`.padStart(6)).join(' ');
  const mean = (i: 0 | 1) => (kl.reduce((s, k) => s + k[i], 0) / kl.length).toFixed(3);
  console.log(`${String(temperature).padEnd(4)} ${alpha.toFixed(1).padEnd(5)} ${pct(distilled).padEnd(31)} ${pct(labels).padEnd(31)} ${mean(0)} / ${mean(1)}`);
}
teacher.dispose();
