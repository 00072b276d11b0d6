/** The CartPole lab's shared face: id, unit and its parameter table's operations. Pure. */
import * as params from '../../params';
import type { LabShared } from '../../types';
import { cartpoleEn } from '../i18n/en';
import { cartpoleTable } from './params';
import { cloneCartpole, defaultCartpoleExperiment, type CartpoleExperiment } from './schema';

export const cartpoleShared: LabShared<CartpoleExperiment> = {
  id: 'cartpole',
  order: 4,
  title: () => cartpoleEn.title,
  unit: 'environment steps',
  defaults: defaultCartpoleExperiment,
  clone: cloneCartpole,
  validate: (e) => params.validate(cartpoleTable, e),
  validateKnobs: (patch) => params.validateKnobs(cartpoleTable, patch),
  needsReset: (a, b) => params.needsReset(cartpoleTable, a, b),
  liveChanges: (a, b) => params.liveChanges(cartpoleTable, a, b),
  parse: (search) => params.parse(cartpoleTable, search, defaultCartpoleExperiment()),
  serialize: (e) => params.serialize(cartpoleTable, e),
  urlKeys: () => params.urlKeys(cartpoleTable),
  table: cartpoleTable,
  // The smallest update: a few steps take milliseconds on the cpu backend.
  quick: () => {
    const e = defaultCartpoleExperiment();
    return { ...e, student: { hidden: [8], activation: 'tanh' }, knobs: { ...e.knobs, batchSize: 128 } };
  },
};
