/**
 * MNIST teacher constants, paths and model-card type, shared by the browser worker and the Node
 * scripts. Pure: no fs, no tfjs.
 */
import { MNIST_PIXELS } from '../../src/labs/mnist/shared/schema';

/** Defined once, in the lab's schema; re-exported for the training scripts. */
export { MNIST_PIXELS };

export const MNIST_TEACHER_HIDDEN = [1200, 1200] as const;
export const MNIST_TEACHER_ARCHITECTURE = '784 → 1200 → 1200 → 10, ReLU, dropout after each hidden layer, logits';
/** Layer names: `hidden1`, `hidden2` (ReLU outputs, usable as hint layers) and `logits`. */
export const MNIST_TEACHER_LAYERS = { hidden1: 'hidden1', hidden2: 'hidden2', logits: 'logits' } as const;

/** Folder of the MNIST teacher the lab ships (quantized, `quantize-teacher.ts`), relative to `models/`. */
export const MNIST_TEACHER_DIR = 'mnist/teacher';
/** Folder of the float32 teacher `train-teacher.ts` writes, the quantized one's source. */
export const MNIST_TEACHER_FLOAT_DIR = 'mnist/teacher-float32';
/** The quantized weights, gzip-compressed: what the browser fetches (and inflates). */
export const MNIST_TEACHER_GZIP_FILE = 'weights.bin.gz';
export const MNIST_TEACHER_MODEL_PATH = `${MNIST_TEACHER_DIR}/model.json`;
export const MNIST_TEACHER_CARD_PATH = `${MNIST_TEACHER_DIR}/model-card.json`;
export const MNIST_TEACHER_WEIGHTS_FILE = 'weights.bin';

/** The teacher reads pixels scaled to [0, 1]: `pixel / 255`, no mean subtraction. */
export const MNIST_INPUT_SCALE = 1 / 255;

export interface MnistTeacherTraining {
  /** Seeds the weight initialisers. */
  modelSeed: number;
  /** Seeds the mulberry32 stream that shuffles the batches and draws the jitter. */
  dataSeed: number;
  /** Base of the per-step dropout seeds (`dropoutSeed + step · 2 + layer`). */
  dropoutSeed: number;
  trainImages: number;
  optimizer: string;
  learningRate: number;
  finalLearningRate: number;
  schedule: string;
  epochs: number;
  steps: number;
  batchSize: number;
  dropout: number;
  inputDropout: number;
  /** Each training image is shifted by a uniform integer (dx, dy) in [−jitter, jitter]², zero-filled. */
  jitterPixels: number;
  weightDecay: number;
  gradientPath: string;
  seconds: number;
}

/** What `models/mnist/teacher/model-card.json` holds. */
export interface MnistTeacherCard {
  name: string;
  lab: 'mnist';
  architecture: string;
  layers: { hidden: readonly number[]; names: readonly string[]; activation: 'relu'; output: 'logits' };
  parameters: number;
  input: string;
  data: string;
  training: MnistTeacherTraining;
  /** On all 60,000 training images, unjittered, dropout off. */
  trainError: number;
  trainErrors: number;
  /** On the 10,000 official test images. */
  testError: number;
  testErrors: number;
  testImages: number;
  /** Mean over the test set of the largest softmax probability (T = 1). */
  meanMaxProbability: number;
  /** Mean over the test set of the largest logit minus the runner-up. */
  meanLogitMargin: number;
  maxLogitMargin: number;
  /** Test error after each epoch, in order. */
  history: { epoch: number; seconds: number; trainLoss: number; testErrors: number }[];
  backend: string;
  tfjsVersion: string;
  /** The shipped teacher's quantization (absent on the float32 card); its errors above are the quantized ones. */
  quantization?: MnistTeacherQuantization;
  command: string;
  createdAt: string;
}

export interface MnistTeacherQuantization {
  scheme: string;
  source: string;
  floatTestErrors: number;
  floatTrainErrors: number;
  /** Bytes of `weights.bin` (uint8) and of `weights.bin.gz`. */
  weightBytes: number;
  gzipBytes: number;
  /** Share of test images where quantized and float teacher pick the same digit. */
  top1AgreementWithFloat: number;
  meanAbsLogitDifference: number;
  backend: string;
  command: string;
}

export function mnistTeacherParameterCount(): number {
  const sizes = [MNIST_PIXELS, ...MNIST_TEACHER_HIDDEN, 10];
  let n = 0;
  for (let i = 1; i < sizes.length; i++) n += sizes[i - 1]! * sizes[i]! + sizes[i]!;
  return n;
}
