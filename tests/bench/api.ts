/**
 * Headless comparison of the names lab's access levels (issue #10): one student per access level,
 * all of the same shape, each allowed the same number of teacher queries (names scored or
 * generated), trained for the same number of steps on several seeds, with the lab's own run
 * (NamesRun, tfjs wasm backend in Node). Prints validation NLL (nats per character) beside the
 * teacher's and the bigram baseline's, the simulated bill, and nats gained over the bigram per
 * simulated dollar.
 *
 *   npm run bench:api                                   # seeds 1–3, 1,024 queries, 600 steps of 16 names
 *   npm run bench:api -- --seeds=1,2,3,4,5 --budget=500 --steps=800 --k=5 --T=1 --price=0.6
 *
 * Check: the full-distribution student must beat the data-only one in every seed (PASS/FAIL, exit
 * code 1 on FAIL). The order of the others is reported, not judged.
 */
import { loadNamesCorpusFromDisk, loadNamesTeacherFromDisk } from '../../models/names/load-node';
import { selectNodeBackend } from '../../models/node-backend';
import { namesData } from '../../src/labs/names/shared/data';
import { billFor } from '../../src/labs/names/shared/meter';
import { defaultNamesExperiment, namesStudent, type MissingMass, type NamesStudentSpec } from '../../src/labs/names/shared/schema';
import { NamesRun } from '../../src/labs/names/worker/run';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SEEDS = (args.seeds ?? '1,2,3').split(',').map(Number);
const BUDGET = Number(args.budget ?? 1024);
const STEPS = Number(args.steps ?? 600);
const K = Number(args.k ?? 5);
const PRICE = Number(args.price ?? defaultNamesExperiment().knobs.price);

interface Arm {
  name: string;
  spec: NamesStudentSpec;
  missing: MissingMass;
}

/** Renormalised top-k needs its own run (the missing-mass treatment is a run knob). */
const ARMS: Arm[] = [
  { name: 'full distribution', spec: namesStudent('full'), missing: 'spread' },
  { name: `top-${K}, missing mass spread`, spec: namesStudent('topk', K), missing: 'spread' },
  { name: `top-${K}, renormalised`, spec: namesStudent('topk', K), missing: 'renormalise' },
  { name: 'sampled text only', spec: namesStudent('text'), missing: 'spread' },
  { name: 'data only', spec: namesStudent('data'), missing: 'spread' },
];

interface Result {
  nll: number;
  kl: number;
  queries: number;
  tokens: number;
  bill: number;
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  const backend = await selectNodeBackend();
  const { model, card } = await loadNamesTeacherFromDisk();
  const data = namesData(await loadNamesCorpusFromDisk());
  const base = defaultNamesExperiment();
  console.log(
    `bench:api on ${backend}: ${SEEDS.length} seeds, ${BUDGET} teacher queries per student, ${STEPS} steps of ${base.knobs.batchSize} names, students ${base.shape.embed}-wide embedding + ${base.shape.hidden} tanh, T = ${args.T ?? base.knobs.temperature}, τ = ${base.knobs.samplingTemperature}, $${PRICE}/M tokens`,
  );
  const results = new Map<string, Result[]>();
  const started = Date.now();
  for (const seed of SEEDS) {
    for (const missing of ['spread', 'renormalise'] as const) {
      const arms = ARMS.filter((a) => (missing === 'renormalise' ? a.missing === 'renormalise' : a.missing === 'spread'));
      const e = { ...base, seed, students: arms.map((a) => ({ ...a.spec })), knobs: { ...base.knobs, missingMass: missing, price: PRICE, temperature: Number(args.T ?? base.knobs.temperature) } };
      // Every arm in one run: the scoring students see the very same batches of the same names.
      const run = new NamesRun(e, model, data, { queryBudget: BUDGET });
      for (let s = 0; s < STEPS; s++) {
        run.trainStep();
        if (s % 50 === 49) await run.sync();
      }
      await run.evaluate();
      const readouts = await run.studentReadouts();
      arms.forEach((arm, i) => {
        const r = readouts[i]!;
        const list = results.get(arm.name) ?? [];
        list.push({ nll: r.validation.nll, kl: r.validation.kl, queries: r.meter.queries, tokens: r.meter.tokens, bill: billFor(r.meter.tokens, PRICE) });
        results.set(arm.name, list);
      });
      run.dispose();
    }
    console.log(`seed ${seed} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const bigram = data.bigramValidationNll;
  console.log(`\nvalidation NLL, nats per character (teacher ${fmt(card.teacher.validation.nll)}, bigram ${fmt(bigram)}); per seed ${SEEDS.join(' / ')}`);
  console.log(['access', 'NLL mean', 'per seed', 'KL to teacher', 'queries', 'tokens', 'bill', 'nats gained over bigram per $'].join(' | '));
  const rows = ARMS.map((arm) => {
    const rs = results.get(arm.name)!;
    const nll = mean(rs.map((r) => r.nll));
    const bill = mean(rs.map((r) => r.bill));
    const perDollar = bill > 0 ? (bigram - nll) / bill : NaN;
    console.log(
      [arm.name, fmt(nll), rs.map((r) => fmt(r.nll)).join(' / '), fmt(mean(rs.map((r) => r.kl))), fmt(mean(rs.map((r) => r.queries)), 0), fmt(mean(rs.map((r) => r.tokens)), 0), `$${bill.toPrecision(3)}`, bill > 0 ? fmt(perDollar, 0) : 'free'].join(' | '),
    );
    return { arm, nll };
  });
  console.log(`order (best first): ${[...rows].sort((a, b) => a.nll - b.nll).map((r) => r.arm.name).join(' < ')}`);
  const full = results.get(ARMS[0]!.name)!;
  const dataOnly = results.get(ARMS[4]!.name)!;
  const wins = full.map((r, i) => r.nll < dataOnly[i]!.nll);
  const pass = wins.every(Boolean);
  console.log(`check: full distribution beats data only in every seed: ${pass ? 'PASS' : 'FAIL'} (${wins.map((_, i) => `seed ${SEEDS[i]}: ${fmt(full[i]!.nll)} vs ${fmt(dataOnly[i]!.nll)}`).join(', ')})`);
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!pass) process.exit(1);
}

await main();
