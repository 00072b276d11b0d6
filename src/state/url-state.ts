/**
 * The experiment in the URL, TF Playground style: every setting is a query parameter, so a link
 * reopens the exact experiment. Parsing never throws: a malformed or out-of-range value falls back
 * to its default, and the caller gets a readable list of what was ignored to show the user.
 * Wrappers over the parameter tables (src/labs/view-params.ts and each lab's `shared/params.ts`),
 * kept while callers move over to them.
 */
import { msg } from '../i18n';
import { mnistUrlKeys, parseMnistParams, serializeMnistParams } from '../labs/mnist/shared/params';
import type { Problem } from '../labs/problems';
import { parseToy2d, serializeToy2d, toy2dUrlKeys } from '../labs/toy2d/shared/params';
import { parseView, serializeView, viewUrlKeys } from '../labs/view-params';
import { defaultState, type AppState } from './experiment';
import { defaultMnistExperiment, type MnistExperiment } from './mnist';

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

/** One value that could not be used, in words a user can act on (and as a code, `problem`). */
export interface UrlProblem {
  param: string;
  value: string;
  expected: string;
  fallback: string;
  /** The same problem as a code with parameters (render it with `msg.problems`). */
  problem: Problem;
}

export interface ParsedUrlState {
  state: AppState;
  problems: UrlProblem[];
}

/** The old readable shape of a problem, rendered from its code through i18n. */
function readable(p: Problem): UrlProblem {
  return { param: p.param, value: p.value, expected: msg.problems.expected(p), fallback: msg.problems.fallback(p), problem: p };
}

/** The page's view settings and the 2-D lab's experiment, read by their two tables. */
function parseToy2dPage(params: URLSearchParams): { state: AppState; problems: Problem[] } {
  const view = parseView(params, defaultState());
  const lab = parseToy2d(params, view.experiment);
  return { state: lab.experiment, problems: [...view.problems, ...lab.problems] };
}

/** Reads the experiment from a query string (with or without the leading "?"). */
export function parseUrlState(search: string): ParsedUrlState {
  const { state, problems } = parseToy2dPage(new URLSearchParams(search));
  return { state, problems: problems.map(readable) };
}

/** Writes every setting, so a link stays exact even if the defaults change later. */
export function serializeUrlState(state: AppState): string {
  return `${serializeView(state)}&${serializeToy2d(state)}`;
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
  if (params.get(PARAMS.lab) !== 'mnist') return { ...parseUrlState(search), mnist: defaultMnistExperiment() };
  const view = parseView(params, defaultState());
  const lab = parseMnistParams(params);
  return { state: view.experiment, mnist: lab.experiment, problems: [...view.problems, ...lab.problems].map(readable) };
}

export function serializePage(state: AppState, mnist: MnistExperiment): string {
  if (state.lab !== 'mnist') return serializeUrlState(state);
  return `${serializeView(state)}&${serializeMnistParams(mnist)}`;
}

const OUR_KEYS = new Set<string>([...viewUrlKeys(), ...toy2dUrlKeys(), ...mnistUrlKeys()]);

/** Keeps parameters that are not ours (an embedding page's own query) untouched. */
export function mergeIntoSearch(currentSearch: string, state: AppState, mnist: MnistExperiment = defaultMnistExperiment()): string {
  const kept = new URLSearchParams(currentSearch);
  for (const key of [...kept.keys()]) if (OUR_KEYS.has(key)) kept.delete(key);
  const rest = kept.toString();
  const mine = serializePage(state, mnist);
  return `?${rest ? `${rest}&` : ''}${mine}`;
}
