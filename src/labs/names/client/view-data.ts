/**
 * The numbers behind the names lab's views: distributions at a temperature for the bars, the
 * prefix box's reading of what was typed, and the meter's rows. Pure (no DOM).
 */
import { ALPHABET } from '../shared/corpus';
import { isPrefix } from '../shared/schema';
import type { NamesReadout } from '../shared/readouts';

/** p^(1/T), renormalised: what a model's distribution looks like softened at T. */
export function atTemperature(p: ArrayLike<number>, temperature: number): Float32Array {
  const out = new Float32Array(p.length);
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]! > 0 ? Math.pow(p[i]!, 1 / temperature) : 0;
    out[i] = v;
    total += v;
  }
  if (total > 0) for (let i = 0; i < out.length; i++) out[i]! /= total;
  return out;
}

/** The bars' class labels: "end" for the boundary mark, then a–z. */
export function characterLabels(end: string): string[] {
  return [...ALPHABET].map((c, i) => (i === 0 ? end : c));
}

/** What the prefix box makes of typed text: lowercased and trimmed, or null when it cannot be a prefix. */
export function readPrefix(typed: string): string | null {
  const text = typed.trim().toLowerCase();
  return isPrefix(text) ? text : null;
}

export interface MeterRow {
  index: number;
  access: NamesReadout['students'][number]['access'];
  k: number;
  queries: number;
  tokens: number;
  bill: number;
  nll: number;
  perplexity: number;
  kl: number;
  /** Dollars per nat per character gained over the bigram baseline; null for no gain or no bill. */
  billPerNat: number | null;
}

export function meterRows(r: Pick<NamesReadout, 'students' | 'bigram'>): MeterRow[] {
  return r.students.map((s, index) => {
    const gain = r.bigram.nll - s.validation.nll;
    return {
      index,
      access: s.access,
      k: s.k,
      queries: s.meter.queries,
      tokens: s.meter.tokens,
      bill: s.meter.bill,
      nll: s.validation.nll,
      perplexity: s.validation.perplexity,
      kl: s.validation.kl,
      billPerNat: s.meter.bill > 0 && gain > 0 ? s.meter.bill / gain : null,
    };
  });
}

/** A bill in dollars, with enough digits to see a fraction of a cent. */
export function formatDollars(x: number): string {
  if (!Number.isFinite(x)) return '\u2014';
  if (x === 0) return '$0';
  if (x < 0.01) return `$${x.toPrecision(2)}`;
  return `$${x.toFixed(2)}`;
}
