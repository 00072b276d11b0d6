/**
 * The 2-D lab's parameter table: every setting of a run, its URL name, range or options and
 * whether it is live. Ranges and options come from the schema (./schema.ts), so each
 * is stated once; defaults come from the lab's default experiment.
 */
import { OPTIMIZERS } from '../../../state/common';
import { ACTIVATIONS, BATCH_SIZES, DATASETS, DEFAULT_STATE, LIMITS, type ExperimentConfig } from './schema';
import * as engine from '../../params';
import type { Problem } from '../../problems';

/** What the table covers: the 2-D experiment without its lab tag (the page's state has these fields too). */
export type Toy2dSettings = Omit<ExperimentConfig, 'lab'>;


/** URL names and order are today's (links written before the table still open the same run). */
export const toy2dTable: engine.ParamTable<Toy2dSettings> = {
  entries: [
    { key: 'dataset', url: 'dataset', kind: 'enum', options: DATASETS },
    { key: 'seed', url: 'seed', kind: 'number', range: LIMITS.seed, integer: true },
    { key: 'student.hidden', url: 'hidden', kind: 'custom', codec: engine.layersCodec(LIMITS.hiddenLayers, LIMITS.units) },
    { key: 'student.activation', url: 'act', kind: 'enum', options: ACTIVATIONS },
    { key: 'knobs.temperature', url: 'T', kind: 'number', range: LIMITS.temperature, live: true },
    { key: 'knobs.alpha', url: 'alpha', kind: 'number', range: LIMITS.alpha, live: true },
    { key: 'knobs.learningRate', url: 'lr', kind: 'number', range: LIMITS.learningRate, live: true },
    { key: 'knobs.batchSize', url: 'batch', kind: 'enum', options: BATCH_SIZES, live: true },
    { key: 'knobs.optimizer', url: 'opt', kind: 'enum', options: OPTIMIZERS, live: true },
    { key: 'labelsOnly', url: 'labelsOnly', kind: 'boolean' },
    // Links from before this setting labelled every point.
    { key: 'labelled', url: 'labelled', kind: 'number', range: LIMITS.labelled, integer: true, absent: LIMITS.labelled.max },
  ],
};

export function defaultToy2dExperiment(): ExperimentConfig {
  const { dataset, seed, student, knobs, labelsOnly, labelled } = DEFAULT_STATE;
  return { lab: 'toy2d', dataset, seed, student: { ...student, hidden: [...student.hidden] }, knobs: { ...knobs }, labelsOnly, labelled };
}

/** The 2-D experiment in a link, on top of `base` (the lab's defaults, or the page's state). */
export function parseToy2d<E extends Toy2dSettings = ExperimentConfig>(
  search: URLSearchParams | string,
  base: E = defaultToy2dExperiment() as unknown as E,
): { experiment: E; problems: Problem[] } {
  return engine.parse(toy2dTable, search, base);
}

export function serializeToy2d(e: Toy2dSettings): string {
  return engine.serialize(toy2dTable, e);
}

/** For the worker: what keeps this experiment from running (empty when it can). */
export function validateToy2dExperiment(e: Toy2dSettings): Problem[] {
  return engine.validate(toy2dTable, e);
}

/** For the worker's `configure`: problems with a patch of live knobs (`{ temperature: 50 }`). */
export function validateToy2dKnobs(patch: Readonly<Record<string, unknown>>): Problem[] {
  return engine.validateKnobs(toy2dTable, patch);
}

export function toy2dNeedsReset(a: Toy2dSettings, b: Toy2dSettings): boolean {
  return engine.needsReset(toy2dTable, a, b);
}

export function toy2dLiveChanges(a: Toy2dSettings, b: Toy2dSettings): Record<string, unknown> | null {
  return engine.liveChanges(toy2dTable, a, b);
}

export function toy2dUrlKeys(): string[] {
  return engine.urlKeys(toy2dTable);
}
