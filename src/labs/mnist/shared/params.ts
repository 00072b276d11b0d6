/**
 * The MNIST lab's parameter table: students, transfer set, hint layer and knobs, with their URL
 * names, ranges and options from the schema (./schema.ts). `preset=<id>` starts from a
 * preset and every other key overrides it; defaults come from the lab's default experiment.
 */
import {
  ACCESS_LEVELS,
  HINT_LAYERS,
  HINT_MODES,
  MNIST_BATCH_SIZES,
  MNIST_LIMITS,
  MNIST_OPTIMIZERS,
  OBJECTIVES,
  PRESET_IDS,
  decodeStudent,
  defaultMnistExperiment,
  digitsKept,
  encodeStudent,
  presetById,
  type MnistExperiment,
  type StudentSpec,
} from './schema';
import * as engine from '../../params';
import type { Problem } from '../../problems';

const bounds = (r: { min: number; max: number }) => ({ min: r.min, max: r.max });

/** `s1=800.800-kd-full&s2=…`: one token per student; bad tokens are left out, and if none is good the base's students stay. */
function studentsCodec(): engine.Codec<StudentSpec[]> {
  const names = Array.from({ length: MNIST_LIMITS.students.max }, (_, i) => `s${i + 1}`);
  const shape = {
    code: 'bad-student',
    layers: bounds(MNIST_LIMITS.hiddenLayers),
    units: bounds(MNIST_LIMITS.units),
    k: bounds(MNIST_LIMITS.k),
  } as const;
  const range = (r: { min: number; max: number }, integer = true) => ({ code: 'out-of-range', min: r.min, max: r.max, integer }) as const;
  return {
    names,
    read(raw, base, entry) {
      const problems: Problem[] = [];
      const students: StudentSpec[] = [];
      names.forEach((name, i) => {
        const token = raw(name);
        if (token === null) return;
        const s = decodeStudent(token);
        if (s) students.push(s);
        else problems.push({ ...shape, param: name, key: entry.key, value: token, index: i + 1 });
      });
      return { value: students.length ? students : base, problems };
    },
    write: (students) => students.map((s, i): [string, string] => [`s${i + 1}`, encodeStudent(s)]),
    validate(value) {
      if (!Array.isArray(value)) return [{ ...range(MNIST_LIMITS.students), param: 's', key: 'students.count', value: String(value) }];
      const problems: Problem[] = [];
      if (!engine.numberOk(value.length, MNIST_LIMITS.students, true)) {
        problems.push({ ...range(MNIST_LIMITS.students), param: 's', key: 'students.count', value: String(value.length) });
      }
      (value as StudentSpec[]).forEach((s, i) => {
        const at = { param: `s${i + 1}`, index: i + 1 };
        const hidden: unknown[] = Array.isArray(s?.hidden) ? s.hidden : [];
        if (!engine.numberOk(hidden.length, MNIST_LIMITS.hiddenLayers, true)) {
          problems.push({ ...range(MNIST_LIMITS.hiddenLayers), ...at, key: 'students.layers', value: String(hidden.length) });
        }
        for (const u of hidden) {
          if (!engine.numberOk(u, MNIST_LIMITS.units, true)) problems.push({ ...range(MNIST_LIMITS.units), ...at, key: 'students.units', value: String(u) });
        }
        if (!OBJECTIVES.includes(s?.objective)) problems.push({ code: 'not-one-of', options: OBJECTIVES, ...at, key: 'students.objective', value: String(s?.objective) });
        if (!ACCESS_LEVELS.includes(s?.access)) problems.push({ code: 'not-one-of', options: ACCESS_LEVELS, ...at, key: 'students.access', value: String(s?.access) });
        if (s?.access === 'topk' && !engine.numberOk(s.k, MNIST_LIMITS.k, true)) problems.push({ ...range(MNIST_LIMITS.k), ...at, key: 'students.k', value: String(s.k) });
      });
      return problems;
    },
  };
}

/** `ex=38`: digits written together, kept sorted and once each; an empty list is left out of links. */
function digitsCodec(optional: boolean): engine.Codec<number[] | undefined> {
  return engine.tokenCodec<number[] | undefined>({
    parse: (raw) => (/^[0-9]{1,10}$/.test(raw) ? [...new Set(raw.split('').map(Number))].sort((a, b) => a - b) : undefined),
    format: (v) => (v === undefined || (!optional && v.length === 0) ? undefined : v.join('')),
    problem: () => ({ code: 'bad-digits' }),
    validate(v, entry) {
      if (v === undefined && optional) return [];
      if (!Array.isArray(v)) return [{ code: 'bad-digits', param: entry.url, key: entry.key, value: String(v) }];
      return v
        .filter((d) => !(Number.isInteger(d) && d >= 0 && d <= 9))
        .map((d): Problem => ({ code: 'bad-digits', param: entry.url, key: entry.key, value: String(d) }));
    },
  });
}

/** Filters that keep no digit leave nothing to train on: parsing drops both filters. */
const someDigitKept: engine.Rule<MnistExperiment> = {
  check(e, raw) {
    if (digitsKept(e.transfer).length > 0) return [];
    const value = raw ? (raw('only') ?? '') : (e.transfer.onlyDigits?.join('') ?? '');
    return [{ code: 'no-digit-left', param: 'only', key: 'transfer', value }];
  },
  repair(e) {
    e.transfer.excludeDigits = [];
    delete e.transfer.onlyDigits;
  },
};

/** URL names and order are today's (links written before the table still open the same run). */
export const mnistTable: engine.ParamTable<MnistExperiment> = {
  start: { url: 'preset', key: 'preset', options: PRESET_IDS, pick: (id) => presetById(id)?.experiment },
  entries: [
    { key: 'seed', url: 'seed', kind: 'number', range: MNIST_LIMITS.seed, integer: true },
    { key: 'students', url: 's', kind: 'custom', codec: studentsCodec() },
    { key: 'transfer.size', url: 'n', kind: 'number', range: MNIST_LIMITS.transferSize, integer: true },
    { key: 'transfer.excludeDigits', url: 'ex', kind: 'custom', codec: digitsCodec(false) },
    { key: 'transfer.onlyDigits', url: 'only', kind: 'custom', codec: digitsCodec(true) },
    { key: 'hintLayer', url: 'hl', kind: 'enum', options: HINT_LAYERS },
    { key: 'knobs.temperature', url: 'T', kind: 'number', range: MNIST_LIMITS.temperature, live: true },
    { key: 'knobs.alpha', url: 'alpha', kind: 'number', range: MNIST_LIMITS.alpha, live: true },
    { key: 'knobs.learningRate', url: 'lr', kind: 'number', range: MNIST_LIMITS.learningRate, live: true },
    { key: 'knobs.batchSize', url: 'batch', kind: 'enum', options: MNIST_BATCH_SIZES, live: true },
    { key: 'knobs.optimizer', url: 'opt', kind: 'enum', options: MNIST_OPTIMIZERS, live: true },
    // `hm=2` is two-stage (short in links); the long name is read too.
    { key: 'knobs.hintMode', url: 'hm', kind: 'enum', options: HINT_MODES, tokens: HINT_MODES.map((m) => (m === 'two-stage' ? '2' : m)), live: true },
    { key: 'knobs.hintWeight', url: 'hw', kind: 'number', range: MNIST_LIMITS.hintWeight, live: true },
    { key: 'knobs.hintSteps', url: 'hs', kind: 'number', range: MNIST_LIMITS.hintSteps, integer: true, live: true },
    { key: 'knobs.biasCorrection', url: 'bc', kind: 'boolean', live: true },
    { key: 'knobs.biasShift', url: 'bs', kind: 'number', range: MNIST_LIMITS.biasShift, live: true },
  ],
  rules: [someDigitKept],
};

/** The MNIST experiment in a link (`preset=` first, then every other key on top). */
export function parseMnistParams(search: URLSearchParams | string): { experiment: MnistExperiment; problems: Problem[] } {
  return engine.parse(mnistTable, search, defaultMnistExperiment());
}

export function serializeMnistParams(e: MnistExperiment): string {
  return engine.serialize(mnistTable, e);
}

/** For the worker: what keeps this experiment from running (empty when it can). */
export function validateMnistExperiment(e: MnistExperiment): Problem[] {
  return engine.validate(mnistTable, e);
}

/** For the worker's `configure`: problems with a patch of live knobs (`{ batchSize: 33 }`). */
export function validateMnistKnobs(patch: Readonly<Record<string, unknown>>): Problem[] {
  return engine.validateKnobs(mnistTable, patch);
}

export function mnistNeedsReset(a: MnistExperiment, b: MnistExperiment): boolean {
  return engine.needsReset(mnistTable, a, b);
}

export function mnistLiveChanges(a: MnistExperiment, b: MnistExperiment): Record<string, unknown> | null {
  return engine.liveChanges(mnistTable, a, b);
}

export function mnistUrlKeys(): string[] {
  return engine.urlKeys(mnistTable);
}
