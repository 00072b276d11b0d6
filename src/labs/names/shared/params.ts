/**
 * The names lab's parameter table: students (`s1=full&s2=top5&s3=text`), their shape, the seed and
 * the live knobs, with URL names and ranges from the schema (./schema.ts).
 */
import * as engine from '../../params';
import type { Problem } from '../../problems';
import {
  ACCESS,
  MISSING_MASS,
  NAMES_BATCH_SIZES,
  NAMES_LIMITS,
  QUERY_BUDGETS,
  decodeNamesStudent,
  encodeNamesStudent,
  type NamesExperiment,
  type NamesStudentSpec,
} from './schema';

/** The tokens a student may be written as, for messages. */
const STUDENT_TOKENS = ['full', `top${NAMES_LIMITS.k.min}…top${NAMES_LIMITS.k.max}`, 'text', 'data'];
const range = (r: { min: number; max: number }) => ({ code: 'out-of-range', min: r.min, max: r.max, integer: true }) as const;

/** `s1=full&s2=top5&s3=text`: unreadable tokens are left out; if none is readable the base's students stay. */
function studentsCodec(): engine.Codec<NamesStudentSpec[]> {
  const names = Array.from({ length: NAMES_LIMITS.students.max }, (_, i) => `s${i + 1}`);
  return {
    names,
    read(raw, base, entry) {
      const problems: Problem[] = [];
      const students: NamesStudentSpec[] = [];
      names.forEach((name, i) => {
        const token = raw(name);
        if (token === null) return;
        const s = decodeNamesStudent(token);
        if (s) students.push(s);
        else problems.push({ code: 'not-one-of', options: STUDENT_TOKENS, param: name, key: entry.key, value: token, index: i + 1 });
      });
      return { value: students.length ? students : base, problems };
    },
    write: (students) => students.map((s, i): [string, string] => [`s${i + 1}`, encodeNamesStudent(s)]),
    validate(value) {
      if (!Array.isArray(value)) return [{ ...range(NAMES_LIMITS.students), param: 's1', key: 'students.count', value: String(value) }];
      const problems: Problem[] = [];
      if (!engine.numberOk(value.length, NAMES_LIMITS.students, true)) {
        problems.push({ ...range(NAMES_LIMITS.students), param: 's1', key: 'students.count', value: String(value.length) });
      }
      (value as NamesStudentSpec[]).forEach((s, i) => {
        const at = { param: `s${i + 1}`, index: i + 1 };
        if (!ACCESS.includes(s?.access)) problems.push({ code: 'not-one-of', options: ACCESS, ...at, key: 'students.access', value: String(s?.access) });
        else if (s.access === 'topk' && !engine.numberOk(s.k, NAMES_LIMITS.k, true)) problems.push({ ...range(NAMES_LIMITS.k), ...at, key: 'students.k', value: String(s.k) });
      });
      return problems;
    },
  };
}

export const namesTable: engine.ParamTable<NamesExperiment> = {
  entries: [
    { key: 'seed', url: 'seed', kind: 'number', range: NAMES_LIMITS.seed, integer: true },
    { key: 'students', url: 's', kind: 'custom', codec: studentsCodec() },
    { key: 'shape.embed', url: 'emb', kind: 'number', range: NAMES_LIMITS.embed, integer: true },
    { key: 'shape.hidden', url: 'hid', kind: 'number', range: NAMES_LIMITS.hidden, integer: true },
    { key: 'budget', url: 'budget', kind: 'enum', options: QUERY_BUDGETS },
    { key: 'knobs.temperature', url: 'T', kind: 'number', range: NAMES_LIMITS.temperature, live: true },
    { key: 'knobs.samplingTemperature', url: 'tau', kind: 'number', range: NAMES_LIMITS.samplingTemperature, live: true },
    { key: 'knobs.streamTemperature', url: 'show', kind: 'number', range: NAMES_LIMITS.streamTemperature, live: true },
    { key: 'knobs.learningRate', url: 'lr', kind: 'number', range: NAMES_LIMITS.learningRate, live: true },
    { key: 'knobs.batchSize', url: 'batch', kind: 'enum', options: NAMES_BATCH_SIZES, live: true },
    { key: 'knobs.missingMass', url: 'miss', kind: 'enum', options: MISSING_MASS, live: true },
    { key: 'knobs.price', url: 'price', kind: 'number', range: NAMES_LIMITS.price, live: true },
  ],
};
