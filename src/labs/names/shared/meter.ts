/**
 * The access meter: what a student has asked the teacher and what it would have cost through an
 * API. One query is one name, scored (the teacher's distribution or top-k at each of its
 * positions) or generated; one token is one character scored or generated, the end mark included
 * (a real tokenizer would merge letters: a simplification the page states). A distiller caches
 * what it has paid for, so a name scored once is never billed again. Pure.
 */

export interface MeterReading {
  queries: number;
  tokens: number;
  /** Dollars at the meter's price per million tokens. */
  bill: number;
}

export function billFor(tokens: number, pricePerMillion: number): number {
  return (tokens * pricePerMillion) / 1e6;
}

export class QueryMeter {
  queries = 0;
  tokens = 0;
  private readonly scored: Uint8Array;

  /** `catalogue`: how many distinct names can be scored (the training list). */
  constructor(catalogue = 0) {
    this.scored = new Uint8Array(catalogue);
  }

  /** Name `index` (of `positions` characters) scored; billed only the first time. */
  score(index: number, positions: number): void {
    if (this.scored[index]) return;
    this.scored[index] = 1;
    this.queries += 1;
    this.tokens += positions;
  }

  /** `names` generated, `tokens` characters in all: every generation is a new query. */
  generate(names: number, tokens: number): void {
    this.queries += names;
    this.tokens += tokens;
  }

  reading(pricePerMillion: number): MeterReading {
    return { queries: this.queries, tokens: this.tokens, bill: billFor(this.tokens, pricePerMillion) };
  }
}
