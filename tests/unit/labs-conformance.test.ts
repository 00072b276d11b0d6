/**
 * The lab conformance suite (Shoelace runs shared base tests on each form control; we run shared
 * tests on every registry entry): each lab in `LAB_LIST` gets, for free,
 * - its faces by convention: `worker/node.ts`, `worker/browser.ts`, `client/index.ts` exist; its id
 *   is its folder name and registry key; a title, a unit, a table;
 * - links: defaults, `quick()` and every start (`preset=…`) round-trip; each setting changed alone
 *   round-trips; garbled query strings never throw;
 * - malformed values: junk in every URL key is a readable problem (a known code, English without
 *   "undefined") and the default;
 * - validation: values outside each setting's range or options are refused; reset-vs-live follows
 *   the table;
 * - the engine: init, step, FLOPs, transfers as the worker does them, flat memory, refused inputs,
 *   knobs and experiments, reset, dispose back to the tensors before init.
 * The suites live in ./conformance/; a lab only needs `table` and (for speed) `quick` on its
 * shared face.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB, LAB_IDS, LAB_LIST, labById } from '../../src/labs';
import type { BackendChoice } from '../../src/state/common';
import { createTrainer } from '../../workers/trainer';
import { engineSuite } from './conformance/engine';
import { sharedFaceSuite } from './conformance/shared-face';
import { ALL_CODES_LISTED, ALL_UNITS_LISTED, PROBLEM_CODES, codesInProblemsFile } from './conformance/values';
import { nodeLabs } from './node-labs';

/** The engine's backend per lab: WebAssembly where the teacher is too big for the plain JS backend. */
const ENGINE_BACKEND: Readonly<Record<string, BackendChoice>> = { mnist: 'wasm' };

describe('the registry', () => {
  it('has labs, with unique ids and orders, in picker order', () => {
    expect(LAB_LIST.length).toBeGreaterThan(0);
    expect(new Set(LAB_IDS).size).toBe(LAB_IDS.length);
    const orders = LAB_LIST.map((l) => l.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(DEFAULT_LAB).toBe(LAB_LIST[0]!.id);
    for (const lab of LAB_LIST) expect(labById(lab.id)).toBe(lab);
    expect(labById('no-such-lab')).toBeUndefined();
  });

  it('the suite knows every problem code and progress unit', () => {
    expect(ALL_CODES_LISTED).toBe(true);
    expect(ALL_UNITS_LISTED).toBe(true);
    expect([...new Set(codesInProblemsFile())].sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('the engine refuses a lab that is not there with bad-config', async () => {
    const trainer = createTrainer({ lab: nodeLabs() });
    const r = await trainer.init('no-such-lab', {}, 'cpu', { snapshot() {}, error() {}, backend() {}, pulse() {}, progress() {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-config');
  });
});

for (const lab of LAB_LIST) {
  sharedFaceSuite(lab);
  engineSuite(lab, ENGINE_BACKEND[lab.id] ?? 'cpu');
}
