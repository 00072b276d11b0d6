import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from '../../workers/trainer';
import { nodeLabs } from './node-labs';
import type { MnistExperiment } from '../../src/labs/mnist/shared/schema';
import type { TrainerError, TrainerListener } from '../../workers/trainer-api';
import { mnistShared } from '../../src/labs/mnist/shared/lab';
import type { MnistInit, MnistSnapshot } from '../../src/labs/mnist/shared/readouts';
import { EVAL_CHUNK } from '../../src/labs/mnist/worker/evaluation-pass';

/** The lab's quick experiment: two 32-unit students (labels; KD at top-3) on 500 transfer images without 3s. */
const config = (): MnistExperiment => mnistShared.quick!();

describe('trainer API, MNIST lab (wasm backend)', () => {
  const snapshots: MnistSnapshot[] = [];
  const errors: TrainerError[] = [];
  const listener: TrainerListener = {
    snapshot: (s) => snapshots.push(s as MnistSnapshot),
    error: (e) => errors.push(e),
    backend: () => undefined,
    pulse: () => undefined,
    progress: () => undefined,
  };
  const trainer = createTrainer({ lab: nodeLabs() });
  let init: MnistInit;
  /** While paused, a partial test-set pass completes in the background: wait for the whole one. */
  const whole = async (): Promise<MnistSnapshot> => {
    const done = () => snapshots.at(-1)!.mnist.evaluation;
    for (let i = 0; i < 600 && done().done < done().total; i++) await new Promise((r) => setTimeout(r, 20));
    expect(done().done).toBe(10_000);
    return snapshots.at(-1)!;
  };

  beforeAll(async () => {
    // The 2×1200 teacher's forward passes make the plain JS backend too slow here: use WebAssembly.
    const r = await trainer.init('mnist', config(), 'wasm', listener);
    if (!r.ok || r.value.lab !== 'mnist') throw new Error(r.ok ? 'wrong lab' : r.error.message);
    init = r.value as MnistInit;
  });
  afterAll(async () => {
    await trainer.dispose();
  });

  it('describes the run: teacher, students, transfer set, a first evaluation', () => {
    expect(init.teacher.parameters).toBe(784 * 1200 + 1200 + 1200 * 1200 + 1200 + 1200 * 10 + 10);
    expect(init.students.map((s) => s.id)).toEqual(['A', 'B']);
    expect(init.students[0]!.parameters).toBe(784 * 32 + 32 + 32 * 10 + 10);
    expect(init.transfer).toEqual({ size: 500, digitsLeftOut: [3] });
    const m = init.snapshot.mnist;
    expect(m.teacher.total).toBe(10_000);
    expect(m.teacher.errors).toBe(init.teacher.testErrors);
    expect(m.teacher.perClass.totals).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    // Same seed and shape: both students start from the same weights, so the same errors.
    expect(m.students[0]!.test.errors).toBe(m.students[1]!.test.errors);
    expect(m.digits.count).toBe(10);
    expect(Array.from(m.digits.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('after a step, the first snapshot comes with a partial evaluation; the following ones complete the pass', async () => {
    const n = snapshots.length;
    const started = performance.now();
    const r = await trainer.step(1);
    expect(r.ok).toBe(true);
    // The step's own snapshot measured one chunk of the test set, not all 10,000 images.
    expect(performance.now() - started).toBeLessThan(2000);
    const first = snapshots[n]!;
    expect(first.step).toBe(1);
    expect(first.mnist.evaluation).toEqual({ done: EVAL_CHUNK, total: 10_000, fromStep: 1 });
    for (const st of first.mnist.students) {
      expect(st.test.total).toBe(EVAL_CHUNK);
      expect(st.test.perClass.totals.reduce((a, b) => a + b, 0)).toBe(EVAL_CHUNK);
    }
    // The teacher is frozen: measured once, on all of them, at init.
    expect(first.mnist.teacher.total).toBe(10_000);
    // The training loss is there from the first step.
    for (const l of first.losses) expect(Number.isFinite(l.total) && l.total > 0).toBe(true);
    const last = await whole();
    // Chunks after the first are sized by what one cost (about 50 ms each): they grow, never shrink
    // below half a chunk, and the pass ends exactly on the whole set.
    const passes = snapshots.slice(n).map((s) => s.mnist.evaluation.done);
    expect(passes[0]).toBe(EVAL_CHUNK);
    expect(passes.at(-1)).toBe(10_000);
    for (let i = 1; i < passes.length; i++) expect(passes[i]! - passes[i - 1]!).toBeGreaterThanOrEqual(Math.min(EVAL_CHUNK / 2, 10_000 - passes[i - 1]!));
    expect(last.step).toBe(1);
    for (const st of last.mnist.students) expect(st.test.total).toBe(10_000);
  });

  it('trains: steps move, the students beat chance, the left-out 3s are mostly wrong', async () => {
    const r = await trainer.step(149);
    expect(r.ok).toBe(true);
    const s = await whole();
    expect(s.step).toBe(150);
    expect(s.examplesSeen).toBe(150 * 32);
    // 4,800 draws have covered the 500 transfer images: the teacher ran once on each, never again.
    const teacherPerImage = 2 * (784 * 1200 + 1200 * 1200 + 1200 * 10);
    expect(s.flops.total).toBe(150 * s.flops.perStep + 500 * teacherPerImage);
    for (const st of s.mnist.students) {
      expect(st.test.errors).toBeLessThan(3000);
      // Never a 3 in the transfer set: without the bias correction, 3s are rarely called 3.
      expect(st.test.perClass.errors[3]!).toBeGreaterThan(500);
    }
  });

  it('the bias correction (+3.5 on the 3 logit) changes the errors without a reset', async () => {
    const before = await whole();
    await trainer.configure({ biasCorrection: true });
    const after = await whole();
    expect(after.step).toBe(before.step);
    expect(after.mnist.biasCorrection).toBe(true);
    const threes = (s: MnistSnapshot) => s.mnist.students.map((x) => x.test.perClass.errors[3]!);
    const [labelsBefore, kdBefore] = threes(before);
    const [labelsAfter, kdAfter] = threes(after);
    // Dark knowledge: the KD student learned about 3s from the teacher's soft outputs on other
    // digits, so raising its 3 logit recovers many of them; the labels-only student has nothing to
    // recover (its 3 logit was never pushed up by anything).
    expect(kdAfter!).toBeLessThan(kdBefore! - 100);
    expect(kdBefore! - kdAfter!).toBeGreaterThan(labelsBefore! - labelsAfter!);
    await trainer.configure({ biasCorrection: false });
    await whole();
  });

  it('the digits input shows a drawn digit, and refuses a wrong size', async () => {
    const blank = new Float32Array(784);
    for (let r = 6; r < 22; r++) blank[r * 28 + 14] = 1; // a vertical stroke: a "1"
    const ok = await trainer.input('digits', { images: blank, labels: new Uint8Array([255]) });
    expect(ok.ok).toBe(true);
    const d = snapshots.at(-1)!.mnist.digits;
    expect(d.count).toBe(1);
    expect(d.labels[0]).toBe(255);
    expect(d.teacherAt1.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(d.students).toHaveLength(2);
    const bad = await trainer.input('digits', { images: new Float32Array(100), labels: new Uint8Array([1]) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('bad-config');
  });

  it('rejects bad knobs for this lab with a readable message', async () => {
    const n = errors.length;
    await trainer.configure({ batchSize: 33 });
    expect(errors.length).toBe(n + 1);
    expect(errors.at(-1)!.message).toMatch(/Batch size/);
    expect(errors.at(-1)!.problems?.[0]).toMatchObject({ code: 'not-one-of', param: 'batch' });
  });

  it('tf.memory().numTensors is flat across 50 steps of the API', async () => {
    await trainer.step(1);
    const { numTensors: before } = await trainer.memory();
    for (let i = 0; i < 5; i++) await trainer.step(10);
    const { numTensors: after } = await trainer.memory();
    expect(after).toBe(before);
  });

  it('switches lab on reset: back to the 2-D lab and to MNIST again', async () => {
    const toy = await trainer.reset((await import('../../src/labs/toy2d/shared/schema')).experimentOf((await import('../../src/labs/toy2d/shared/schema')).defaultState()), 'toy2d');
    expect(toy.ok && toy.value.lab).toBe('toy2d');
    const again = await trainer.reset(config(), 'mnist');
    expect(again.ok && again.value.lab).toBe('mnist');
    expect(tf.getBackend()).toBe('wasm');
  });
});
