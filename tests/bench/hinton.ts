/**
 * Headless reproduction of Hinton, Vinyals & Dean (2015) on MNIST with the playground's own code
 * (MnistRun, tfjs wasm backend in Node): every preset runs for its fixed step budget over several
 * seeds, with a labels-only, a KD and a hints student side by side on identical batches, and the
 * test errors (of 10,000) are printed beside the paper's.
 *
 *   npm run bench:hinton                                  # all presets, seeds 1–3, 2 processes
 *   npm run bench:hinton -- --presets=small-transfer --seeds=1,2,3,4,5
 *   npm run bench:hinton -- --scale=0.25                  # quarter step budgets (a quick look)
 *   npm run bench:hinton -- --presets=small-student --T=1,3,8,20   # temperature sweep (KD students)
 *
 * Check: on the small-transfer-set preset the KD student must beat the labels-only student in
 * every seed (PASS/FAIL, exit code 1 on FAIL). Everything else is reported, not judged.
 *
 * Jobs (one preset × seed each) run in `--jobs` child processes: the wasm backend is
 * single-threaded in Node, so two processes use two cores. The default budgets take ~11–13 min on
 * 2 cores. Overrides for investigations: --alpha= --lr= --batch= --hintMode=sum|two-stage
 * --hintWeight= --hintSteps= --hintLayer=1|2 --T=a,b,c --scale= --jobs=.
 *
 * Measured with the 94-error teacher (seeds 1–3, means): hinton 410 / 224 / 234 errors (labels /
 * KD / hints; paper 146 / 74); small-student 652 / 515 / 512; small-transfer 962 / 519 / 502
 * (PASS); no-threes 1343 / 566 / 561, KD 375 errors on 3s → 72 with +3.5 on the 3 logit.
 * Findings: two-stage hints kill 10–15 of a 30-unit guided layer's ReLUs at lr 0.003 (that preset
 * uses the weighted sum); α 0.5 / 0.9 / 0.99 give 525 / 508 / 509 on small-transfer (students are
 * still far from the teacher's 94, so its errors do not bind yet); small student, T = 1, 2, 3, 4,
 * 8, 20: 598, 577, 525, 508, 509, 505 (2 seeds, 1,200 steps).
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadTestSet, loadTrainSubset } from '../../models/mnist/load-node';
import { loadMnistTeacherFromDisk } from '../../models/mnist/load-teacher-node';
import {
  OBJECTIVES,
  PRESETS,
  presetById,
  type ClassMetrics,
  type HintLayer,
  type HintMode,
  type MnistExperiment,
  type MnistKnobs,
  type MnistPreset,
  type PresetId,
} from '../../src/labs/mnist/shared/schema';
import { MnistRun } from '../../src/labs/mnist/worker/run';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));

interface Job {
  preset: PresetId;
  seed: number;
  /** Temperature override (the --T sweep); undefined: the preset's own. */
  T?: number;
}

/** Overrides for investigations (`--alpha=0.5 --lr=0.003 --hintLayer=2 …`), applied to every preset. */
function overrides(): { knobs: Partial<MnistKnobs>; hintLayer?: HintLayer } {
  const knobs: Partial<MnistKnobs> = {};
  if (args.alpha) knobs.alpha = Number(args.alpha);
  if (args.lr) knobs.learningRate = Number(args.lr);
  if (args.batch) knobs.batchSize = Number(args.batch);
  if (args.hintSteps) knobs.hintSteps = Number(args.hintSteps);
  if (args.hintWeight) knobs.hintWeight = Number(args.hintWeight);
  if (args.hintMode) knobs.hintMode = args.hintMode as HintMode;
  return { knobs, ...(args.hintLayer ? { hintLayer: Number(args.hintLayer) as HintLayer } : {}) };
}

/** The preset as this bench runs it: overrides applied, two-stage hint steps scaled with the budget. */
function experimentOf(p: MnistPreset, job: Job): MnistExperiment {
  const o = overrides();
  const knobs = { ...p.experiment.knobs, ...o.knobs, ...(job.T ? { temperature: job.T } : {}) };
  if (!o.knobs.hintSteps) knobs.hintSteps = Math.round(knobs.hintSteps * scale);
  return { ...p.experiment, seed: job.seed, hintLayer: o.hintLayer ?? p.experiment.hintLayer, knobs };
}

interface Result extends Job {
  steps: number;
  seconds: number;
  backend: string;
  transferCount: number;
  teacher: ClassMetrics;
  /** Per student, in the preset's order: labels, kd, hints. */
  students: ClassMetrics[];
  /** With the bias correction on (only for presets that leave digits out). */
  corrected: ClassMetrics[] | null;
}

const scale = Number(args.scale ?? 1);

function stepsOf(p: MnistPreset): number {
  return Math.max(1, Math.round(p.steps * scale));
}

async function runJob(job: Job): Promise<Result> {
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  const [train, test, { model: teacher }] = await Promise.all([loadTrainSubset(), loadTestSet(), loadMnistTeacherFromDisk()]);
  const preset = presetById(job.preset)!;
  const experiment = experimentOf(preset, job);
  const steps = stepsOf(preset);
  const t0 = performance.now();
  const run = new MnistRun(experiment, teacher, { train, test });
  while (run.step < steps) {
    run.trainStep();
    if (run.step % 50 === 0) await run.sync();
  }
  await run.sync();
  const plain = await run.evaluate();
  let corrected: ClassMetrics[] | null = null;
  if (experiment.transfer.excludeDigits.length || experiment.transfer.onlyDigits) {
    run.configure({ biasCorrection: true });
    corrected = (await run.evaluate()).students;
  }
  const result: Result = {
    ...job,
    steps,
    seconds: (performance.now() - t0) / 1000,
    backend: tf.getBackend(),
    transferCount: run.transferIndices.length,
    teacher: plain.teacher,
    students: plain.students,
    corrected,
  };
  run.dispose();
  teacher.dispose();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Child process: run one job, send the result to the parent.

if (args.job) {
  const result = await runJob(JSON.parse(args.job) as Job);
  // Typed arrays do not survive JSON: send the confusion matrices as plain arrays.
  process.send!(JSON.parse(JSON.stringify(result, (_k, v: unknown) => (v instanceof Int32Array ? Array.from(v) : v))));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent: plan, run in parallel, print.

const presetIds = (args.presets ?? PRESETS.map((p) => p.id).join(',')).split(',') as PresetId[];
for (const id of presetIds) if (!presetById(id)) throw new Error(`unknown preset ${id}; one of ${PRESETS.map((p) => p.id).join(', ')}`);
const seeds = (args.seeds ?? '1,2,3').split(',').map(Number);
const temperatures = args.T ? args.T.split(',').map(Number) : [undefined];
const jobsAtOnce = Math.max(1, Number(args.jobs ?? Math.min(2, availableParallelism())));
const jobs: Job[] = [];
for (const preset of presetIds) for (const T of temperatures) for (const seed of seeds) jobs.push({ preset, seed, ...(T ? { T } : {}) });
// Longest first, so the two processes finish together.
const cost = (j: Job) => {
  const p = presetById(j.preset)!;
  const width = p.experiment.students.reduce((s, st) => s + st.hidden.reduce((a, u, i) => a + u * (i ? st.hidden[i - 1]! : 784), 0), 0);
  return stepsOf(p) * (width + 2_400_000 / 3) * p.experiment.knobs.batchSize;
};
jobs.sort((a, b) => cost(b) - cost(a));

console.log(`Hinton 2015 on MNIST: ${jobs.length} runs (${presetIds.join(', ')}; seeds ${seeds.join(', ')}${args.T ? `; T ${args.T}` : ''}), ${jobsAtOnce} at a time, tfjs wasm`);
for (const id of presetIds) {
  const p = presetById(id)!;
  const e = experimentOf(p, { preset: id, seed: 1 });
  const k = e.knobs;
  console.log(`  ${id}: ${stepsOf(p)} steps × batch ${k.batchSize}, ${e.students.map((s) => `${s.hidden.join('×')} ${s.objective}`).join(' | ')}; T ${args.T ?? k.temperature}, α ${k.alpha}, ${k.optimizer} lr ${k.learningRate}, hints: ${k.hintMode} ${k.hintMode === 'two-stage' ? `(${k.hintSteps} hint-only steps first)` : `weight ${k.hintWeight}`} onto teacher hidden${e.hintLayer}`);
}

const started = performance.now();
const results: Result[] = [];
await new Promise<void>((resolve, reject) => {
  let next = 0;
  let running = 0;
  const launch = () => {
    if (next >= jobs.length) {
      if (running === 0) resolve();
      return;
    }
    const job = jobs[next++]!;
    running++;
    const child = fork(process.argv[1]!, [`--job=${JSON.stringify(job)}`, ...process.argv.slice(2).filter((a) => !a.startsWith('--job='))], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      const r = m as Result;
      results.push(r);
      console.log(`  done ${r.preset}${r.T ? ` T=${r.T}` : ''} seed ${r.seed}: ${r.students.map((s) => s.errors).join(' / ')} errors (${r.seconds.toFixed(0)} s)`);
    });
    child.on('exit', (code) => {
      running--;
      if (code !== 0) reject(new Error(`job ${JSON.stringify(job)} exited with ${code}`));
      else launch();
    });
  };
  for (let i = 0; i < jobsAtOnce; i++) launch();
});

const pad = (s: string | number, n: number) => String(s).padStart(n);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
let failed = false;

for (const id of presetIds) {
  const p = presetById(id)!;
  for (const T of temperatures) {
    const rs = results.filter((r) => r.preset === id && r.T === T).sort((a, b) => a.seed - b.seed);
    if (!rs.length) continue;
    const k = experimentOf(p, rs[0]!).knobs;
    console.log(`\n${p.title}${T ? ` — T = ${T}` : ''}`);
    console.log(`  paper: ${p.paper}`);
    console.log(`  ours:  ${rs[0]!.steps} steps × ${k.batchSize} on ${rs[0]!.transferCount.toLocaleString('en-US')} transfer images; teacher ${rs[0]!.teacher.errors} test errors; mean ${mean(rs.map((r) => r.seconds)).toFixed(0)} s per run`);
    console.log(`  ${'student'.padEnd(22)} ${seeds.map((s) => pad(`seed ${s}`, 8)).join('')} ${pad('mean', 8)}`);
    p.experiment.students.forEach((s, i) => {
      const errs = rs.map((r) => r.students[i]!.errors);
      console.log(`  ${`${s.hidden.join('×')} ${s.objective}`.padEnd(22)} ${errs.map((e) => pad(e, 8)).join('')} ${pad(mean(errs).toFixed(0), 8)}`);
    });
    if (rs[0]!.corrected) {
      const digits = p.experiment.transfer.excludeDigits;
      console.log(`  left out of the transfer set: ${digits.join(', ')} — errors on those digits / all errors, without → with the bias correction (+${k.biasShift}):`);
      p.experiment.students.forEach((s, i) => {
        const cells = rs.map((r) => {
          const on = (m: ClassMetrics) => digits.reduce((a, d) => a + m.perClassErrors[d]!, 0);
          return `${on(r.students[i]!)}/${r.students[i]!.errors} → ${on(r.corrected![i]!)}/${r.corrected![i]!.errors}`;
        });
        console.log(`  ${`${s.hidden.join('×')} ${s.objective}`.padEnd(22)} ${cells.join('   ')}`);
      });
      const total = digits.reduce((a, d) => a + rs[0]!.teacher.perClassCount[d]!, 0);
      console.log(`  (${total.toLocaleString('en-US')} test images of those digits; teacher: ${digits.reduce((a, d) => a + rs[0]!.teacher.perClassErrors[d]!, 0)} errors on them)`);
    }
    if (id === 'small-transfer') {
      const li = p.experiment.students.findIndex((s) => s.objective === 'labels');
      const ki = p.experiment.students.findIndex((s) => s.objective === 'kd');
      const wins = rs.filter((r) => r.students[ki]!.errors < r.students[li]!.errors).length;
      const pass = wins === rs.length;
      failed ||= !pass;
      console.log(`  check: KD beats labels-only in every seed: ${pass ? 'PASS' : 'FAIL'} (${wins} of ${rs.length})`);
    }
  }
}
console.log(`\n${OBJECTIVES.join(', ')} students; test errors of 10,000. Total ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
if (failed) process.exitCode = 1;
