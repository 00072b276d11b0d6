/**
 * Headless sweep of the 2-D lab: test accuracy and KL to the teacher of the distilled and the
 * labels-only student, trained side by side, over temperatures, α, labelled-set sizes and seeds,
 * read at several step counts. It prints what the playground would show after the same number of
 * steps, so claims about "what to expect" (and the lab's default) come from a command anyone can
 * rerun:
 *
 *   npm run bench:sweep                                   # moons, student 8 ReLU, every point labelled
 *   npm run bench:sweep -- --dataset=spiral --hidden=16,16 --steps=500 --act=tanh
 *   npm run bench:sweep -- --dataset=moons --labelled=10,30,600 --settings=4:0.9 --at=100,300,1000
 *
 * --settings: T:α pairs (default 1:0.9,2:0.9,4:0.9,8:0.9,4:0.5,4:0); --labelled: labelled-set
 * sizes (default 600, every point); --at: the steps to read at (default: --steps alone).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadTeacherFromDisk } from '../../models/toy2d/load-node';
import { DATASETS, LIMITS, defaultState, experimentOf, type ActivationName, type DatasetName } from '../../src/labs/toy2d/shared/schema';
import { Toy2dRun } from '../../src/labs/toy2d/worker/run';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const list = (v: string) => v.split(',').map(Number);
const dataset = (args.dataset ?? 'moons') as DatasetName;
if (!DATASETS.includes(dataset)) throw new Error(`--dataset must be one of ${DATASETS.join(', ')}`);
const hidden = list(args.hidden ?? '8');
const activation = (args.act ?? 'relu') as ActivationName;
const steps = Number(args.steps ?? 1000);
const at = list(args.at ?? String(steps)).sort((a, b) => a - b);
const seeds = list(args.seeds ?? '1,2,3');
const labelledSizes = list(args.labelled ?? String(LIMITS.labelled.max));
const settings: [number, number][] = (args.settings ?? '1:0.9,2:0.9,4:0.9,8:0.9,4:0.5,4:0').split(',').map((p) => p.split(':').map(Number) as [number, number]);

if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
const { model: teacher } = await loadTeacherFromDisk(dataset);
const teacherAccuracy = await (async () => {
  const run = new Toy2dRun({ ...experimentOf(defaultState()), dataset }, teacher, new Float32Array([0, 0]));
  const m = await run.teacherMetrics();
  run.dispose();
  return m.accuracy;
})();
console.log(
  `${dataset}, student 2 → ${hidden.join(' → ')} → K (${activation}), Adam 0.01, batch 32, seeds ${seeds.join(',')}, backend ${tf.getBackend()}; teacher ${(teacherAccuracy * 100).toFixed(1)} %`,
);
console.log('labelled  T    α     step   distilled acc (per seed)   labels-only acc (per seed)   gain (pts, mean)   KL distilled / labels-only (mean)');

const pct = (v: number[]) => v.map((x) => `${(x * 100).toFixed(1)}`.padStart(5)).join(' ');
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

for (const labelled of labelledSizes) {
  for (const [temperature, alpha] of settings) {
    // rows[checkpoint] = per-seed results
    const rows = at.map(() => ({ distilled: [] as number[], labels: [] as number[], kl: [] as number[], klLabels: [] as number[] }));
    for (const seed of seeds) {
      const base = experimentOf(defaultState());
      const config = { ...base, dataset, seed, labelled, labelsOnly: true, student: { hidden, activation }, knobs: { ...base.knobs, temperature, alpha } };
      const run = new Toy2dRun(config, teacher, new Float32Array([0, 0]));
      for (const [k, target] of at.entries()) {
        while (run.step < target) run.trainStep();
        const m = await run.studentMetrics();
        rows[k]!.distilled.push(m.student.accuracy);
        rows[k]!.labels.push(m.labelsOnly!.accuracy);
        rows[k]!.kl.push(m.student.klToTeacher);
        rows[k]!.klLabels.push(m.labelsOnly!.klToTeacher);
      }
      run.dispose();
    }
    for (const [k, target] of at.entries()) {
      const r = rows[k]!;
      const gain = (mean(r.distilled) - mean(r.labels)) * 100;
      console.log(
        `${String(labelled).padEnd(9)} ${String(temperature).padEnd(4)} ${alpha.toFixed(1).padEnd(5)} ${String(target).padEnd(6)} ${pct(r.distilled).padEnd(26)} ${pct(r.labels).padEnd(28)} ${(gain >= 0 ? '+' : '') + gain.toFixed(1)}`.padEnd(115) +
          `  ${mean(r.kl).toFixed(3)} / ${mean(r.klLabels).toFixed(3)}`,
      );
    }
  }
}
teacher.dispose();
