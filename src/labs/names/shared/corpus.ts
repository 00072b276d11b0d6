/**
 * The names corpus as the lab sees it: a 27-symbol alphabet (`.` marks both the start padding and
 * the end of a name, as in makemore), encoding, and the (context → next character) positions of a
 * name. Pure: the teacher script, the worker, the bench and the tests all share it.
 */

/** `.` then a–z: index 0 is the boundary symbol. */
export const ALPHABET = '.abcdefghijklmnopqrstuvwxyz';
export const VOCAB = ALPHABET.length;
export const BOUNDARY = 0;
/** Characters of context every model reads (the teacher was trained with this window). */
export const CONTEXT = 8;
/** The longest name in the corpus is 15 letters: 16 positions including the end mark. */
export const MAX_POSITIONS = 16;

/** A name only of a–z (lowercase). */
export function isNameText(text: string): boolean {
  return /^[a-z]+$/.test(text);
}

export function encode(name: string): number[] {
  return [...name].map((ch) => {
    const i = ALPHABET.indexOf(ch);
    if (i <= 0) throw new RangeError(`"${ch}" is not a letter a–z`);
    return i;
  });
}

export function decode(indices: Iterable<number>): string {
  let out = '';
  for (const i of indices) {
    if (i === BOUNDARY) break;
    out += ALPHABET[i] ?? '?';
  }
  return out;
}

/** The last `CONTEXT` symbols before position `t` of `codes` (start-padded with `.`). */
export function contextAt(codes: readonly number[], t: number, size = CONTEXT): number[] {
  const out = new Array<number>(size).fill(BOUNDARY);
  for (let j = 0; j < size; j++) {
    const src = t - size + j;
    if (src >= 0) out[j] = codes[src]!;
  }
  return out;
}

/** Positions a name contributes: one per letter plus the end mark. */
export function positionsOf(name: string): number {
  return name.length + 1;
}

/** Every (context, next symbol) of a list of names, as flat arrays: `contexts` is `rows × CONTEXT`. */
export function positionRows(names: readonly string[]): { contexts: Int32Array; targets: Int32Array; rows: number } {
  const rows = names.reduce((s, n) => s + positionsOf(n), 0);
  const contexts = new Int32Array(rows * CONTEXT);
  const targets = new Int32Array(rows);
  let r = 0;
  for (const name of names) {
    const codes = encode(name);
    for (let t = 0; t <= codes.length; t++) {
      contexts.set(contextAt(codes, t), r * CONTEXT);
      targets[r] = t < codes.length ? codes[t]! : BOUNDARY;
      r++;
    }
  }
  return { contexts, targets, rows };
}

/** The corpus file (models/names/data/names.json), derived by models/names/prepare-data.ts. */
export interface NamesCorpus {
  source: string;
  splitSeed: number;
  train: string[];
  validation: string[];
  test: string[];
}

/** Where a generated name stands: in the training list, in the held-out lists, or new. */
export type Novelty = 'train' | 'heldOut' | 'new';

export function noveltyOf(name: string, train: ReadonlySet<string>, heldOut: ReadonlySet<string>): Novelty {
  if (train.has(name)) return 'train';
  if (heldOut.has(name)) return 'heldOut';
  return 'new';
}

/** Shares (0–1) of `names` in each class; all 0 for no names. */
export function noveltyShares(names: readonly string[], train: ReadonlySet<string>, heldOut: ReadonlySet<string>): Record<Novelty, number> {
  const counts: Record<Novelty, number> = { train: 0, heldOut: 0, new: 0 };
  for (const n of names) counts[noveltyOf(n, train, heldOut)]++;
  const total = names.length || 1;
  return { train: counts.train / total, heldOut: counts.heldOut / total, new: counts.new / total };
}

/**
 * Names as fixed-size blocks of `MAX_POSITIONS` rows each (so every step has the same tensor
 * shapes): block n holds name n's positions, then padding rows of weight 0.
 */
export interface NameBlocks {
  count: number;
  /** `count × MAX_POSITIONS × CONTEXT`. */
  contexts: Int32Array;
  /** `count × MAX_POSITIONS`. */
  targets: Int32Array;
  /** `count × MAX_POSITIONS`: 1 on a name's positions, 0 on padding. */
  weights: Float32Array;
  /** Positions (letters + end mark) per name. */
  positions: Uint8Array;
}

export function nameBlocks(names: readonly string[]): NameBlocks {
  const count = names.length;
  const contexts = new Int32Array(count * MAX_POSITIONS * CONTEXT);
  const targets = new Int32Array(count * MAX_POSITIONS);
  const weights = new Float32Array(count * MAX_POSITIONS);
  const positions = new Uint8Array(count);
  names.forEach((name, n) => {
    const codes = encode(name);
    const rows = Math.min(positionsOf(name), MAX_POSITIONS);
    positions[n] = rows;
    for (let t = 0; t < rows; t++) {
      const r = n * MAX_POSITIONS + t;
      contexts.set(contextAt(codes, t), r * CONTEXT);
      targets[r] = t < codes.length ? codes[t]! : BOUNDARY;
      weights[r] = 1;
    }
  });
  return { count, contexts, targets, weights, positions };
}
