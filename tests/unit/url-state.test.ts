import { describe, expect, it } from 'vitest';
import { defaultState, type AppState } from '../../src/state/experiment';
import { mergeIntoSearch, parseUrlState, serializeUrlState } from '../../src/state/url-state';

describe('URL state', () => {
  it('an empty query gives the defaults and no problems', () => {
    const { state, problems } = parseUrlState('');
    expect(state).toEqual(defaultState());
    expect(problems).toEqual([]);
  });

  it('round-trips every setting', () => {
    const state: AppState = {
      lab: 'toy2d',
      dataset: 'clusters',
      seed: 42,
      student: { hidden: [32, 8, 4], activation: 'tanh' },
      knobs: { temperature: 7.5, alpha: 0.35, learningRate: 0.003, batchSize: 128, optimizer: 'sgd' },
      labelsOnly: false,
      backend: 'wasm',
      speed: 10,
    };
    const search = serializeUrlState(state);
    expect(search).toContain('hidden=32,8,4');
    const parsed = parseUrlState(search);
    expect(parsed.problems).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  it('falls back to defaults for malformed and out-of-range values, and says which', () => {
    const { state, problems } = parseUrlState(
      '?dataset=mandelbrot&T=abc&alpha=1.5&lr=-1&hidden=16,999&batch=33&opt=rmsprop&seed=1.5&speed=7&backend=tpu&labelsOnly=maybe&act=gelu',
    );
    const d = defaultState();
    expect(state).toEqual(d);
    expect(problems.map((p) => p.param).sort()).toEqual(
      ['T', 'act', 'alpha', 'backend', 'batch', 'dataset', 'hidden', 'labelsOnly', 'lr', 'opt', 'seed', 'speed'].sort(),
    );
    const t = problems.find((p) => p.param === 'T')!;
    expect(t.value).toBe('abc');
    expect(t.fallback).toBe(String(d.knobs.temperature));
    expect(t.expected).toMatch(/1 to 20/);
  });

  it('keeps the good values when some are bad', () => {
    const { state, problems } = parseUrlState('?dataset=moons&T=999&alpha=0.25');
    expect(state.dataset).toBe('moons');
    expect(state.knobs.alpha).toBe(0.25);
    expect(state.knobs.temperature).toBe(defaultState().knobs.temperature);
    expect(problems).toHaveLength(1);
  });

  it('rejects empty, too many and non-integer layer lists', () => {
    for (const hidden of ['', '1', '8,8,8,8', '8.5', '8,,8']) {
      const { problems } = parseUrlState(`?hidden=${hidden}`);
      expect(problems, hidden).toHaveLength(1);
    }
  });

  it('accepts speed=max as full speed', () => {
    expect(parseUrlState('?speed=max').state.speed).toBe(0);
  });

  it("keeps a host page's own parameters", () => {
    const search = mergeIntoSearch('?page=3&T=2', defaultState());
    expect(search.startsWith('?page=3&')).toBe(true);
    expect(new URLSearchParams(search).getAll('T')).toEqual([String(defaultState().knobs.temperature)]);
  });
});
