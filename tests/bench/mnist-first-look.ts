/**
 * The MNIST lab's default experiment ("first look", issue #9), headless: its labels-only and KD
 * students' test errors (of 10,000) at several step counts over seeds, and the steps per second
 * this machine reaches, so the README's "what to expect" and the choice of default come from a
 * command anyone can rerun (Node, WebAssembly backend, the playground's own MnistRun).
 *
 *   npm run bench:first-look                               # default, seeds 1–3, steps 100, 200, 400
 *   npm run bench:first-look -- --seeds=1,2 --at=50,100,200,400,800 --T=8 --hidden=300 --n=300
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadTestSet, loadTrainSubset } from '../../models/mnist/load-node';
import { loadMnistTeacherFromDisk } from '../../models/mnist/load-teacher-node';
import { defaultMnistExperiment, student } from '../../src/labs/mnist/shared/schema';
import { MnistRun } from '../../src/labs/mnist/worker/run';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const list = (v: string) => v.split(',').map(Number);
const seeds = list(args.seeds ?? '1,2,3');
const at = list(args.at ?? '100,200,400').sort((a, b) => a - b);
const base = defaultMnistExperiment();
const hidden = args.hidden ? list(args.hidden) : base.students[0]!.hidden;
const experiment = {
  ...base,
  students: [student(hidden, 'labels'), student(hidden, 'kd')],
  transfer: { ...base.transfer, size: Number(args.n ?? base.transfer.size) },
  knobs: { ...base.knobs, temperature: Number(args.T ?? base.knobs.temperature), learningRate: Number(args.lr ?? base.knobs.learningRate) },
};

if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
const [train, test, { model: teacher }] = await Promise.all([loadTrainSubset(), loadTestSet(), loadMnistTeacherFromDisk()]);
const k = experiment.knobs;
console.log(
  `MNIST first look: students 784 → ${hidden.join(' → ')} → 10 (labels only, logit KD), ${experiment.transfer.size} transfer images, T ${k.temperature}, α ${k.alpha}, lr ${k.learningRate}, batch ${k.batchSize}, backend ${tf.getBackend()}`,
);
console.log('seed  step   labels-only errors   KD errors   KD fewer   steps/s (training only)');
const fewer: number[][] = at.map(() => []);
for (const seed of seeds) {
  const run = new MnistRun({ ...experiment, seed }, teacher, { train, test });
  let trainingMs = 0;
  for (const [i, target] of at.entries()) {
    const t0 = performance.now();
    while (run.step < target) {
      run.trainStep();
      if (run.step % 25 === 0) await run.sync();
    }
    await run.sync();
    trainingMs += performance.now() - t0;
    const ev = await run.evaluate();
    const [a, b] = [ev.students[0]!.errors, ev.students[1]!.errors];
    fewer[i]!.push(a - b);
    console.log(`${String(seed).padEnd(5)} ${String(target).padEnd(6)} ${String(a).padEnd(20)} ${String(b).padEnd(11)} ${String(a - b).padEnd(10)} ${((run.step * 1000) / trainingMs).toFixed(1)}`);
  }
  run.dispose();
}
for (const [i, target] of at.entries()) {
  const v = fewer[i]!;
  console.log(`step ${target}: KD makes ${Math.min(...v)}–${Math.max(...v)} fewer errors than labels only (mean ${(v.reduce((s, x) => s + x, 0) / v.length).toFixed(0)}); ahead in ${v.filter((x) => x > 0).length}/${v.length} seeds`);
}
teacher.dispose();
