/**
 * The names lab's teacher: its shape, folder and model card type, shared by the browser worker and
 * the Node scripts. Pure: no fs, no tfjs.
 */

export const NAMES_TEACHER_EMBED = 16;
export const NAMES_TEACHER_HIDDEN = [256] as const;
export const NAMES_TEACHER_SEED = 3;
export const NAMES_TEACHER_DIR = 'names/teacher';

export interface NamesSplitFigures {
  /** Mean negative log-likelihood, nats per character (the end mark counts as a character). */
  nll: number;
  perplexity: number;
  /** Characters (positions) measured. */
  positions: number;
}

/** What `models/names/teacher/model-card.json` holds. */
export interface NamesModelCard {
  name: string;
  lab: 'names';
  architecture: string;
  parameters: number;
  context: number;
  vocabulary: number;
  corpus: string;
  training: {
    optimizer: string;
    learningRate: number;
    finalLearningRate: number;
    steps: number;
    batchSize: number;
    weightDecay: number;
    /** Step of the kept weights: the best validation NLL seen at the checkpoints. */
    keptStep: number;
    seconds: number;
  };
  teacher: { train: NamesSplitFigures; validation: NamesSplitFigures; test: NamesSplitFigures };
  /** Bigram counts + 1 (makemore's smoothing) from the same training split. */
  bigram: { train: NamesSplitFigures; validation: NamesSplitFigures; test: NamesSplitFigures };
  /** bigram − teacher validation NLL. */
  marginOverBigram: number;
  backend: string;
  tfjsVersion: string;
  command: string;
  createdAt: string;
}
