/** The names lab's measures against hand-computed values: NLL, perplexity, KL, the bigram baseline, the meter. */
import { describe, expect, it } from 'vitest';
import { CONTEXT, positionRows } from '../../src/labs/names/shared/corpus';
import { bigramNll, bigramTable, kl, meanNll, perplexity, sampleIndex, softmax } from '../../src/labs/names/shared/lm-math';
import { QueryMeter, billFor } from '../../src/labs/names/shared/meter';
import { meterRows } from '../../src/labs/names/client/view-data';

describe('NLL, perplexity and KL', () => {
  it('mean NLL of hand-made distributions', () => {
    // Row 1 gives the target 1/2, row 2 gives it 1/4: (ln 2 + ln 4) / 2 = 1.5 ln 2.
    const probs = [0.5, 0.25, 0.25, 0.25, 0.5, 0.25];
    expect(meanNll(probs, [0, 0], 3)).toBeCloseTo(1.5 * Math.LN2, 12);
    expect(meanNll(probs, [0, 0], 3)).toBeCloseTo(1.0397208, 6);
  });

  it('perplexity is exp(NLL): a uniform model over 27 symbols has perplexity 27', () => {
    expect(perplexity(Math.log(27))).toBeCloseTo(27, 10);
    expect(perplexity(Math.LN2)).toBeCloseTo(2, 12);
    expect(perplexity(0)).toBe(1);
  });

  it('KL(p ‖ q) by hand; 0 for equal distributions; p = 0 terms add nothing', () => {
    // 0.5 ln(0.5/0.25) + 0.5 ln(0.5/0.75) = 0.5 ln 2 + 0.5 ln(2/3)
    expect(kl([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.5 * Math.LN2 + 0.5 * Math.log(2 / 3), 12);
    expect(kl([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.1438410, 6);
    expect(kl([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
    expect(kl([0, 1], [0.5, 0.5])).toBeCloseTo(Math.LN2, 12);
    expect(kl([0.5, 0.5], [1, 0])).toBe(Infinity);
  });

  it('softmax at a temperature', () => {
    const p = softmax([Math.log(3), 0]);
    expect(p[0]).toBeCloseTo(0.75, 12);
    // At T = 2 the logits halve: √3 : 1.
    const q = softmax([Math.log(3), 0], 2);
    expect(q[0]).toBeCloseTo(Math.sqrt(3) / (Math.sqrt(3) + 1), 12);
  });
});

describe('the bigram baseline', () => {
  it('counts + 1 on the names "ab" and "b", by hand', () => {
    const rows = positionRows(['ab', 'b']);
    // Positions: (., a) (a, b) (b, .) and (., b) (b, .).
    expect(rows.rows).toBe(5);
    const table = bigramTable(rows.contexts, rows.targets);
    // After ".": a once, b once, +1 each of 27 → a: 2/29.
    expect(table[0 * 27 + 1]).toBeCloseTo(2 / 29, 12);
    // After "b": end twice → 3/29; after "a": b once → 2/28.
    expect(table[2 * 27 + 0]).toBeCloseTo(3 / 29, 12);
    expect(table[1 * 27 + 2]).toBeCloseTo(2 / 28, 12);
    const nll = bigramNll(table, rows.contexts, rows.targets);
    const byHand = -(Math.log(2 / 29) + Math.log(2 / 28) + Math.log(3 / 29) + Math.log(2 / 29) + Math.log(3 / 29)) / 5;
    expect(nll).toBeCloseTo(byHand, 12);
    expect(rows.contexts.length).toBe(5 * CONTEXT);
  });
});

describe('sampling an index', () => {
  it('inverts the cumulative sum at u, sharpened or flattened by the temperature', () => {
    const p = [0.5, 0.25, 0.25];
    expect(sampleIndex(p, 1, 0)).toBe(0);
    expect(sampleIndex(p, 1, 0.49)).toBe(0);
    expect(sampleIndex(p, 1, 0.5)).toBe(1);
    expect(sampleIndex(p, 1, 0.99)).toBe(2);
    // At τ = 0.5 the weights square: 0.25 : 0.0625 : 0.0625 → the first takes 2/3.
    expect(sampleIndex(p, 0.5, 0.66)).toBe(0);
    expect(sampleIndex(p, 0.5, 0.67)).toBe(1);
    expect(sampleIndex([0, 1, 0], 1, 0.9999999)).toBe(1);
  });
});

describe('the query meter', () => {
  it('bills a scored name once, every generated name, at the price per million', () => {
    const m = new QueryMeter(3);
    m.score(0, 5);
    m.score(1, 7);
    m.score(0, 5);
    expect(m.reading(0.6)).toEqual({ queries: 2, tokens: 12, bill: (12 * 0.6) / 1e6 });
    m.generate(4, 30);
    expect(m.queries).toBe(6);
    expect(m.tokens).toBe(42);
    expect(billFor(1_000_000, 0.6)).toBeCloseTo(0.6, 12);
    expect(billFor(2_500_000, 2)).toBe(5);
    expect(new QueryMeter().reading(10)).toEqual({ queries: 0, tokens: 0, bill: 0 });
  });

  it('the meter rows: dollars per nat gained over the bigram, none without a bill or a gain', () => {
    const student = (nll: number, tokens: number) => ({
      access: 'full' as const,
      k: 5,
      trainLoss: 1,
      validation: { nll, perplexity: Math.exp(nll), kl: 0.1 },
      meter: { queries: 1, tokens, bill: billFor(tokens, 1) },
      samples: [],
      novelty: { train: 0, heldOut: 0, new: 1 },
    });
    const rows = meterRows({ bigram: { nll: 2.5, perplexity: Math.exp(2.5) }, students: [student(2.0, 1000), student(2.6, 1000), student(2.2, 0)] });
    expect(rows[0]!.billPerNat).toBeCloseTo(0.001 / 0.5, 12);
    expect(rows[1]!.billPerNat).toBeNull();
    expect(rows[2]!.billPerNat).toBeNull();
    expect(rows[0]!.perplexity).toBeCloseTo(Math.exp(2), 12);
  });
});
