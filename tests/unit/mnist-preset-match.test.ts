import { describe, expect, it } from 'vitest';
import {
  isDefaultExperiment,
  matchingPreset,
  sameExperiment,
} from '../../src/labs/mnist/client/distill-mnist-controls/preset-match';
import { cloneMnistExperiment, defaultMnistExperiment, paperBaseExperiment, PRESETS, presetById } from '../../src/labs/mnist/shared/schema';

describe('which preset an experiment is', () => {
  it('every preset matches itself, and nothing else', () => {
    for (const p of PRESETS) expect(matchingPreset(cloneMnistExperiment(p.experiment))?.id).toBe(p.id);
  });

  it('the default experiment (a first look, issue #9) is no preset; the paper base is the Hinton preset', () => {
    expect(isDefaultExperiment(defaultMnistExperiment())).toBe(true);
    expect(matchingPreset(defaultMnistExperiment())).toBeUndefined();
    expect(matchingPreset(paperBaseExperiment())?.id).toBe('hinton');
    expect(defaultMnistExperiment().students.map((s) => s.objective)).toEqual(['labels', 'kd']);
  });

  it('any change makes it match no preset; list order and key order do not matter', () => {
    const e = cloneMnistExperiment(presetById('hinton')!.experiment);
    e.knobs.temperature = 4;
    expect(matchingPreset(e)).toBeUndefined();
    const seed = cloneMnistExperiment(presetById('hinton')!.experiment);
    seed.seed = 2;
    expect(matchingPreset(seed)).toBeUndefined();
    expect(isDefaultExperiment(seed)).toBe(false);
    const a = cloneMnistExperiment(presetById('no-threes')!.experiment);
    a.transfer.excludeDigits = [3, 5];
    const b = cloneMnistExperiment(a);
    b.transfer.excludeDigits = [5, 3];
    b.knobs = Object.fromEntries(Object.entries(b.knobs).reverse()) as typeof b.knobs;
    expect(sameExperiment(a, b)).toBe(true);
  });
});
