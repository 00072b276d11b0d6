/** The corpus in the shapes the run and the bench use: blocks, validation rows, name sets, the bigram baseline. Pure. */
import { nameBlocks, positionRows, type NameBlocks, type NamesCorpus } from './corpus';
import { bigramNll, bigramTable } from './lm-math';

export interface NamesData {
  corpus: NamesCorpus;
  train: NameBlocks;
  validation: { contexts: Int32Array; targets: Int32Array; rows: number };
  trainNames: ReadonlySet<string>;
  /** Validation and test names: held out from every model. */
  heldOutNames: ReadonlySet<string>;
  /** The bigram baseline (counts + 1 from the training names) on the validation names. */
  bigramValidationNll: number;
}

export function namesData(corpus: NamesCorpus): NamesData {
  const trainRows = positionRows(corpus.train);
  const validation = positionRows(corpus.validation);
  const table = bigramTable(trainRows.contexts, trainRows.targets);
  return {
    corpus,
    train: nameBlocks(corpus.train),
    validation,
    trainNames: new Set(corpus.train),
    heldOutNames: new Set([...corpus.validation, ...corpus.test]),
    bigramValidationNll: bigramNll(table, validation.contexts, validation.targets),
  };
}
