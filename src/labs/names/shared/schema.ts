/**
 * The names lab's experiment: what the teacher exposes to each student, the students' shape and
 * every knob with its range and default. Pure data: the parameter table (./params.ts), the
 * controls and the worker read their limits from here, so a range is stated once.
 */
import type { NumberRange } from '../../../state/common';

/**
 * What the teacher exposes to a student:
 * - `full`: its whole next-character distribution at every position (token-level KD);
 * - `topk`: only the k largest log-probabilities at every position (what chat APIs return);
 * - `text`: only names it generates (sequence-level KD, Kim & Rush 2016);
 * - `data`: nothing; the student trains on the training names alone (the baseline).
 */
export const ACCESS = ['full', 'topk', 'text', 'data'] as const;
export type NamesAccess = (typeof ACCESS)[number];

/** How a top-k student treats the probability the API leaves out. */
export const MISSING_MASS = ['spread', 'renormalise'] as const;
export type MissingMass = (typeof MISSING_MASS)[number];

/** Names per training step. */
export const NAMES_BATCH_SIZES = [8, 16, 32, 64] as const;

/**
 * Teacher queries each student may make (0: no limit). With a budget, the scoring and data-only
 * students train on the same first `budget` names of the run's order, and a text student reuses
 * the names it has bought: the comparison `npm run bench:api` makes, live.
 */
export const QUERY_BUDGETS = [0, 256, 1024, 4096] as const;

export const NAMES_LIMITS = {
  students: { min: 1, max: 3, step: 1 },
  /** Chat APIs cap `top_logprobs` at 20. */
  k: { min: 1, max: 20, step: 1 },
  embed: { min: 2, max: 16, step: 1 },
  hidden: { min: 4, max: 256, step: 1 },
  temperature: { min: 1, max: 10, step: 0.5 },
  samplingTemperature: { min: 0.3, max: 2, step: 0.1 },
  streamTemperature: { min: 0.3, max: 2, step: 0.1 },
  learningRate: { min: 0.0001, max: 0.1, step: 0.0001 },
  /** Dollars per million tokens. */
  price: { min: 0, max: 1000, step: 0.01 },
  seed: { min: 1, max: 999_999, step: 1 },
  /** Letters in the prefix box. */
  prefix: { min: 0, max: 15, step: 1 },
} as const satisfies Record<string, NumberRange>;

/**
 * Default price: OpenAI's published API price list (openai.com/api/pricing), gpt-4o-mini output
 * tokens, $0.60 per million, as listed from its launch on 18 July 2024.
 */
export const DEFAULT_PRICE = 0.6;

export interface NamesStudentSpec {
  access: NamesAccess;
  /** k for `topk` (kept, and ignored, for the others). */
  k: number;
}

/** Every student has this shape (the comparison is about access, not size). */
export interface NamesShape {
  embed: number;
  hidden: number;
}

export interface NamesKnobs {
  /** KD temperature for `full` and `topk` (loss scaled by T²). */
  temperature: number;
  /** The teacher's sampling temperature when it writes names for a `text` student. */
  samplingTemperature: number;
  /** Temperature of the sample stream the page shows for each model. */
  streamTemperature: number;
  learningRate: number;
  batchSize: number;
  missingMass: MissingMass;
  /** Simulated price, dollars per million tokens scored or generated. */
  price: number;
}

export interface NamesExperiment {
  seed: number;
  students: NamesStudentSpec[];
  shape: NamesShape;
  /** Teacher queries per student, one of `QUERY_BUDGETS` (0: no limit). */
  budget: number;
  knobs: NamesKnobs;
}

export const DEFAULT_NAMES_KNOBS: Readonly<NamesKnobs> = Object.freeze({
  temperature: 1,
  samplingTemperature: 1,
  streamTemperature: 1,
  learningRate: 0.01,
  batchSize: 16,
  missingMass: 'spread',
  price: DEFAULT_PRICE,
});

export function namesStudent(access: NamesAccess, k = 5): NamesStudentSpec {
  return { access, k };
}

export function defaultNamesExperiment(): NamesExperiment {
  return {
    seed: 1,
    students: [namesStudent('full'), namesStudent('text'), namesStudent('data')],
    shape: { embed: 8, hidden: 64 },
    budget: 0,
    knobs: { ...DEFAULT_NAMES_KNOBS },
  };
}

export function cloneNamesExperiment(e: NamesExperiment): NamesExperiment {
  return { seed: e.seed, students: e.students.map((s) => ({ ...s })), shape: { ...e.shape }, budget: e.budget, knobs: { ...e.knobs } };
}

/** `full`, `top5`, `text`, `data`: a student in a link. */
export function encodeNamesStudent(s: NamesStudentSpec): string {
  return s.access === 'topk' ? `top${s.k}` : s.access;
}

export function decodeNamesStudent(token: string): NamesStudentSpec | undefined {
  if (token === 'full' || token === 'text' || token === 'data') return namesStudent(token);
  const m = /^top(\d{1,2})$/.exec(token);
  if (!m) return undefined;
  const k = Number(m[1]);
  return k >= NAMES_LIMITS.k.min && k <= NAMES_LIMITS.k.max ? namesStudent('topk', k) : undefined;
}

/** A prefix the box accepts: up to 15 letters a–z (case ignored by the page). */
export function isPrefix(text: unknown): text is string {
  return typeof text === 'string' && text.length <= NAMES_LIMITS.prefix.max && /^[a-z]*$/.test(text);
}
