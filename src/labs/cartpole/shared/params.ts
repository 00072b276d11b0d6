/**
 * The CartPole lab's parameter table: every setting, its URL name, its range or options, and
 * whether it is live. Ranges come from ./schema.ts.
 */
import { ACTIVATIONS, OPTIMIZERS } from '../../../state/common';
import * as engine from '../../params';
import type { Problem } from '../../problems';
import { LIMITS, STATE_SOURCES, STEPS_PER_UPDATE, type CartpoleExperiment } from './schema';

/** `hidden=16,8`: 1–3 layer sizes of 2–64 units. */
function hiddenCodec(): engine.Codec<number[]> {
  const bad = {
    code: 'bad-layers',
    layers: { min: LIMITS.hiddenLayers.min, max: LIMITS.hiddenLayers.max },
    units: { min: LIMITS.units.min, max: LIMITS.units.max },
    separator: ',',
  } as const;
  const ok = (v: unknown): v is number[] =>
    Array.isArray(v) && engine.numberOk(v.length, LIMITS.hiddenLayers, true) && v.every((u) => engine.numberOk(u, LIMITS.units, true));
  return engine.tokenCodec<number[]>({
    parse: (raw) => {
      const units = raw.trim() === '' ? [] : raw.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
      return ok(units) ? units : undefined;
    },
    format: (v) => v.join(','),
    problem: () => bad,
    validate: (v, entry): Problem[] => (ok(v) ? [] : [{ ...bad, param: entry.url, key: entry.key, value: Array.isArray(v) ? v.join(',') : String(v) }]),
  });
}

export const cartpoleTable: engine.ParamTable<CartpoleExperiment> = {
  entries: [
    { key: 'seed', url: 'seed', kind: 'number', range: LIMITS.seed, integer: true },
    { key: 'student.hidden', url: 'hidden', kind: 'custom', codec: hiddenCodec() },
    { key: 'student.activation', url: 'act', kind: 'enum', options: ACTIVATIONS },
    { key: 'knobs.states', url: 'states', kind: 'enum', options: STATE_SOURCES, live: true },
    { key: 'knobs.temperature', url: 'T', kind: 'number', range: LIMITS.temperature, live: true },
    { key: 'knobs.learningRate', url: 'lr', kind: 'number', range: LIMITS.learningRate, live: true },
    { key: 'knobs.batchSize', url: 'batch', kind: 'enum', options: STEPS_PER_UPDATE, live: true },
    { key: 'knobs.optimizer', url: 'opt', kind: 'enum', options: OPTIMIZERS, live: true },
  ],
};
