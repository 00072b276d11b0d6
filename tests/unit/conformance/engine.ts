/**
 * Conformance of one lab under the lab-agnostic engine (workers/trainer.ts), driven in Node on
 * the cpu or wasm backend with the lab's `quick()` experiment: init, step, FLOP counts, the
 * snapshot's transfers (done as the worker does them), memory, reset, refused inputs and knobs,
 * and dispose. Registers vitest suites; ../labs-conformance.test.ts calls it per lab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knobName, type ParamEntry } from '../../../src/labs/params';
import type { BackendChoice } from '../../../src/state/common';
import { createTrainer } from '../../../workers/trainer';
import type { InitResult, Result, Snapshot, TrainerError, TrainerListener } from '../../../workers/trainer-api';
import { transferables } from '../../../workers/transferables';
import { nodeLabs } from '../node-labs';
import { buffersByHand, detachedArrays, expectReadable, outsideValues, quickOf, tableOf, withValue, type AnyLab } from './values';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * A listener that does what the worker's does (workers/trainer.worker.ts): each snapshot's
 * buffers, as `transferables` finds them, are transferred away. It keeps the page's copies, and
 * notes any typed array `transferables` missed and any snapshot that could not be transferred.
 */
function workerLikeListener() {
  const snapshots: Snapshot[] = [];
  const errors: TrainerError[] = [];
  const missed: string[] = [];
  const failedTransfers: string[] = [];
  const listener: TrainerListener = {
    snapshot(s) {
      const found = new Set(transferables(s));
      const byHand = buffersByHand(s);
      for (const b of byHand) if (b instanceof ArrayBuffer && !found.has(b)) missed.push(`step ${s.step}: a ${b.byteLength}-byte buffer`);
      for (const b of found) if (!byHand.has(b)) missed.push(`step ${s.step}: transferables found a buffer the walk did not`);
      const detached = detachedArrays(s);
      if (detached.length) failedTransfers.push(`step ${s.step}: already detached: ${detached.join(', ')}`);
      try {
        snapshots.push(structuredClone(s, { transfer: [...found] }));
      } catch (error) {
        failedTransfers.push(`step ${s.step}: ${String(error)}`);
      }
    },
    error: (e) => errors.push(e),
    backend: () => undefined,
    pulse: () => undefined,
    progress: () => undefined,
  };
  return { snapshots, errors, missed, failedTransfers, listener };
}

/** A live knob and a value it refuses (a number one step over its range when there is one). */
function badKnob(lab: AnyLab): { entry: ParamEntry; value: unknown } | undefined {
  const live = tableOf(lab).entries.filter((e) => e.live);
  const entry = live.find((e) => e.kind === 'number') ?? live[0];
  return entry ? { entry, value: outsideValues(entry)[entry.kind === 'number' ? 1 : 0] } : undefined;
}

function expectCommon(lab: AnyLab, s: Snapshot, step: number): void {
  expect(s.lab).toBe(lab.id);
  expect(s.step).toBe(step);
  expect(s.unit).toBe(lab.unit);
  expect(typeof s.running).toBe('boolean');
  expect(Number.isFinite(s.examplesSeen)).toBe(true);
  expect(Number.isFinite(s.examplesPerSecond)).toBe(true);
  expect(s.flops.perStep).toBeGreaterThan(0);
  expect(Number.isFinite(s.flops.perStep)).toBe(true);
  expect(Number.isFinite(s.flops.total)).toBe(true);
  expect(Number.isFinite(s.flops.perSecond)).toBe(true);
}

export function engineSuite(lab: AnyLab, backend: BackendChoice): void {
  describe(`${lab.id}: engine conformance (${backend} backend, quick experiment)`, () => {
    const rec = workerLikeListener();
    const trainer = createTrainer({ lab: nodeLabs() });
    /** Tensors alive after a first run was initialised, stepped and disposed (tfjs keeps a few of its own). */
    let baseline = 0;
    let init: InitResult;

    beforeAll(async () => {
      const warm = createTrainer({ lab: nodeLabs() });
      unwrap(await warm.init(lab.id, quickOf(lab), backend, workerLikeListener().listener));
      unwrap(await warm.step(2));
      await warm.dispose();
      baseline = (await trainer.memory()).numTensors;
      init = unwrap(await trainer.init(lab.id, quickOf(lab), backend, rec.listener));
    });
    afterAll(async () => {
      await trainer.dispose();
    });

    it('init describes the run: lab, backend, sizes and a first snapshot at step 0', () => {
      expect(init.lab).toBe(lab.id);
      expect(init.backend).toMatchObject({ name: backend, requested: backend });
      expect(init.sizes.teacherParameters).toBeGreaterThan(0);
      expect(init.sizes.studentParameters.length).toBeGreaterThan(0);
      for (const n of init.sizes.studentParameters) expect(n).toBeGreaterThan(0);
      expectCommon(lab, init.snapshot, 0);
      expect(init.snapshot.examplesSeen).toBe(0);
      expect(init.snapshot.running).toBe(false);
      expect(init.snapshot.flops.total).toBe(0);
      expect(rec.errors).toEqual([]);
    });

    it('transferables finds every typed array in the first snapshot and init result', () => {
      for (const value of [init.snapshot, init]) {
        const found = new Set(transferables(value));
        expect(found).toEqual(buffersByHand(value));
      }
    });

    it('an experiment that cannot run is refused with bad-config and its problems', async () => {
      const other = createTrainer({ lab: nodeLabs() });
      const entry = tableOf(lab).entries.find((e) => e.kind === 'number')!;
      const bad = withValue(lab, quickOf(lab), entry.key, outsideValues(entry)[1]);
      const r = await other.init(lab.id, bad, backend, workerLikeListener().listener);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('bad-config');
      expect(r.error.problems?.map((p) => p.param)).toContain(entry.url);
      for (const p of r.error.problems ?? []) expectReadable(p);
      await other.dispose();
    });

    it('step(3): step 3, FLOPs = the steps\' own (3 × per step, or less for a lab whose steps get cheaper), examples counted', async () => {
      expect(unwrap(await trainer.step(3))).toBe(3);
      const s = rec.snapshots.at(-1)!;
      expectCommon(lab, s, 3);
      expect(s.running).toBe(false);
      // A step may get cheaper as a run goes (MNIST computes each transfer image's teacher logits
      // once), never dearer: the total lies between 3 × the latest and 3 × the first step's FLOPs.
      expect(s.flops.perStep).toBeGreaterThan(0);
      expect(s.flops.perStep).toBeLessThanOrEqual(init.snapshot.flops.perStep);
      expect(s.flops.total).toBeLessThanOrEqual(3 * init.snapshot.flops.perStep + 0.5);
      expect(s.flops.total).toBeGreaterThanOrEqual(3 * s.flops.perStep - 0.5);
      expect(s.examplesSeen).toBeGreaterThan(0);
      expect(s.examplesSeen % 3).toBe(0);
    });

    it('tf.memory().numTensors is flat across 50 steps (after a warm-up step)', async () => {
      unwrap(await trainer.step(1));
      const before = (await trainer.memory()).numTensors;
      for (let i = 0; i < 5; i++) unwrap(await trainer.step(10));
      expect((await trainer.memory()).numTensors).toBe(before);
      expect(rec.snapshots.at(-1)!.step).toBe(54);
    });

    it('every snapshot was transferred as the worker does, and later ones were intact', () => {
      expect(rec.snapshots.length).toBeGreaterThanOrEqual(7);
      expect(rec.missed).toEqual([]);
      expect(rec.failedTransfers).toEqual([]);
      expect(rec.errors).toEqual([]);
    });

    it('input("no-such-input") is refused with bad-config', async () => {
      const n = rec.snapshots.length;
      const r = await trainer.input('no-such-input', 1);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('bad-config');
      expect(rec.snapshots.length).toBe(n);
    });

    const knob = badKnob(lab);
    it.runIf(Boolean(knob))(`configure refuses an out-of-range live knob with bad-config and problems`, async () => {
      const { entry, value } = knob!;
      const errors = rec.errors.length;
      const snaps = rec.snapshots.length;
      await trainer.configure({ [knobName(entry)]: value });
      expect(rec.errors.length).toBe(errors + 1);
      const e = rec.errors.at(-1)!;
      expect(e.code).toBe('bad-config');
      expect(e.problems?.length).toBeGreaterThan(0);
      expect(e.problems![0]).toMatchObject({ param: entry.url, key: entry.key });
      for (const p of e.problems!) expectReadable(p);
      expect(rec.snapshots.length).toBe(snaps);
      // The run goes on where it was.
      unwrap(await trainer.step(1));
      expect(rec.snapshots.at(-1)!.step).toBe(55);
    });

    it('a reset to an experiment that cannot run is refused and keeps the current run', async () => {
      const entry = tableOf(lab).entries.find((e) => e.kind === 'number')!;
      const step = rec.snapshots.at(-1)!.step;
      const r = await trainer.reset(withValue(lab, quickOf(lab), entry.key, outsideValues(entry)[0]));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('bad-config');
      expect(unwrap(await trainer.step(1))).toBe(step + 1);
    });

    it('reset(quick) starts again at step 0', async () => {
      const r = unwrap(await trainer.reset(quickOf(lab)));
      expect(r.lab).toBe(lab.id);
      expect(r.backend.name).toBe(backend);
      expectCommon(lab, r.snapshot, 0);
      expect(r.snapshot.examplesSeen).toBe(0);
      expect(r.snapshot.flops.total).toBe(0);
      expect(unwrap(await trainer.step(1))).toBe(1);
    });

    it('dispose() leaves numTensors where it was before init; the trainer then has no run', async () => {
      await trainer.dispose();
      expect((await trainer.memory()).numTensors).toBe(baseline);
      const r = await trainer.step(1);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('not-initialised');
      expect(rec.failedTransfers).toEqual([]);
      expect(rec.missed).toEqual([]);
    });
  });
}
