/**
 * The names lab's run on the wasm backend (what Node scripts and the bench use; ~5× the cpu one): seeded sampling is deterministic, every access level
 * trains with flat memory (with and without a query budget), the meter counts what each student
 * asked, and the prefix gives distributions.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNamesCorpusFromDisk, loadNamesTeacherFromDisk } from '../../models/names/load-node';
import { MAX_POSITIONS, VOCAB } from '../../src/labs/names/shared/corpus';
import { namesData, type NamesData } from '../../src/labs/names/shared/data';
import { defaultNamesExperiment, namesStudent, type NamesExperiment } from '../../src/labs/names/shared/schema';
import { mulberry32 } from '../../src/shared/random';
import { generateNames, namesOf } from '../../src/labs/names/worker/generate';
import { NamesRun } from '../../src/labs/names/worker/run';
import face from '../../src/labs/names/worker/node';

let teacher: tf.LayersModel;
let data: NamesData;

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
  teacher = (await loadNamesTeacherFromDisk()).model;
  data = namesData(await loadNamesCorpusFromDisk());
});
afterAll(() => teacher.dispose());

function small(students = defaultNamesExperiment().students): NamesExperiment {
  const e = defaultNamesExperiment();
  return { ...e, students, shape: { embed: 4, hidden: 16 }, knobs: { ...e.knobs, batchSize: 8 } };
}

async function sample(seed: number, tau = 1): Promise<string[]> {
  const batch = generateNames(teacher, 20, tau, mulberry32(seed));
  const names = await namesOf(batch, 20);
  tf.dispose([batch.contexts, batch.targets, batch.weights]);
  return names;
}

describe('seeded sampling', () => {
  it('the same seed writes the same names; another seed others; no tensors left', async () => {
    const before = tf.memory().numTensors;
    const a = await sample(7);
    expect(await sample(7)).toEqual(a);
    expect(await sample(8)).not.toEqual(a);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.every((n) => /^[a-z]*$/.test(n))).toBe(true);
  });

  it('the teacher writes name-like text: most names at τ = 1 end before 16 letters, many are real names', async () => {
    const batch = generateNames(teacher, 200, 1, mulberry32(3));
    const names = await namesOf(batch, 200);
    const weights = await batch.weights.data();
    tf.dispose([batch.contexts, batch.targets, batch.weights]);
    // Weights mark each name's positions, its end mark included.
    const counted = Array.from(weights).reduce((a, b) => a + b, 0);
    expect(counted).toBe(names.reduce((s, n) => s + Math.min(n.length + 1, MAX_POSITIONS), 0));
    expect(names.filter((n) => n.length > 0 && n.length < 15).length).toBeGreaterThan(180);
    const known = names.filter((n) => data.trainNames.has(n) || data.heldOutNames.has(n)).length;
    expect(known).toBeGreaterThan(20);
  });

  it('a low sampling temperature writes more of the training names', async () => {
    const share = async (tau: number) => (await sample(11, tau)).filter((n) => data.trainNames.has(n)).length;
    expect(await share(0.3)).toBeGreaterThan(await share(1.5));
  });
});

describe('a run', () => {
  it.each(['full', 'topk', 'text', 'data'] as const)('%s: flat tensors across steps, with and without a query budget', async (access) => {
    for (const queryBudget of [undefined, 16]) {
      const start = tf.memory().numTensors;
      const run = new NamesRun(small([namesStudent(access, 3)]), teacher, data, { queryBudget });
      // With a budget of 16 names the text student buys two batches of 8, then reuses them.
      for (let i = 0; i < 3; i++) run.trainStep();
      // The first evaluation keeps the teacher's validation answers for the run.
      await run.evaluate();
      const steady = tf.memory().numTensors;
      for (let i = 0; i < 4; i++) run.trainStep();
      await run.evaluate();
      await run.studentReadouts();
      await run.prefixDistributions();
      expect(tf.memory().numTensors, `${access}, budget ${queryBudget}`).toBe(steady);
      run.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }
  });

  it('the meter: scoring students pay once per name, the text student per name written, data-only nothing', async () => {
    const run = new NamesRun(small([namesStudent('full'), namesStudent('text'), namesStudent('data')]), teacher, data, { queryBudget: 16 });
    for (let i = 0; i < 5; i++) run.trainStep();
    const [full, text, dataOnly] = await run.studentReadouts();
    // 5 steps of 8 names from a pool of 16: 16 distinct names scored.
    expect(full!.meter.queries).toBe(16);
    expect(full!.meter.tokens).toBeGreaterThan(16);
    expect(full!.meter.bill).toBeCloseTo((full!.meter.tokens * 0.6) / 1e6, 12);
    expect(text!.meter.queries).toBe(16);
    expect(text!.meter.tokens).toBeGreaterThanOrEqual(16);
    expect(dataOnly!.meter).toEqual({ queries: 0, tokens: 0, bill: 0 });
    run.dispose();
  });

  it('evaluation: validation NLL near ln 27 for fresh students, KL ≥ 0; the teacher’s matches its model card', async () => {
    const run = new NamesRun(small([namesStudent('data')]), teacher, data);
    await run.evaluate();
    const [s] = await run.studentReadouts();
    expect(s!.validation.nll).toBeGreaterThan(3.1);
    expect(s!.validation.nll).toBeLessThan(3.5);
    expect(s!.validation.perplexity).toBeCloseTo(Math.exp(s!.validation.nll), 6);
    expect(s!.validation.kl).toBeGreaterThan(0);
    const card = (await loadNamesTeacherFromDisk()).card;
    expect(run.teacherFigures().validation.nll).toBeCloseTo(card.teacher.validation.nll, 3);
    expect(data.bigramValidationNll).toBeCloseTo(card.bigram.validation.nll, 10);
    run.setPrefix('mar');
    const p = await run.prefixDistributions();
    expect(p.teacher.length).toBe(VOCAB);
    expect(p.students.length).toBe(VOCAB);
    expect(p.teacher.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    run.dispose();
  });

  it('the experiment’s query budget reaches the run through the worker face: the meter stops there', async () => {
    const loaded = await face.load(small(), { progress() {} });
    const run = face.createRun({ ...small([namesStudent('full'), namesStudent('text')]), budget: 256 }, loaded, null);
    // 40 steps of 8 names: 320 names, more than the budget.
    for (let i = 0; i < 40; i++) run.trainStep();
    const r = await run.readout(false);
    expect(r.students.map((s) => s.meter.queries)).toEqual([256, 256]);
    run.dispose();
    loaded.dispose();
  });
});
