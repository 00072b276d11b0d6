/**
 * Teacher constants, paths and the model-card type, shared by the browser worker and the Node
 * scripts. Pure: no fs, no tfjs, so the browser bundle can import it freely.
 */
import type { DatasetName } from '../../src/labs/toy2d/shared/schema';

/**
 * Seed of the teacher's own training sample. Far from the student seeds users pick (1–999 999 in
 * the UI; the test stream adds 1 000 003), so the teacher never trains on a student's points.
 */
export const TEACHER_DATA_SEED = 424_242;
/** Seeds the teacher's weight initialisers (through `buildMlp`). */
export const TEACHER_MODEL_SEED = 7;
/** Points in the teacher's training sample: larger than the student's 600. */
export const TEACHER_SAMPLES = 4000;
/** Points in the teacher's held-out sample, drawn with `TEACHER_DATA_SEED + TEACHER_HELD_OUT_OFFSET`. */
export const TEACHER_HELD_OUT_SAMPLES = 2000;
export const TEACHER_HELD_OUT_OFFSET = 7;

export const TOY2D_TEACHER_ARCHITECTURE = '2 → 64 → 64 → K, ReLU, logits';

export interface TeacherTraining {
  dataSeed: number;
  modelSeed: number;
  samples: number;
  optimizer: string;
  learningRate: number;
  /** Learning rate at the end of training (cosine decay from `learningRate`). */
  finalLearningRate: number;
  epochs: number;
  steps: number;
  batchSize: number;
  /** L2 coefficient on the kernels, added to the loss (`weightDecay · Σ w²`). */
  weightDecay: number;
  seconds: number;
}

/** What `models/toy2d/<name>/model-card.json` holds. */
export interface ModelCard {
  name: string;
  lab: 'toy2d';
  dataset: DatasetName;
  classes: number;
  architecture: string;
  parameters: number;
  training: TeacherTraining;
  trainAccuracy: number;
  /** On the student's default test set, `testSet(dataset, 1)`. */
  testAccuracy: number;
  /** On `generateDataset(dataset, TEACHER_HELD_OUT_SAMPLES, TEACHER_DATA_SEED + TEACHER_HELD_OUT_OFFSET)`. */
  heldOutAccuracy: number;
  /** Mean over the student's test set of the teacher's largest softmax probability (T = 1). */
  meanMaxProbability: number;
  /** Mean over the student's test set of the largest logit minus the runner-up. */
  meanLogitMargin: number;
  maxLogitMargin: number;
  backend: string;
  tfjsVersion: string;
  command: string;
  createdAt: string;
}

/** Folder of a 2-D teacher, relative to `models/`. */
export function teacherDir(name: DatasetName): string {
  return `toy2d/${name}`;
}

/** Path of a 2-D teacher's `model.json`, relative to `models/`: what `tf.loadLayersModel` wants. */
export function teacherModelPath(name: DatasetName): string {
  return `${teacherDir(name)}/model.json`;
}

export function teacherCardPath(name: DatasetName): string {
  return `${teacherDir(name)}/model-card.json`;
}

export const TEACHER_WEIGHTS_FILE = 'weights.bin';
