import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { mnistLiveChanges, mnistNeedsReset, mnistTable, mnistUrlKeys, parseMnistParams, validateMnistExperiment, validateMnistKnobs } from '../../src/labs/mnist/shared/params';
import { limits, liveChanges, needsReset, optionsOf, parse, serialize, urlKeys, validate } from '../../src/labs/params';
import type { Problem } from '../../src/labs/problems';
import { parseToy2d, toy2dLiveChanges, toy2dNeedsReset, toy2dTable, toy2dUrlKeys, validateToy2dExperiment, validateToy2dKnobs } from '../../src/labs/toy2d/shared/params';
import { viewTable, viewUrlKeys } from '../../src/labs/view-params';
import { BATCH_SIZES, DEFAULT_KNOBS, LIMITS, defaultState, experimentOf } from '../../src/labs/toy2d/shared/schema';
import * as mnist from '../../src/labs/mnist/shared/schema';
import { parseLink } from '../../src/labs/page-url';

const toy2d = () => experimentOf(defaultState());

describe('parameter tables: links', () => {
  it('turns unusable values into codes with parameters', () => {
    const { problems } = parseToy2d('T=abc&dataset=mandelbrot&hidden=0&labelsOnly=maybe');
    expect(problems).toEqual<Problem[]>([
      { code: 'not-one-of', param: 'dataset', key: 'dataset', value: 'mandelbrot', options: ['spiral', 'moons', 'circles', 'clusters'], fallback: 'spiral' },
      { code: 'bad-layers', param: 'hidden', key: 'student.hidden', value: '0', layers: { min: 1, max: 3 }, units: { min: 2, max: 64 }, separator: ',', fallback: '16,16' },
      { code: 'out-of-range', param: 'T', key: 'knobs.temperature', value: 'abc', min: 1, max: 20, integer: false, fallback: '4' },
      { code: 'not-one-of', param: 'labelsOnly', key: 'labelsOnly', value: 'maybe', options: ['0', '1'], fallback: '1' },
    ]);
    // Codes cross the worker boundary: plain data only.
    expect(structuredClone(problems)).toEqual(problems);
  });

  it('reports MNIST students, digit lists and filters that keep nothing', () => {
    const bad = parseMnistParams('s1=800-kd&s2=junk&only=&n=50');
    expect(bad.experiment.students).toEqual([mnist.student([800], 'kd')]);
    expect(bad.problems.map((p) => p.code)).toEqual(['bad-student', 'out-of-range', 'bad-digits']);
    expect(bad.problems[0]).toMatchObject({ param: 's2', value: 'junk', index: 2, units: { min: 16, max: 800 }, k: { min: 1, max: 9 } });
    expect(bad.problems[0]!.fallback).toBeUndefined();
    expect(bad.problems[1]).toMatchObject({ param: 'n', min: 100, max: 10_000, integer: true, fallback: String(mnist.DEFAULT_TRANSFER_SIZE) });
    const none = parseMnistParams('ex=3&only=3');
    expect(none.problems).toEqual([{ code: 'no-digit-left', param: 'only', key: 'transfer', value: '3' }]);
    expect(none.experiment.transfer).toEqual({ size: mnist.DEFAULT_TRANSFER_SIZE, excludeDigits: [] });
    const preset = parseMnistParams('preset=mandelbrot');
    expect(preset.problems[0]).toMatchObject({ code: 'not-one-of', param: 'preset', options: mnist.PRESET_IDS });
  });

  it('a preset is the fallback for the keys that override it', () => {
    const { experiment, problems } = parseMnistParams('preset=small-student&T=99');
    expect(experiment.knobs.temperature).toBe(3);
    expect(problems[0]!.fallback).toBe('3');
  });

  it('writes every setting, hidden layers with readable commas', () => {
    const e = toy2d();
    e.student.hidden = [16, 8];
    expect(serialize(toy2dTable, e)).toBe('dataset=spiral&seed=1&hidden=16,8&act=relu&T=4&alpha=0.9&lr=0.01&batch=32&opt=adam&labelsOnly=1&labelled=15');
    expect(parse(toy2dTable, serialize(toy2dTable, e), toy2d()).experiment).toEqual(e);
  });

  it('a link that names every setting but a newer one (`absent`) means what it meant before', () => {
    const all = 'dataset=moons&seed=2&hidden=8&act=relu&T=8&alpha=0.9&lr=0.01&batch=32&opt=adam&labelsOnly=1';
    expect(parse(toy2dTable, all, toy2d()).experiment.labelled).toBe(600);
    expect(parse(toy2dTable, `${all}&labelled=30`, toy2d()).experiment.labelled).toBe(30);
    // A partial link, or none, takes the default like any other setting.
    expect(parse(toy2dTable, 'dataset=moons&T=8', toy2d()).experiment.labelled).toBe(toy2d().labelled);
    expect(parse(toy2dTable, '', toy2d()).experiment.labelled).toBe(toy2d().labelled);
  });

  it('knows every query name the old codecs used', () => {
    const oldToy2dKeys = ['lab', 'dataset', 'seed', 'hidden', 'act', 'T', 'alpha', 'lr', 'batch', 'opt', 'labelsOnly', 'backend', 'speed'];
    // `labelled` is the one key added since (issue #9); links without it keep their meaning (params-links.test.ts).
    expect(new Set([...viewUrlKeys(), ...toy2dUrlKeys()])).toEqual(new Set([...oldToy2dKeys, 'labelled']));
    const old = ['seed', 'n', 'ex', 'only', 'hl', 'T', 'alpha', 'lr', 'batch', 'opt', 'hm', 'hw', 'hs', 'bc', 'bs', 'preset'];
    expect(new Set(mnistUrlKeys())).toEqual(new Set([...old, 's1', 's2', 's3']));
    expect(urlKeys(viewTable(['toy2d', 'mnist', 'names']))).toEqual(['lab', 'backend', 'speed']);
    expect(parse(viewTable(['toy2d', 'names']), 'lab=names', { lab: 'toy2d', backend: 'auto', speed: 100 }).experiment.lab).toBe('names');
  });
});

describe('parameter tables: validation', () => {
  it('accepts the defaults and every preset', () => {
    expect(validateToy2dExperiment(toy2d())).toEqual([]);
    expect(validateMnistExperiment(mnist.defaultMnistExperiment())).toEqual([]);
    for (const p of mnist.PRESETS) expect(validateMnistExperiment(p.experiment), p.id).toEqual([]);
  });

  it('checks whole experiments', () => {
    const e = { ...toy2d(), dataset: 'mandelbrot', student: { hidden: [1, 99], activation: 'relu' } } as unknown as ReturnType<typeof toy2d>;
    expect(validateToy2dExperiment(e).map((p) => `${p.code}:${p.param}`)).toEqual(['not-one-of:dataset', 'bad-layers:hidden']);
    const m = mnist.defaultMnistExperiment();
    m.students = [mnist.student([5], 'kd', 'topk', 12)];
    m.transfer = { size: 10_000, excludeDigits: [12], onlyDigits: [12] };
    expect(validateMnistExperiment(m).map((p) => `${p.code}:${p.key}${p.index ? `#${p.index}` : ''}`)).toEqual([
      'out-of-range:students.units#1',
      'out-of-range:students.k#1',
      'bad-digits:transfer.excludeDigits',
      'bad-digits:transfer.onlyDigits',
    ]);
    // Rules across entries speak once each entry is valid: filters that leave no digit.
    m.students = [mnist.student([32], 'kd')];
    m.transfer = { size: 10_000, excludeDigits: [7], onlyDigits: [7] };
    expect(validateMnistExperiment(m).map((p) => `${p.code}:${p.key}`)).toEqual(['no-digit-left:transfer']);
    m.students = [];
    expect(validateMnistExperiment(m)[0]).toMatchObject({ code: 'out-of-range', key: 'students.count', value: '0', min: 1, max: 3 });
  });

  it('checks patches of live knobs, and only those', () => {
    expect(validateToy2dKnobs({ temperature: 50 })).toEqual([
      { code: 'out-of-range', param: 'T', key: 'knobs.temperature', value: '50', min: 1, max: 20, integer: false },
    ]);
    expect(validateToy2dKnobs({ batchSize: 33 })[0]).toMatchObject({ code: 'not-one-of', options: BATCH_SIZES.map(String) });
    expect(validateToy2dKnobs({ hintMode: 'nonsense', seed: -1 })).toEqual([]);
    expect(validateMnistKnobs({ hintMode: 'both', biasCorrection: 1 }).map((p) => p.param)).toEqual(['hm', 'bc']);
    expect(validateMnistKnobs({ ...mnist.DEFAULT_MNIST_KNOBS })).toEqual([]);
  });

  it('renders problems in plain English', () => {
    const sentence = (p: Problem) => en.problems.sentence(p);
    expect(validateMnistKnobs({ batchSize: 33 }).map(sentence)).toEqual(['Batch size must be one of 16, 32, 64, 100, 128, 256, got 33']);
    expect(sentence(validateMnistKnobs({ temperature: 50 })[0]!)).toMatch(/^Temperature must be a number from 1 to 20, got 50$/);
    const m = mnist.defaultMnistExperiment();
    m.students = [mnist.student([5], 'kd')];
    expect(validateMnistExperiment(m).map(sentence)).toEqual(['Student 1\u2019s layer size must be a whole number from 16 to 800, got 5']);
    const t = parseLink('T=abc').problems[0]!;
    expect(t).toMatchObject({ param: 'T', value: 'abc', fallback: '4' });
    expect(en.problems.expected(t)).toBe('a number from 1 to 20');
    expect(en.problems.expected(parseMnistParams('s2=junk').problems[0]!)).toMatch(/800\.800-kd-full/);
  });
});

describe('parameter tables: reset or live', () => {
  it('marks every knob live and nothing else', () => {
    const live = (t: typeof toy2dTable | typeof mnistTable) => t.entries.filter((e) => e.live).map((e) => e.key.replace('knobs.', ''));
    expect(live(toy2dTable).sort()).toEqual(Object.keys(DEFAULT_KNOBS).sort());
    expect(live(mnistTable).sort()).toEqual(Object.keys(mnist.DEFAULT_MNIST_KNOBS).sort());
  });

  it('tells a knob change from one that needs a fresh run', () => {
    const a = toy2d();
    const b = { ...a, knobs: { ...a.knobs, temperature: 3, optimizer: 'sgd' as const } };
    expect(needsReset(toy2dTable, a, b)).toBe(false);
    expect(toy2dLiveChanges(a, b)).toEqual({ temperature: 3, optimizer: 'sgd' });
    expect(liveChanges(toy2dTable, a, a)).toBeNull();
    const c = { ...a, student: { ...a.student, hidden: [16, 8] } };
    expect(needsReset(toy2dTable, a, c)).toBe(true);
    expect(toy2dNeedsReset(a, c)).toBe(true);
    expect(toy2dNeedsReset(a, b)).toBe(false);
    expect(toy2dNeedsReset(a, { ...a, seed: 2 })).toBe(true);
  });

  it('MNIST: students, transfer set and hint layer need a reset; knobs do not', () => {
    const a = mnist.defaultMnistExperiment();
    const knob = mnist.cloneMnistExperiment(a);
    knob.knobs.biasShift = 1;
    expect(mnistNeedsReset(a, knob)).toBe(false);
    expect(mnistLiveChanges(a, knob)).toEqual({ biasShift: 1 });
    for (const change of [
      (e: mnist.MnistExperiment) => (e.students[1]!.k = 5),
      (e: mnist.MnistExperiment) => (e.transfer.onlyDigits = [7, 8]),
      (e: mnist.MnistExperiment) => (e.hintLayer = 2),
      (e: mnist.MnistExperiment) => e.students.pop(),
    ]) {
      const b = mnist.cloneMnistExperiment(a);
      change(b);
      expect(mnistNeedsReset(a, b)).toBe(true);
    }
    // Key order does not matter, only values.
    const reordered = { ...a, students: a.students.map(({ k, access, objective, hidden }) => ({ k, access, objective, hidden })) };
    expect(mnistNeedsReset(a, reordered)).toBe(false);
  });
});

describe('parameter tables: controls and words', () => {
  it("gives the controls their limits from the lab's schema", () => {
    expect(limits(toy2dTable, 'knobs.temperature')).toBe(LIMITS.temperature);
    expect(limits(mnistTable, 'knobs.hintSteps')).toBe(mnist.MNIST_LIMITS.hintSteps);
    expect(optionsOf(toy2dTable, 'knobs.batchSize')).toBe(BATCH_SIZES);
    expect(() => limits(toy2dTable, 'dataset')).toThrow(RangeError);
    expect(validate(toy2dTable, toy2d())).toEqual([]);
  });

  it('renders every code in plain English', () => {
    const parsed = [
      ...parseToy2d('T=abc&dataset=x&hidden=0').problems,
      ...parseMnistParams('preset=x&s2=junk&ex=a&ex2=1&only=3&ex=3&hm=x&bc=2').problems,
      ...parseMnistParams('ex=3&only=3').problems,
    ];
    const codes = new Set(parsed.map((p) => p.code));
    expect(codes).toEqual(new Set(['out-of-range', 'not-one-of', 'bad-layers', 'bad-student', 'bad-digits', 'no-digit-left']));
    for (const p of parsed) {
      expect(en.problems.sentence(p)).not.toMatch(/undefined|\[object/);
      expect(en.problems.inLink(p)).toContain(`${p.param}=\u201c${p.value}\u201d`);
    }
    expect(en.problems.link(parseToy2d('T=abc').problems)).toBe(
      'Some settings in the link could not be used, so defaults were used instead: T=\u201cabc\u201d (expected a number from 1 to 20; using 4).',
    );
    expect(en.problems.sentence(validateMnistExperiment({ ...mnist.defaultMnistExperiment(), transfer: { size: 100, excludeDigits: [], onlyDigits: [] } })[0]!)).toBe(
      'The transfer set filters leave no digit',
    );
  });
});
