/**
 * The CartPole lab's parameter table: every setting, its URL name, its range or options, and
 * whether it is live. Ranges come from ./schema.ts.
 */
import { ACTIVATIONS, OPTIMIZERS } from '../../../state/common';
import * as engine from '../../params';
import { LIMITS, STATE_SOURCES, STEPS_PER_UPDATE, type CartpoleExperiment } from './schema';


export const cartpoleTable: engine.ParamTable<CartpoleExperiment> = {
  entries: [
    { key: 'seed', url: 'seed', kind: 'number', range: LIMITS.seed, integer: true },
    { key: 'student.hidden', url: 'hidden', kind: 'custom', codec: engine.layersCodec(LIMITS.hiddenLayers, LIMITS.units) },
    { key: 'student.activation', url: 'act', kind: 'enum', options: ACTIVATIONS },
    { key: 'knobs.states', url: 'states', kind: 'enum', options: STATE_SOURCES, live: true },
    { key: 'knobs.temperature', url: 'T', kind: 'number', range: LIMITS.temperature, live: true },
    { key: 'knobs.learningRate', url: 'lr', kind: 'number', range: LIMITS.learningRate, live: true },
    { key: 'knobs.batchSize', url: 'batch', kind: 'enum', options: STEPS_PER_UPDATE, live: true },
    { key: 'knobs.optimizer', url: 'opt', kind: 'enum', options: OPTIMIZERS, live: true },
  ],
};
