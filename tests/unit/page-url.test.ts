/** A page link: the lab shown, the view settings and that lab's experiment (moved from url-state.test.ts). */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { mergeLink, parseLink, writeLink } from '../../src/labs/page-url';
import { toy2dShared } from '../../src/labs/toy2d/shared/lab';
import type { ExperimentConfig } from '../../src/labs/toy2d/shared/schema';

const defaults = () => toy2dShared.defaults() as ExperimentConfig;

describe('page links', () => {
  it('an empty query gives the first lab, its defaults and no problems', () => {
    const link = parseLink('');
    expect(link.lab).toBe('toy2d');
    expect(link.view).toEqual({ backend: 'auto', speed: 100 });
    expect(link.experiment).toEqual(defaults());
    expect(link.problems).toEqual([]);
  });

  it('round-trips every setting', () => {
    const e: ExperimentConfig = {
      lab: 'toy2d',
      dataset: 'clusters',
      seed: 42,
      student: { hidden: [32, 8, 4], activation: 'tanh' },
      knobs: { temperature: 7.5, alpha: 0.35, learningRate: 0.003, batchSize: 128, optimizer: 'sgd' },
      labelsOnly: false,
      labelled: 45,
    };
    const search = writeLink('toy2d', { backend: 'wasm', speed: 10 }, e);
    expect(search).toContain('hidden=32,8,4');
    const parsed = parseLink(search);
    expect(parsed.problems).toEqual([]);
    expect(parsed.experiment).toEqual(e);
    expect(parsed.view).toEqual({ backend: 'wasm', speed: 10 });
  });

  it('falls back to defaults for malformed and out-of-range values, and says which', () => {
    const link = parseLink(
      '?dataset=mandelbrot&T=abc&alpha=1.5&lr=-1&hidden=16,999&batch=33&opt=rmsprop&seed=1.5&speed=7&backend=tpu&labelsOnly=maybe&act=gelu',
    );
    const d = defaults();
    // It names every setting the app wrote before `labelled` existed, so it means every point labelled.
    expect(link.experiment).toEqual({ ...d, labelled: 600 });
    expect(link.view).toEqual({ backend: 'auto', speed: 100 });
    expect(link.problems.map((p) => p.param).sort()).toEqual(
      ['T', 'act', 'alpha', 'backend', 'batch', 'dataset', 'hidden', 'labelsOnly', 'lr', 'opt', 'seed', 'speed'].sort(),
    );
    const t = link.problems.find((p) => p.param === 'T')!;
    expect(t.value).toBe('abc');
    expect(t.fallback).toBe(String(d.knobs.temperature));
    expect(en.problems.expected(t)).toMatch(/1 to 20/);
  });

  it('keeps the good values when some are bad', () => {
    const link = parseLink('?dataset=moons&T=999&alpha=0.25');
    const e = link.experiment as ExperimentConfig;
    expect(e.dataset).toBe('moons');
    expect(e.knobs.alpha).toBe(0.25);
    expect(e.knobs.temperature).toBe(defaults().knobs.temperature);
    expect(link.problems).toHaveLength(1);
  });

  it('rejects empty, too many and non-integer layer lists', () => {
    for (const hidden of ['', '1', '8,8,8,8', '8.5', '8,,8']) {
      expect(parseLink(`?hidden=${hidden}`).problems, hidden).toHaveLength(1);
    }
  });

  it('accepts speed=max as full speed', () => {
    expect(parseLink('?speed=max').view.speed).toBe(0);
  });

  it('an unknown lab falls back to the first, and says so', () => {
    const link = parseLink('?lab=quantum');
    expect(link.lab).toBe('toy2d');
    expect(link.problems.map((p) => `${p.code}:${p.param}`)).toEqual(['not-one-of:lab']);
  });

  it("reads only the shown lab's keys, and keeps the preset a link names", () => {
    const link = parseLink('?lab=mnist&preset=no-threes&dataset=mandelbrot');
    expect(link.lab).toBe('mnist');
    expect(link.preset).toBe('no-threes');
    expect(link.problems).toEqual([]);
    expect(parseLink('?lab=mnist&preset=nope').preset).toBeNull();
  });

  it("keeps a host page's own parameters", () => {
    const search = mergeLink('?page=3&T=2', 'toy2d', { backend: 'auto', speed: 100 }, defaults());
    expect(search.startsWith('?page=3&')).toBe(true);
    expect(new URLSearchParams(search).getAll('T')).toEqual([String(defaults().knobs.temperature)]);
  });
});
