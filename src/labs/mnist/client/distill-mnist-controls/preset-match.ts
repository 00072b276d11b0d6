/**
 * Which preset an experiment is, when nobody said: a fresh load carries no preset id, yet its
 * default experiment may be exactly one of the presets. Pure, so vitest checks it.
 */
import { defaultMnistExperiment, type MnistExperiment, type MnistPreset, PRESETS } from '../../shared/schema';

const sorted = (xs: readonly number[] | undefined): string => (xs ? [...xs].sort((a, b) => a - b).join(',') : '');

/** The experiment in a canonical form: key order, digit-list order and absent lists do not matter. */
function canonical(e: MnistExperiment): string {
  const knobs = Object.keys(e.knobs)
    .sort()
    .map((k) => [k, e.knobs[k as keyof typeof e.knobs]]);
  return JSON.stringify([
    e.seed,
    e.hintLayer,
    e.students.map((s) => [s.hidden, s.objective, s.access, s.k]),
    e.transfer.size,
    sorted(e.transfer.excludeDigits),
    e.transfer.onlyDigits ? sorted(e.transfer.onlyDigits) : null,
    knobs,
  ]);
}

/** Whether two experiments define the same run with the same knobs. */
export function sameExperiment(a: MnistExperiment, b: MnistExperiment): boolean {
  return canonical(a) === canonical(b);
}

/** The preset whose experiment `e` is, if any. */
export function matchingPreset(e: MnistExperiment): MnistPreset | undefined {
  return PRESETS.find((p) => sameExperiment(p.experiment, e));
}

/** Whether `e` is the lab's default experiment. */
export function isDefaultExperiment(e: MnistExperiment): boolean {
  return sameExperiment(defaultMnistExperiment(), e);
}
