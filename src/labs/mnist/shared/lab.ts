/**
 * The MNIST lab's shared face: id, unit and its parameter table's operations (URL with presets,
 * validation, reset-vs-live), pure, seen by both the worker and the page.
 */
import { cloneMnistExperiment, defaultMnistExperiment, student, type MnistExperiment } from './schema';
import * as params from '../../params';
import type { LabShared } from '../../types';
import { mnistEn } from '../i18n/en';
import { mnistTable } from './params';

export const mnistShared: LabShared<MnistExperiment> = {
  id: 'mnist',
  order: 2,
  title: () => mnistEn.title,
  unit: 'examples',
  defaults: defaultMnistExperiment,
  clone: cloneMnistExperiment,
  validate: (e) => params.validate(mnistTable, e),
  validateKnobs: (patch) => params.validateKnobs(mnistTable, patch),
  needsReset: (a, b) => params.needsReset(mnistTable, a, b),
  liveChanges: (a, b) => params.liveChanges(mnistTable, a, b),
  parse: (search) => params.parse(mnistTable, search, defaultMnistExperiment()),
  serialize: (e) => params.serialize(mnistTable, e),
  urlKeys: () => params.urlKeys(mnistTable),
  table: mnistTable,
  // The 2×1200 teacher stays; one 32-unit layer per student and 500 transfer images keep steps cheap.
  quick: () => {
    const e = defaultMnistExperiment();
    return {
      ...e,
      students: [student([32], 'labels'), student([32], 'kd', 'topk', 3)],
      transfer: { size: 500, excludeDigits: [3] },
      knobs: { ...e.knobs, batchSize: 32, learningRate: 0.003 },
    };
  },
};
