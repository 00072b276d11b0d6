/**
 * The 2-D lab's shared face: id, unit and its parameter table's operations (URL, validation,
 * reset-vs-live), pure, seen by both the worker and the page.
 */
import { experimentOf, defaultState, type ExperimentConfig } from './schema';
import * as params from '../../params';
import type { LabShared } from '../../types';
import { toy2dEn } from '../i18n/en';
import { toy2dTable } from './params';

function clone(e: ExperimentConfig): ExperimentConfig {
  return { ...e, student: { ...e.student, hidden: [...e.student.hidden] }, knobs: { ...e.knobs } };
}

export const toy2dShared: LabShared<ExperimentConfig> = {
  id: 'toy2d',
  order: 1,
  title: () => toy2dEn.title,
  unit: 'examples',
  defaults: () => experimentOf(defaultState()),
  clone,
  validate: (e) => params.validate(toy2dTable, e),
  validateKnobs: (patch) => params.validateKnobs(toy2dTable, patch),
  needsReset: (a, b) => params.needsReset(toy2dTable, a, b),
  liveChanges: (a, b) => params.liveChanges(toy2dTable, a, b),
  parse: (search) => params.parse(toy2dTable, search, experimentOf(defaultState())),
  serialize: (e) => params.serialize(toy2dTable, e),
  urlKeys: () => params.urlKeys(toy2dTable),
  table: toy2dTable,
  // One small hidden layer: the defaults are already quick on the cpu backend.
  quick: () => {
    const e = experimentOf(defaultState());
    return { ...e, student: { ...e.student, hidden: [8] } };
  },
};
