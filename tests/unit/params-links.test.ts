/**
 * Every link that worked before the parameter tables opens the same experiment (issue #8, point 8).
 * links-today.json was written by running the hand-written codecs (src/state/url-state.ts and
 * parseMnist as of commit 0d0c0e4) over the links below: the experiment each opened, the
 * parameters it reported as unusable, and the link the old code wrote back for it.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { parseLink, writeLink } from '../../src/labs/page-url';
import { toy2dShared } from '../../src/labs/toy2d/shared/lab';
import type { ExperimentConfig } from '../../src/labs/toy2d/shared/schema';
import today from './links-today.json';
import { parse as parseTable } from '../../src/labs/params';
import { mnistTable } from '../../src/labs/mnist/shared/params';
import { defaultMnistExperiment, paperBaseExperiment, presetById } from '../../src/labs/mnist/shared/schema';

/** Every URL key of the MNIST table: a link that names them all does not depend on the defaults. */
const MNIST_KEYS = ['seed', 'n', 'ex', 'only', 'hl', 'T', 'alpha', 'lr', 'batch', 'opt', 'hm', 'hw', 'hs', 'bc', 'bs', 's1', 's2', 's3'];

/**
 * The MNIST lab's default changed (issue #9: a first look that teaches, not the Hinton preset):
 * a partial MNIST link now builds on the new default, so it is checked against the defaults it
 * was written with (the paper base), where it opens exactly the captured experiment.
 */
function mnistAgainstOldDefaults(link: string): unknown {
  const params = new URLSearchParams(link);
  return parseTable(mnistTable, params, paperBaseExperiment()).experiment;
}

/** A link read by the page, in the shape the old code returned: the 2-D state with the view, and MNIST's experiment. */
function parsePage(link: string) {
  const page = parseLink(link);
  const toy = (page.lab === 'toy2d' ? page.experiment : toy2dShared.defaults()) as ExperimentConfig;
  // `labelled` came after these links: checked on its own below (labelledFor).
  const { lab: _lab, labelled, ...rest } = toy;
  return {
    page,
    labelled,
    state: { ...rest, lab: page.lab, ...page.view },
    mnist: page.lab === 'mnist' ? page.experiment : undefined,
    problems: page.problems,
  };
}

interface Captured {
  link: string;
  state: Record<string, unknown>;
  mnist?: Record<string, unknown>;
  problems: string[];
  /** What the old code wrote for it; absent where that did not read back the same (a labels student's access). */
  serialized?: string;
}

const links = today as Captured[];

/** Every URL key of the 2-D lab's table before `labelled` existed. */
const OLD_TOY2D_KEYS = ['dataset', 'seed', 'hidden', 'act', 'T', 'alpha', 'lr', 'batch', 'opt', 'labelsOnly'];

/**
 * The one deliberate change (issue #9): the 2-D lab's default labels 15 points. A link the app
 * wrote (every setting named) keeps meaning every point labelled; a partial link takes the default.
 */
function labelledFor(link: string): number {
  const params = new URLSearchParams(link);
  const toy2d = (params.get('lab') ?? 'toy2d') === 'toy2d';
  return toy2d && OLD_TOY2D_KEYS.every((k) => params.has(k)) ? 600 : (toy2dShared.defaults() as ExperimentConfig).labelled;
}

/**
 * Deliberate differences, each reading a link the old code refused: `bc=true` (the 2-D lab's
 * `labelsOnly=true` always worked; every boolean now reads `true` / `false` as well as 1 / 0).
 */
const WIDENED: Record<string, { mnist: Record<string, unknown>; problems: string[] }> = {
  '?lab=mnist&T=abc&hm=2&bc=true&hl=3&n=50&n2=3&hs=10.5&batch=100&opt=rmsprop': {
    mnist: { knobs: { biasCorrection: true } },
    problems: ['T=abc', 'hl=3', 'hs=10.5', 'n=50', 'opt=rmsprop'],
  },
};

function merged<T extends Record<string, unknown>>(base: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(patch)) {
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? merged((out[k] ?? {}) as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out as T;
}

describe("today's links", () => {
  it('cover both labs, presets and malformed values', () => {
    expect(links.length).toBeGreaterThan(50);
    for (const bit of ['preset=no-threes', 'T=abc', 'dataset=mandelbrot', 'hidden=0', 's2=junk', 'only=&', 'ex=0123456789', 'speed=max']) {
      expect(links.some((l) => `${l.link}&`.includes(bit)), bit).toBe(true);
    }
  });

  it.each(links.map((l) => [l.link || '(empty)', l] as const))('%s opens the same experiment', (_, captured) => {
    const page = parsePage(captured.link);
    const widened = WIDENED[captured.link];
    expect(page.state).toEqual(captured.state);
    expect(page.labelled).toBe(labelledFor(captured.link));
    if (captured.mnist) {
      const expected = widened ? merged(captured.mnist, widened.mnist) : captured.mnist;
      const params = new URLSearchParams(captured.link);
      const complete = presetById(params.get('preset') ?? '') !== undefined || MNIST_KEYS.every((k) => params.has(k));
      expect(complete ? page.mnist : mnistAgainstOldDefaults(captured.link)).toEqual(expected);
      if (!complete) expect(page.mnist).toEqual(parseTable(mnistTable, params, defaultMnistExperiment()).experiment);
    }
    expect(page.problems.map((p) => `${p.param}=${p.value}`).sort()).toEqual([...(widened?.problems ?? captured.problems)].sort());
    for (const p of page.problems) expect(en.problems.expected(p), p.param).not.toBe('');
  });

  it.each(links.filter((l) => l.serialized).map((l) => [l.link || '(empty)', l] as const))(
    'the link the old code wrote for %s still opens it',
    (_, captured) => {
      const page = parsePage(captured.serialized!);
      expect(page.problems).toEqual([]);
      expect(page.state).toEqual(captured.state);
      if (captured.state.lab === 'toy2d') expect(page.labelled).toBe(600);
      if (captured.mnist) expect(page.mnist).toEqual(captured.mnist);
    },
  );

  it.each(links.map((l) => [l.link || '(empty)', l] as const))('serialize(parse(%s)) is stable', (_, captured) => {
    const first = parsePage(captured.link);
    const written = writeLink(first.page.lab, first.page.view, first.page.experiment);
    const again = parsePage(written);
    expect(again.problems).toEqual([]);
    expect(again.state).toEqual(first.state);
    if (first.state.lab === 'mnist') expect(again.mnist).toEqual(first.mnist);
    expect(writeLink(again.page.lab, again.page.view, again.page.experiment)).toBe(written);
  });
});
