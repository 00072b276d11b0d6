/**
 * What the lab conformance suite (../labs-conformance.test.ts) feeds a lab and checks about what
 * comes back: junk URL values, values just outside a range, a changed valid value per setting,
 * readable problems, and a manual walk for typed arrays. Generic: it reads only a lab's shared
 * face and its parameter table.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { en } from '../../../src/i18n/en';
import { getPath, sameValue, setPath, type ParamEntry, type ParamTable } from '../../../src/labs/params';
import type { Problem, ProblemCode } from '../../../src/labs/problems';
import type { LabShared, ProgressUnit } from '../../../src/labs/types';

// ---------------------------------------------------------------------------------------------
// Problem codes and units, as values

/** Every problem code; the type check below fails when src/labs/problems.ts gains one not listed. */
export const PROBLEM_CODES = ['out-of-range', 'not-one-of', 'bad-layers', 'bad-student', 'bad-digits', 'no-digit-left'] as const satisfies readonly ProblemCode[];
type Unlisted = Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>;
export const ALL_CODES_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/** The codes as src/labs/problems.ts writes them (`code: '…'`), read from the file. */
export function codesInProblemsFile(): string[] {
  const text = readFileSync(new URL('../../../src/labs/problems.ts', import.meta.url), 'utf8');
  return [...text.matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!);
}

export const PROGRESS_UNITS = ['examples', 'tokens', 'environment steps'] as const satisfies readonly ProgressUnit[];
type UnlistedUnit = Exclude<ProgressUnit, (typeof PROGRESS_UNITS)[number]>;
export const ALL_UNITS_LISTED: [UnlistedUnit] extends [never] ? true : UnlistedUnit = true;

// ---------------------------------------------------------------------------------------------
// Tables

export type AnyTable = ParamTable<object>;
export type AnyLab = LabShared<unknown>;

export function tableOf(lab: AnyLab): AnyTable {
  if (!lab.table) throw new Error(`Lab ${lab.id} sets no \`table\` on its shared face`);
  return lab.table as unknown as AnyTable;
}

/** The lab's small experiment (its `quick()`), or its defaults. */
export function quickOf(lab: AnyLab): unknown {
  return lab.quick ? lab.quick() : lab.defaults();
}

/** The URL names an entry reads (`s1`, `s2`, `s3` for MNIST's students; `T` for temperature). */
export function urlNames(entry: ParamEntry): string[] {
  return entry.kind === 'custom' && entry.codec.names ? [...entry.codec.names] : [entry.url];
}

/** The experiments a table can start from (`preset=<id>`), by option. */
export function starts(lab: AnyLab): { id: string; experiment: object }[] {
  const start = tableOf(lab).start;
  if (!start) return [];
  return start.options.map((id) => {
    const picked = start.pick(id);
    if (!picked) throw new Error(`${lab.id}: start option ${id} picks nothing`);
    return { id, experiment: { ...(lab.defaults() as object), ...picked } };
  });
}

// ---------------------------------------------------------------------------------------------
// Values

/** URL text no setting should accept: a word, nothing, NaN, numbers far too large or small. */
export const JUNK = ['junk', '', 'NaN', '1e308', '-Infinity'] as const;

/** Values a setting should refuse in `validate` (numbers: one step outside the range). */
export function outsideValues(entry: ParamEntry): unknown[] {
  switch (entry.kind) {
    case 'number': {
      const { min, max, step } = entry.range;
      const out: unknown[] = [min - step, max + step, Number.NaN, Number.POSITIVE_INFINITY, String(min)];
      if (entry.integer) out.push(min + 0.5);
      return out;
    }
    case 'enum':
      return ['no-such-option', null];
    case 'boolean':
      return ['yes', 1, null];
    case 'custom':
      return [null, 'junk'];
  }
}

/** An experiment with one setting replaced. */
export function withValue<E>(lab: LabShared<E>, e: E, key: string, value: unknown): E {
  const copy = lab.clone(e);
  setPath(copy as object, key, value);
  return copy;
}

/**
 * A valid value for `entry` other than the default: a step up (or down) for numbers, another
 * option, the other boolean; for custom entries, the value from `quick()` or a start (preset)
 * where it differs. Undefined when none is found.
 */
export function changedValue(lab: AnyLab, entry: ParamEntry): { value: unknown } | undefined {
  const d = lab.defaults();
  const v = getPath(d, entry.key);
  switch (entry.kind) {
    case 'number': {
      const { min, max, step } = entry.range;
      const n = (v as number) + step <= max ? (v as number) + step : (v as number) - step;
      return n >= min ? { value: n } : undefined;
    }
    case 'enum': {
      const other = entry.options.find((o) => o !== v);
      return other === undefined ? undefined : { value: other };
    }
    case 'boolean':
      return { value: !v };
    case 'custom': {
      const candidates = [quickOf(lab), ...starts(lab).map((s) => s.experiment)];
      for (const c of candidates) {
        const value = structuredClone(getPath(c, entry.key));
        if (sameValue(value, v)) continue;
        if (lab.validate(withValue(lab, d, entry.key, value)).length === 0) return { value };
      }
      return undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Problems

/** A problem is one of the known codes, names its setting, and reads as an English sentence. */
export function expectReadable(p: Problem): void {
  expect(PROBLEM_CODES as readonly string[]).toContain(p.code);
  expect(typeof p.param).toBe('string');
  expect(p.param.length).toBeGreaterThan(0);
  expect(typeof p.key).toBe('string');
  expect(p.key.length).toBeGreaterThan(0);
  expect(typeof p.value).toBe('string');
  for (const text of [en.problems.sentence(p), en.problems.inLink(p), en.problems.expected(p)]) {
    expect(typeof text).toBe('string');
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).not.toMatch(/undefined|\[object/);
  }
}

/** Whether the English names the setting (from `en.problems.labels`) rather than its URL key. */
export function hasLabel(key: string): boolean {
  return Object.hasOwn(en.problems.labels, key);
}

// ---------------------------------------------------------------------------------------------
// Typed arrays

/** Every typed array's (and bare ArrayBuffer's) buffer in a value, walked by hand. */
export function buffersByHand(value: unknown, found = new Set<ArrayBufferLike>(), seen = new Set<unknown>()): Set<ArrayBufferLike> {
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  if (ArrayBuffer.isView(value)) found.add(value.buffer);
  else if (value instanceof ArrayBuffer) found.add(value);
  else if (value instanceof Map || value instanceof Set) throw new Error('a snapshot holds a Map or Set: the walk does not look inside those');
  else for (const key of Object.keys(value)) buffersByHand((value as Record<string, unknown>)[key], found, seen);
  return found;
}

/** Paths of the typed arrays in a value whose buffer is detached (transferred away). */
export function detachedArrays(value: unknown, path = 'snapshot', seen = new Set<unknown>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (ArrayBuffer.isView(value)) return isDetached(value.buffer) ? [path] : [];
  if (value instanceof ArrayBuffer) return isDetached(value) ? [path] : [];
  return Object.keys(value).flatMap((k) => detachedArrays((value as Record<string, unknown>)[k], `${path}.${k}`, seen));
}

function isDetached(buffer: ArrayBufferLike): boolean {
  if (!(buffer instanceof ArrayBuffer)) return false;
  const flag = (buffer as { detached?: boolean }).detached;
  if (typeof flag === 'boolean') return flag;
  // Node 20 has no `detached`: a detached buffer cannot be sliced.
  try {
    buffer.slice(0, 0);
    return false;
  } catch {
    return true;
  }
}
