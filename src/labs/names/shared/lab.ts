/**
 * The names lab's shared face: id, unit and its parameter table's operations (URL, validation,
 * reset-vs-live), pure, seen by both the worker and the page.
 */
import * as params from '../../params';
import type { LabShared } from '../../types';
import { namesEn } from '../i18n/en';
import { namesTable } from './params';
import { cloneNamesExperiment, defaultNamesExperiment, namesStudent, type NamesExperiment } from './schema';

export const namesShared: LabShared<NamesExperiment> = {
  id: 'names',
  order: 3,
  title: () => namesEn.title,
  // Progress in names (each a few characters): a step trains every student on `batchSize` names.
  unit: 'examples',
  defaults: defaultNamesExperiment,
  clone: cloneNamesExperiment,
  validate: (e) => params.validate(namesTable, e),
  validateKnobs: (patch) => params.validateKnobs(namesTable, patch),
  needsReset: (a, b) => params.needsReset(namesTable, a, b),
  liveChanges: (a, b) => params.liveChanges(namesTable, a, b),
  parse: (search) => params.parse(namesTable, search, defaultNamesExperiment()),
  serialize: (e) => params.serialize(namesTable, e),
  urlKeys: () => params.urlKeys(namesTable),
  table: namesTable,
  // Small students, one per teacher-using access level, few names per step.
  quick: () => {
    const e = defaultNamesExperiment();
    return { ...e, students: [namesStudent('topk', 3), namesStudent('text')], shape: { embed: 4, hidden: 16 }, knobs: { ...e.knobs, batchSize: 8 } };
  },
};
