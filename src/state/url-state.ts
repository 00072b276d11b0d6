/**
 * The experiment in the URL, TF Playground style: every setting is a query parameter, so a link
 * reopens the exact experiment. Parsing never throws: a malformed or out-of-range value falls back
 * to its default, and the caller gets a readable list of what was ignored to show the user.
 */
import {
  ACTIVATIONS,
  BACKEND_CHOICES,
  BATCH_SIZES,
  DATASETS,
  LABS,
  LIMITS,
  OPTIMIZERS,
  SPEEDS,
  defaultState,
  type AppState,
  type NumberRange,
} from './experiment';
import { MNIST_PARAMS, defaultMnistExperiment, parseMnist, serializeMnist, type MnistExperiment } from './mnist';

/** Query parameter names, short enough to read in a link. */
export const PARAMS = {
  lab: 'lab',
  dataset: 'dataset',
  seed: 'seed',
  hidden: 'hidden',
  activation: 'act',
  temperature: 'T',
  alpha: 'alpha',
  learningRate: 'lr',
  batchSize: 'batch',
  optimizer: 'opt',
  labelsOnly: 'labelsOnly',
  backend: 'backend',
  speed: 'speed',
} as const;

/** One value that could not be used, in words a user can act on. */
export interface UrlProblem {
  param: string;
  value: string;
  expected: string;
  fallback: string;
}

export interface ParsedUrlState {
  state: AppState;
  problems: UrlProblem[];
}

function oneOf<T extends string | number>(options: readonly T[], raw: string): T | undefined {
  return options.find((o) => String(o) === raw);
}

function inRange(range: NumberRange, raw: string, integer = false): number | undefined {
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < range.min || value > range.max) return undefined;
  if (integer && !Number.isInteger(value)) return undefined;
  return value;
}

/** Reads the experiment from a query string (with or without the leading "?"). */
export function parseUrlState(search: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const state = defaultState();
  const problems: UrlProblem[] = [];

  function read<T>(name: string, parse: (raw: string) => T | undefined, expected: string, fallback: string | number, apply: (v: T) => void): void {
    const raw = params.get(name);
    if (raw === null) return;
    const value = parse(raw);
    if (value === undefined) {
      problems.push({ param: name, value: raw, expected, fallback: String(fallback) });
      return;
    }
    apply(value);
  }

  read(PARAMS.lab, (r) => oneOf(LABS, r), `one of ${LABS.join(', ')}`, state.lab, (v) => (state.lab = v));
  read(PARAMS.dataset, (r) => oneOf(DATASETS, r), `one of ${DATASETS.join(', ')}`, state.dataset, (v) => (state.dataset = v));
  read(PARAMS.seed, (r) => inRange(LIMITS.seed, r, true), `a whole number from ${LIMITS.seed.min} to ${LIMITS.seed.max}`, state.seed, (v) => (state.seed = v));
  read(
    PARAMS.hidden,
    (r) => {
      const parts = r.split(',');
      if (parts.length < LIMITS.hiddenLayers.min || parts.length > LIMITS.hiddenLayers.max) return undefined;
      const units = parts.map((p) => inRange(LIMITS.units, p, true));
      return units.every((u): u is number => u !== undefined) ? units : undefined;
    },
    '1 to 3 comma-separated layer sizes, each from 2 to 64 (e.g. 16,8)',
    state.student.hidden.join(','),
    (v) => (state.student.hidden = v),
  );
  read(PARAMS.activation, (r) => oneOf(ACTIVATIONS, r), `one of ${ACTIVATIONS.join(', ')}`, state.student.activation, (v) => (state.student.activation = v));
  read(PARAMS.temperature, (r) => inRange(LIMITS.temperature, r), 'a number from 1 to 20', state.knobs.temperature, (v) => (state.knobs.temperature = v));
  read(PARAMS.alpha, (r) => inRange(LIMITS.alpha, r), 'a number from 0 to 1', state.knobs.alpha, (v) => (state.knobs.alpha = v));
  read(PARAMS.learningRate, (r) => inRange(LIMITS.learningRate, r), 'a number from 0.0001 to 1', state.knobs.learningRate, (v) => (state.knobs.learningRate = v));
  read(PARAMS.batchSize, (r) => oneOf(BATCH_SIZES, r), `one of ${BATCH_SIZES.join(', ')}`, state.knobs.batchSize, (v) => (state.knobs.batchSize = v));
  read(PARAMS.optimizer, (r) => oneOf(OPTIMIZERS, r), `one of ${OPTIMIZERS.join(', ')}`, state.knobs.optimizer, (v) => (state.knobs.optimizer = v));
  read(PARAMS.labelsOnly, (r) => ({ '1': true, '0': false, true: true, false: false })[r], '0 or 1', state.labelsOnly ? 1 : 0, (v) => (state.labelsOnly = v));
  read(PARAMS.backend, (r) => oneOf(BACKEND_CHOICES, r), `one of ${BACKEND_CHOICES.join(', ')}`, state.backend, (v) => (state.backend = v));
  read(PARAMS.speed, (r) => (r === 'max' ? 0 : oneOf(SPEEDS, r)), `one of ${SPEEDS.join(', ')} (0 or "max" = full speed)`, state.speed, (v) => (state.speed = v));

  return { state, problems };
}

/** Writes every setting, so a link stays exact even if the defaults change later. */
export function serializeUrlState(state: AppState): string {
  const params = new URLSearchParams();
  params.set(PARAMS.lab, state.lab);
  params.set(PARAMS.dataset, state.dataset);
  params.set(PARAMS.seed, String(state.seed));
  params.set(PARAMS.hidden, state.student.hidden.join(','));
  params.set(PARAMS.activation, state.student.activation);
  params.set(PARAMS.temperature, String(state.knobs.temperature));
  params.set(PARAMS.alpha, String(state.knobs.alpha));
  params.set(PARAMS.learningRate, String(state.knobs.learningRate));
  params.set(PARAMS.batchSize, String(state.knobs.batchSize));
  params.set(PARAMS.optimizer, state.knobs.optimizer);
  params.set(PARAMS.labelsOnly, state.labelsOnly ? '1' : '0');
  params.set(PARAMS.backend, state.backend);
  params.set(PARAMS.speed, String(state.speed));
  // Keep commas readable in links ("hidden=16,8", not "hidden=16%2C8").
  return params.toString().replace(/%2C/g, ',');
}

/** What a page link holds: the lab shown, the view settings, and that lab's experiment. */
export interface ParsedPage {
  state: AppState;
  mnist: MnistExperiment;
  problems: UrlProblem[];
}

/**
 * Reads a link of either lab. The labs share some keys (`seed`, `T`, `alpha`, `lr`, `batch`,
 * `opt`), so each key is read by the lab the link is for, and only that lab's problems are shown.
 */
export function parsePage(search: string): ParsedPage {
  const params = new URLSearchParams(search);
  if (params.get(PARAMS.lab) !== 'mnist') {
    return { ...parseUrlState(search), mnist: defaultMnistExperiment() };
  }
  const view = new URLSearchParams();
  for (const key of [PARAMS.lab, PARAMS.backend, PARAMS.speed]) {
    const value = params.get(key);
    if (value !== null) view.set(key, value);
  }
  const { state, problems } = parseUrlState(view.toString());
  const parsed = parseMnist(search);
  const mnistProblems = parsed.problems.map((p) => ({ ...p, fallback: 'its default' }));
  return { state, mnist: parsed.experiment, problems: [...problems, ...mnistProblems] };
}

export function serializePage(state: AppState, mnist: MnistExperiment): string {
  if (state.lab !== 'mnist') return serializeUrlState(state);
  const view = new URLSearchParams({ [PARAMS.lab]: 'mnist', [PARAMS.backend]: state.backend, [PARAMS.speed]: String(state.speed) });
  return `${view.toString()}&${serializeMnist(mnist)}`;
}

const OUR_KEYS = new Set<string>([
  ...Object.values(PARAMS),
  ...Object.values(MNIST_PARAMS).filter((k) => k !== MNIST_PARAMS.student),
  ...[1, 2, 3].map((i) => `${MNIST_PARAMS.student}${i}`),
]);

/** Keeps parameters that are not ours (an embedding page's own query) untouched. */
export function mergeIntoSearch(currentSearch: string, state: AppState, mnist: MnistExperiment = defaultMnistExperiment()): string {
  const kept = new URLSearchParams(currentSearch);
  for (const key of [...kept.keys()]) if (OUR_KEYS.has(key)) kept.delete(key);
  const rest = kept.toString();
  const mine = serializePage(state, mnist);
  return `?${rest ? `${rest}&` : ''}${mine}`;
}
