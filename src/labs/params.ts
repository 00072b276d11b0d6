/**
 * The parameter-table engine (TF Playground's `state.ts` PROPS, one table per lab instead of
 * hand-written codecs): each entry names a setting by its path in the experiment, its URL name,
 * its kind with range or options, and whether it is live (takes effect without a reset). From the
 * table alone come URL parse and write, validation, reset-vs-live and the controls' limits.
 * Pure: no DOM, no tfjs; problems are codes (./problems), never sentences.
 */
import type { Problem } from './problems';

export interface NumberRange {
  min: number;
  max: number;
  step: number;
}

interface EntryBase {
  /** Path into the experiment, dot-separated: `knobs.temperature`, `student.hidden`. */
  key: string;
  /** Name in links: `T`. */
  url: string;
  /** Takes effect on the next step, without a fresh run (a knob). */
  live?: boolean;
  /** May be hidden from a classroom view. */
  hideable?: boolean;
  /**
   * For a setting added after links were shared: the value a link means when it sets every other
   * setting of the table but not this one (the app wrote it before this setting existed). Any
   * other link that leaves it out gets the default, as for any setting.
   */
  absent?: unknown;
}

export interface NumberParam extends EntryBase {
  kind: 'number';
  range: NumberRange;
  /** Whole numbers only. */
  integer?: boolean;
}

export interface EnumParam extends EntryBase {
  kind: 'enum';
  options: readonly (string | number)[];
  /** URL form of each option, when it differs from `String(option)` (`hm=2` for `two-stage`). */
  tokens?: readonly string[];
  /** Extra URL spellings accepted when reading (`speed=max` for 0). */
  aliases?: Readonly<Record<string, string | number>>;
}

/** Written `1` / `0`; `true` / `false` are read too. */
export interface BooleanParam extends EntryBase {
  kind: 'boolean';
}

export interface CustomParam extends EntryBase {
  kind: 'custom';
  // Any: each custom entry has its own value type, checked inside its codec.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  codec: Codec<any>;
}

export type ParamEntry = NumberParam | EnumParam | BooleanParam | CustomParam;

/** How a structured value (`hidden=16,8`, `s1=800.800-kd-full`, `ex=38`) meets the URL. */
export interface Codec<V> {
  /** URL names this entry owns (MNIST's students: `s1`, `s2`, `s3`); default `[url]`. */
  names?: readonly string[];
  /** Reads the link's values (null where absent) on top of `base`; `value` is `base` when nothing applies. */
  read(raw: (name: string) => string | null, base: V, entry: ParamEntry): { value: V; problems: Problem[] };
  /** URL pairs; none for a value that is written by leaving it out. */
  write(value: V, entry: ParamEntry): [string, string][];
  validate(value: unknown, entry: ParamEntry): Problem[];
}

/** A check across entries (MNIST's transfer filters must keep a digit). */
export interface Rule<E> {
  check(e: E, raw?: (name: string) => string | null): Problem[];
  /** While parsing: make `e` usable again after `check` failed; `start` is where parsing began. */
  repair(e: E, start: E): void;
}

export interface ParamTable<E> {
  entries: readonly ParamEntry[];
  /** `preset=<id>`: parsing starts from a named experiment, and every other key overrides it. */
  start?: { url: string; key: string; options: readonly string[]; pick(id: string): E | undefined };
  rules?: readonly Rule<E>[];
}

// ---------------------------------------------------------------------------------------------
// Paths

export function getPath(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

export function setPath(obj: object, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = obj as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (at[part] === null || typeof at[part] !== 'object') at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/** A knob's name in a patch of live knobs: the last part of its path (`knobs.temperature` → `temperature`). */
export function knobName(entry: ParamEntry): string {
  return entry.key.split('.').at(-1)!;
}

/** Key-order-independent JSON, undefined fields left out: equal values give equal text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const fields = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

// ---------------------------------------------------------------------------------------------
// Codecs

/** What a single-token codec needs; `tokenCodec` adds the reading and fallback logic. */
export interface TokenSpec<V> {
  parse(raw: string): V | undefined;
  /** URL text, or undefined to leave the parameter out (an empty digit list). */
  format(v: V): string | undefined;
  /** The problem for an unreadable token (the engine adds `param`, `key`, `value`, `fallback`). */
  problem(): DistributiveOmit<Problem, 'param' | 'key' | 'value'>;
  validate(v: unknown, entry: ParamEntry): Problem[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function tokenCodec<V>(spec: TokenSpec<V>): Codec<V> {
  return {
    read(raw, base, entry) {
      const text = raw(entry.url);
      if (text === null) return { value: base, problems: [] };
      const value = spec.parse(text);
      if (value !== undefined) return { value, problems: [] };
      const fallback = base === undefined ? undefined : spec.format(base);
      const problem = { ...spec.problem(), param: entry.url, key: entry.key, value: text } as Problem;
      if (fallback !== undefined) problem.fallback = fallback;
      return { value: base, problems: [problem] };
    },
    write(value, entry) {
      if (value === undefined) return [];
      const text = spec.format(value);
      return text === undefined ? [] : [[entry.url, text]];
    },
    validate: spec.validate,
  };
}

export function numberOk(v: unknown, range: { min: number; max: number }, integer: boolean): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max && (!integer || Number.isInteger(v));
}

function numberCodec(e: NumberParam): Codec<number> {
  const integer = e.integer ?? false;
  const outOfRange = { code: 'out-of-range', min: e.range.min, max: e.range.max, integer } as const;
  return tokenCodec({
    parse: (raw) => {
      if (raw.trim() === '') return undefined;
      const v = Number(raw);
      return numberOk(v, e.range, integer) ? v : undefined;
    },
    format: String,
    problem: () => outOfRange,
    validate: (v) => (numberOk(v, e.range, integer) ? [] : [{ ...outOfRange, param: e.url, key: e.key, value: String(v) }]),
  });
}

function enumCodec(e: EnumParam): Codec<string | number> {
  const token = (i: number) => e.tokens?.[i] ?? String(e.options[i]);
  const urlOptions = [...e.options.map((_, i) => token(i)), ...Object.keys(e.aliases ?? {})];
  return tokenCodec<string | number>({
    parse: (raw) => {
      const i = e.options.findIndex((o, j) => token(j) === raw || String(o) === raw);
      if (i >= 0) return e.options[i];
      return e.aliases && Object.hasOwn(e.aliases, raw) ? e.aliases[raw] : undefined;
    },
    format: (v) => {
      const i = e.options.indexOf(v);
      return i >= 0 ? token(i) : String(v);
    },
    problem: () => ({ code: 'not-one-of', options: urlOptions }),
    validate: (v) =>
      e.options.includes(v as string | number)
        ? []
        : [{ code: 'not-one-of', options: e.options.map(String), param: e.url, key: e.key, value: String(v) }],
  });
}

const BOOLEAN_TOKENS: Readonly<Record<string, boolean>> = { '1': true, '0': false, true: true, false: false };

function booleanCodec(e: BooleanParam): Codec<boolean> {
  return tokenCodec({
    parse: (raw) => (Object.hasOwn(BOOLEAN_TOKENS, raw) ? BOOLEAN_TOKENS[raw] : undefined),
    format: (v) => (v ? '1' : '0'),
    problem: () => ({ code: 'not-one-of', options: ['0', '1'] }),
    validate: (v) =>
      typeof v === 'boolean' ? [] : [{ code: 'not-one-of', options: ['true', 'false'], param: e.url, key: e.key, value: String(v) }],
  });
}

const codecs = new WeakMap<ParamEntry, Codec<unknown>>();

function codecOf(e: ParamEntry): Codec<unknown> {
  let codec = codecs.get(e);
  if (!codec) {
    if (e.kind === 'custom') codec = e.codec;
    else if (e.kind === 'number') codec = numberCodec(e) as Codec<unknown>;
    else if (e.kind === 'enum') codec = enumCodec(e) as Codec<unknown>;
    else codec = booleanCodec(e) as Codec<unknown>;
    codecs.set(e, codec);
  }
  return codec;
}

// ---------------------------------------------------------------------------------------------
// The engine

function searchParams(search: URLSearchParams | string): URLSearchParams {
  return typeof search === 'string' ? new URLSearchParams(search) : search;
}

/**
 * Reads an experiment from a link on top of `defaults` (or the table's `start`, e.g. a preset).
 * Never throws: an unreadable value keeps its default and becomes a problem. `defaults` may hold
 * more than the table covers (the page's state); those fields are copied through.
 */
export function parse<E extends T & object, T>(table: ParamTable<T>, search: URLSearchParams | string, defaults: E): { experiment: E; problems: Problem[] } {
  const params = searchParams(search);
  const raw = (name: string) => params.get(name);
  const problems: Problem[] = [];
  let start: E = defaults;
  if (table.start) {
    const id = raw(table.start.url);
    if (id !== null) {
      const picked = table.start.pick(id);
      if (picked) start = { ...defaults, ...picked } as E;
      else problems.push({ code: 'not-one-of', options: table.start.options, param: table.start.url, key: table.start.key, value: id });
    }
  }
  const e = structuredClone(start);
  const named = (entry: ParamEntry) => (entry.kind === 'custom' && entry.codec.names ? entry.codec.names : [entry.url]).some((n) => params.has(n));
  // A link the app wrote names every setting it had then; one that names them all but not a newer
  // setting was written before that setting existed. Hand-written partial links take the defaults.
  const older = table.entries.some((entry) => entry.absent !== undefined) && table.entries.every((entry) => entry.absent !== undefined || named(entry));
  for (const entry of table.entries) {
    if (older && entry.absent !== undefined && !named(entry)) setPath(e, entry.key, structuredClone(entry.absent));
    const read = codecOf(entry).read(raw, getPath(e, entry.key), entry);
    problems.push(...read.problems);
    setPath(e, entry.key, read.value);
  }
  for (const rule of table.rules ?? []) {
    const found = rule.check(e, raw);
    if (found.length === 0) continue;
    problems.push(...found);
    rule.repair(e, start);
  }
  return { experiment: e, problems };
}

/** Every setting the table covers, as query parameters; commas stay readable (`hidden=16,8`). */
export function serialize<T>(table: ParamTable<T>, e: T): string {
  const params = new URLSearchParams();
  for (const entry of table.entries) for (const [name, text] of codecOf(entry).write(getPath(e, entry.key), entry)) params.set(name, text);
  return params.toString().replace(/%2C/g, ',');
}

/** Problems with a whole experiment (empty when it can run). */
export function validate<T>(table: ParamTable<T>, e: T): Problem[] {
  const problems = table.entries.flatMap((entry) => codecOf(entry).validate(getPath(e, entry.key), entry));
  // Rules read several entries at once: only meaningful once each entry is valid on its own.
  if (problems.length > 0) return problems;
  for (const rule of table.rules ?? []) problems.push(...rule.check(e));
  return problems;
}

/** Problems with a patch of live knobs, keyed by knob name (`{ temperature: 50 }`); other keys are ignored. */
export function validateKnobs<T>(table: ParamTable<T>, patch: Readonly<Record<string, unknown>>): Problem[] {
  return table.entries
    .filter((entry) => entry.live && patch[knobName(entry)] !== undefined)
    .flatMap((entry) => codecOf(entry).validate(patch[knobName(entry)], entry));
}

/** True when going from `a` to `b` needs a fresh run: a setting that is not live changed. */
export function needsReset<T>(table: ParamTable<T>, a: T, b: T): boolean {
  return table.entries.some((entry) => !entry.live && !sameValue(getPath(a, entry.key), getPath(b, entry.key)));
}

/** The live knobs that differ from `a` to `b`, keyed by knob name, or null when none does. */
export function liveChanges<T>(table: ParamTable<T>, a: T, b: T): Record<string, unknown> | null {
  let patch: Record<string, unknown> | null = null;
  for (const entry of table.entries) {
    if (!entry.live) continue;
    const after = getPath(b, entry.key);
    if (!sameValue(getPath(a, entry.key), after)) (patch ??= {})[knobName(entry)] = after;
  }
  return patch;
}

/** Every query name the table reads (an embedding page's own parameters are left alone). */
export function urlKeys<T>(table: ParamTable<T>): string[] {
  const names = table.entries.flatMap((entry) => (entry.kind === 'custom' && entry.codec.names ? [...entry.codec.names] : [entry.url]));
  return table.start ? [table.start.url, ...names] : names;
}

export function entryOf<T>(table: ParamTable<T>, key: string): ParamEntry {
  const entry = table.entries.find((e) => e.key === key);
  if (!entry) throw new RangeError(`No parameter ${key} in this table`);
  return entry;
}

/** A number control's min, max and step. */
export function limits<T>(table: ParamTable<T>, key: string): NumberRange {
  const entry = entryOf(table, key);
  if (entry.kind !== 'number') throw new RangeError(`${key} is not a number parameter`);
  return entry.range;
}

/** A choice control's options. */
export function optionsOf<T>(table: ParamTable<T>, key: string): readonly (string | number)[] {
  const entry = entryOf(table, key);
  if (entry.kind !== 'enum') throw new RangeError(`${key} is not a choice parameter`);
  return entry.options;
}

/**
 * `hidden=16,8`: a list of hidden-layer widths, `layers` long, each within `units`, written with
 * commas. A lab with a student shape puts it in its table as a custom entry.
 */
export function layersCodec(layers: NumberRange, units: NumberRange): Codec<number[]> {
  const bad = {
    code: 'bad-layers',
    layers: { min: layers.min, max: layers.max },
    units: { min: units.min, max: units.max },
    separator: ',',
  } as const;
  const ok = (v: unknown): v is number[] => Array.isArray(v) && numberOk(v.length, layers, true) && v.every((u) => numberOk(u, units, true));
  return tokenCodec<number[]>({
    parse: (raw) => {
      if (raw.trim() === '') return undefined;
      const widths = raw.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
      return ok(widths) ? widths : undefined;
    },
    format: (v) => v.join(','),
    problem: () => bad,
    validate: (v, entry): Problem[] => (ok(v) ? [] : [{ ...bad, param: entry.url, key: entry.key, value: Array.isArray(v) ? v.join(',') : String(v) }]),
  });
}
