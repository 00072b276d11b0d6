/**
 * The MNIST teacher's training recipe (models/mnist/train-teacher.ts): seeds, targets, the
 * default hyperparameters and the two gradient paths.
 */

export const CLASSES = 10;
export const MODEL_SEED = 1200;
export const DATA_SEED = 20_150_309; // the distillation paper's arXiv date
export const DROPOUT_SEED = 4242;
export const TARGET_ERROR = 0.015;
export const FINAL_LR_FRACTION = 0.02;

export interface Recipe {
  epochs: number;
  learningRate: number;
  batchSize: number;
  dropout: number;
  inputDropout: number;
  jitter: number;
  maxMinutes: number;
}

export const DEFAULT_RECIPE: Recipe = {
  epochs: 20,
  learningRate: 1e-3,
  batchSize: 256,
  dropout: 0.3,
  inputDropout: 0,
  jitter: 2,
  maxMinutes: 24,
};

export type GradientPath = 'custom' | 'builtin';
