/**
 * Conformance of one lab's shared face: its faces exist by convention, links round-trip, junk in
 * any link key becomes a readable problem and the default, and validation and reset-vs-live
 * follow the table. Registers vitest suites; ../labs-conformance.test.ts calls it per lab.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as registry from '../../../src/labs/registry';
import { getPath, knobName, sameValue, urlKeys } from '../../../src/labs/params';
import type { Problem } from '../../../src/labs/problems';
import type { LabWorker } from '../../../src/labs/types';
import {
  JUNK,
  PROBLEM_CODES,
  PROGRESS_UNITS,
  changedValue,
  expectReadable,
  hasLabel,
  outsideValues,
  quickOf,
  starts,
  tableOf,
  urlNames,
  withValue,
  type AnyLab,
} from './values';

const labsDir = new URL('../../../src/labs/', import.meta.url);
const exists = (id: string, path: string) => existsSync(new URL(`${id}/${path}`, labsDir));

/** Settings whose English would show the URL key for want of a label (none now; a new gap fails). */
const UNLABELLED: Readonly<Record<string, readonly string[]>> = {};

/** Changes every number, string, boolean and array inside `x`, in place. */
function scribble(x: unknown): void {
  if (x === null || typeof x !== 'object') return;
  if (Array.isArray(x)) {
    const first: unknown = x[0];
    x.forEach(scribble);
    x.push(typeof first === 'object' ? structuredClone(first) : (first ?? 0));
    return;
  }
  const o = x as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number') o[k] = v + 1;
    else if (typeof v === 'string') o[k] = `${v}!`;
    else if (typeof v === 'boolean') o[k] = !v;
    else scribble(v);
  }
}

/**
 * Values for which `validate` throws instead of returning problems (none now: rules across entries
 * run only once every entry is valid on its own). A new one fails the suite.
 */
const VALIDATE_THROWS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {};

export function sharedFaceSuite(lab: AnyLab): void {
  describe(`${lab.id}: faces by convention`, () => {
    it.each(['shared/lab.ts', 'worker/index.ts', 'worker/node.ts', 'worker/browser.ts', 'client/index.ts'])('has %s', (path) => {
      expect(exists(lab.id, path)).toBe(true);
    });

    it('its id is its folder name and its registry key', () => {
      expect(exists(lab.id, '')).toBe(true);
      const keys = Object.entries(registry)
        .filter(([, face]) => face === lab)
        .map(([key]) => key);
      expect(keys).toEqual([lab.id]);
      expect(lab.id).toMatch(/^[a-z][a-z0-9-]*$/);
    });

    it('its Node worker face carries this very shared face', async () => {
      const face = ((await import(`../../../src/labs/${lab.id}/worker/node.ts`)) as { default: LabWorker }).default;
      expect(face.shared).toBe(lab);
    });

    it('has a title, a unit, a table and a valid quick experiment', () => {
      expect(typeof lab.title()).toBe('string');
      expect(lab.title().trim().length).toBeGreaterThan(0);
      expect(PROGRESS_UNITS as readonly string[]).toContain(lab.unit);
      expect(Number.isFinite(lab.order)).toBe(true);
      expect(lab.table, 'the conformance suite walks the table: set `table` on the shared face').toBeDefined();
      expect(lab.validate(quickOf(lab))).toEqual([]);
    });

    it('clone is deep and equal', () => {
      const d = lab.defaults();
      const c = lab.clone(d);
      expect(c).not.toBe(d);
      expect(sameValue(c, d)).toBe(true);
      expect(sameValue(lab.defaults(), d)).toBe(true);
      // Scribbling over every part of the copy, in place, leaves the original as it was.
      scribble(c);
      expect(sameValue(c, d)).toBe(false);
      expect(sameValue(d, lab.defaults())).toBe(true);
    });

    it('urlKeys are the table’s, unique, and cover every key a link writes', () => {
      const keys = lab.urlKeys();
      expect(keys).toEqual(urlKeys(tableOf(lab)));
      expect(new Set(keys).size).toBe(keys.length);
      for (const e of [lab.defaults(), quickOf(lab), ...starts(lab).map((s) => s.experiment)]) {
        for (const name of new URLSearchParams(lab.serialize(e)).keys()) expect(keys).toContain(name);
      }
    });
  });

  describe(`${lab.id}: links round-trip`, () => {
    const table = () => tableOf(lab);

    it('parse(serialize(defaults())) gives the defaults and no problems', () => {
      const d = lab.defaults();
      const { experiment, problems } = lab.parse(lab.serialize(d));
      expect(problems).toEqual([]);
      expect(experiment).toEqual(d);
      // An empty link and a `?`-prefixed one read the same.
      expect(lab.parse('')).toEqual({ experiment: d, problems: [] });
      expect(lab.parse(`?${lab.serialize(d)}`).experiment).toEqual(d);
    });

    it('an embedding page’s own keys are left alone', () => {
      const own = 'utm_source=x&theme=dark&lab=whatever&backend=cpu';
      expect(lab.parse(own)).toEqual({ experiment: lab.defaults(), problems: [] });
    });

    it('serialize(parse(serialize(x))) is stable for the defaults, the quick experiment and each start', () => {
      for (const x of [lab.defaults(), quickOf(lab), ...starts(lab).map((s) => s.experiment)]) {
        const once = lab.serialize(x);
        const { experiment, problems } = lab.parse(once);
        expect(problems).toEqual([]);
        expect(sameValue(experiment, x)).toBe(true);
        expect(lab.serialize(experiment)).toBe(once);
      }
    });

    it.runIf(Boolean(lab.table?.start))('each start option (`preset=…`) is valid and round-trips', () => {
      const start = table().start!;
      for (const { id, experiment: picked } of starts(lab)) {
        const { experiment, problems } = lab.parse(new URLSearchParams({ [start.url]: id }).toString());
        expect(problems).toEqual([]);
        expect(sameValue(experiment, picked)).toBe(true);
        expect(lab.validate(experiment)).toEqual([]);
        const link = lab.serialize(experiment);
        expect(sameValue(lab.parse(link).experiment, experiment)).toBe(true);
        // The start key with every other key on top reads the same experiment.
        expect(sameValue(lab.parse(`${start.url}=${encodeURIComponent(id)}&${link}`).experiment, experiment)).toBe(true);
      }
    });

    it('each setting changed on its own round-trips', () => {
      for (const entry of table().entries) {
        const changed = changedValue(lab, entry);
        if (!changed) continue;
        const e = withValue(lab, lab.defaults(), entry.key, changed.value);
        const { experiment, problems } = lab.parse(lab.serialize(e));
        expect(problems, entry.key).toEqual([]);
        expect(sameValue(getPath(experiment, entry.key), changed.value), entry.key).toBe(true);
        expect(sameValue(experiment, e), entry.key).toBe(true);
      }
    });

    it('never throws on garbled query strings', () => {
      for (const s of ['%', '&&&', '==', '?=', `${lab.urlKeys().join('=&')}=`, '%E0%A4%A', 'a=%zz', '\u0000=\u0000']) {
        expect(() => lab.parse(s), s).not.toThrow();
        for (const p of lab.parse(s).problems) expectReadable(p);
      }
    });
  });

  describe(`${lab.id}: malformed link values`, () => {
    const entries = tableOf(lab).entries;
    const cases = entries.flatMap((entry) => urlNames(entry).flatMap((name) => JUNK.map((junk) => ({ entry, name, junk }))));

    it.each(cases.map((c) => [c.name, JSON.stringify(c.junk), c] as const))('%s=%s becomes a readable problem and the default', (_n, _j, { entry, name, junk }) => {
      const d = lab.defaults();
      let result!: ReturnType<AnyLab['parse']>;
      expect(() => (result = lab.parse(new URLSearchParams({ [name]: junk }).toString()))).not.toThrow();
      const mine = result.problems.filter((p) => p.param === name);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      for (const p of result.problems) {
        expect(PROBLEM_CODES as readonly string[]).toContain(p.code);
        expectReadable(p);
      }
      expect(mine[0]!.value).toBe(junk);
      expect(sameValue(getPath(result.experiment, entry.key), getPath(d, entry.key))).toBe(true);
      expect(sameValue(result.experiment, d)).toBe(true);
      // What the problem says is used instead is what a link with that value reads.
      const fallback = mine[0]!.fallback;
      if (fallback !== undefined) {
        const again = lab.parse(new URLSearchParams({ [name]: fallback }).toString());
        expect(again.problems).toEqual([]);
        expect(sameValue(getPath(again.experiment, entry.key), getPath(d, entry.key))).toBe(true);
      }
    });

    it.runIf(Boolean(lab.table?.start))('junk in the start key (`preset=…`) becomes a problem and the defaults', () => {
      const start = tableOf(lab).start!;
      for (const junk of JUNK) {
        const { experiment, problems } = lab.parse(new URLSearchParams({ [start.url]: junk }).toString());
        expect(problems.filter((p) => p.param === start.url && p.code === 'not-one-of')).toHaveLength(1);
        for (const p of problems) expectReadable(p);
        expect(sameValue(experiment, lab.defaults())).toBe(true);
      }
    });

    it('the English names every setting (a label in en.problems.labels), not its URL key', () => {
      const missing = entries.map((e) => e.key).filter((key) => !hasLabel(key));
      expect(missing).toEqual(UNLABELLED[lab.id] ?? []);
    });
  });

  describe(`${lab.id}: validation and reset-vs-live`, () => {
    const entries = tableOf(lab).entries;

    it('the defaults and the quick experiment validate', () => {
      expect(lab.validate(lab.defaults())).toEqual([]);
      expect(lab.validate(quickOf(lab))).toEqual([]);
      expect(lab.validateKnobs({})).toEqual([]);
      // The defaults' own live knobs are fine; keys that are no live knob are ignored.
      const d = lab.defaults();
      const live = Object.fromEntries(entries.filter((e) => e.live).map((e) => [knobName(e), getPath(d, e.key)]));
      expect(lab.validateKnobs(live)).toEqual([]);
      expect(lab.validateKnobs({ 'no-such-knob': Number.NaN })).toEqual([]);
    });

    it.each(entries.filter((e) => e.kind === 'number').map((e) => [e.key, e] as const))('%s: one step outside the range is out-of-range', (_k, entry) => {
      if (entry.kind !== 'number') return;
      const { min, max, step } = entry.range;
      for (const v of [min - step, max + step]) {
        const problems = lab.validate(withValue(lab, lab.defaults(), entry.key, v));
        expect(problems, `${entry.key} = ${v}`).toContainEqual(
          expect.objectContaining({ code: 'out-of-range', param: entry.url, key: entry.key, min, max, value: String(v) }),
        );
        for (const p of problems) expectReadable(p);
      }
    });

    it.each(entries.map((e) => [e.key, e] as const))('%s: values it cannot take are refused, readably', (_k, entry) => {
      const threw: string[] = [];
      for (const v of outsideValues(entry)) {
        let problems: Problem[];
        try {
          problems = lab.validate(withValue(lab, lab.defaults(), entry.key, v));
        } catch {
          threw.push(JSON.stringify(v));
          continue;
        }
        expect(problems.length, `${entry.key} = ${String(v)}`).toBeGreaterThan(0);
        expect(problems.some((p) => [entry.url, ...urlNames(entry)].includes(p.param)), `${entry.key} = ${String(v)}`).toBe(true);
        for (const p of problems) expectReadable(p);
      }
      expect(threw, 'validate threw instead of returning problems').toEqual(VALIDATE_THROWS[lab.id]?.[entry.key] ?? []);
    });

    it.each(entries.filter((e) => e.live).map((e) => [e.key, e] as const))('%s: validateKnobs refuses a bad live knob', (_k, entry) => {
      for (const v of outsideValues(entry)) {
        const problems = lab.validateKnobs({ [knobName(entry)]: v });
        expect(problems.length, `${knobName(entry)} = ${String(v)}`).toBeGreaterThan(0);
        expect(problems.every((p) => p.param === entry.url)).toBe(true);
        for (const p of problems) expectReadable(p);
      }
    });

    it('the same experiment needs no reset and has no live changes', () => {
      const d = lab.defaults();
      expect(lab.needsReset(d, d)).toBe(false);
      expect(lab.liveChanges(d, d)).toBeNull();
      expect(lab.needsReset(d, lab.clone(d))).toBe(false);
      expect(lab.liveChanges(d, lab.clone(d))).toBeNull();
    });

    const changes = entries.map((entry) => ({ entry, changed: changedValue(lab, entry) }));
    for (const { entry, changed } of changes) {
      const what = entry.live ? 'a live change, no reset' : 'needs a reset';
      it.skipIf(!changed)(`${entry.key}: changing it ${what}${changed ? '' : ' (no other valid value found in quick() or a start)'}`, () => {
        const d = lab.defaults();
        const e = withValue(lab, d, entry.key, changed!.value);
        expect(lab.validate(e)).toEqual([]);
        if (entry.live) {
          expect(lab.needsReset(d, e)).toBe(false);
          expect(lab.liveChanges(d, e)).toEqual({ [knobName(entry)]: changed!.value });
          expect(lab.validateKnobs({ [knobName(entry)]: changed!.value })).toEqual([]);
        } else {
          expect(lab.needsReset(d, e)).toBe(true);
          expect(lab.needsReset(e, d)).toBe(true);
          expect(lab.liveChanges(d, e)).toBeNull();
        }
      });
    }
  });
}
