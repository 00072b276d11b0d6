/**
 * The MNIST teacher's model and training loop: the seeded 784 → 1200 → 1200 → 10 net, Adam with a
 * per-step cosine learning-rate schedule, one training step, and the epochs (shuffled, jittered
 * batches; test error after each epoch; optional early stops).
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffledIndices } from '../../src/shared/random';
import type { MnistSet } from './dataset';
import { MNIST_PIXELS, MNIST_TEACHER_HIDDEN, MNIST_TEACHER_LAYERS, mnistTeacherParameterCount, type MnistTeacherCard } from './teacher';
import { fillBatch } from './train-data';
import { trainingLogits } from './train-dense';
import { type Evaluation, evaluateSet, pct, round4 } from './train-evaluate';
import { CLASSES, DATA_SEED, FINAL_LR_FRACTION, type GradientPath, MODEL_SEED, type Recipe, TARGET_ERROR } from './train-recipe';

/** Adam whose learning rate a schedule may change between steps (tfjs keeps the field protected). */
export class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

export function buildMnistTeacher(dropout: number, inputDropout: number): tf.Sequential {
  const model = tf.sequential({ name: 'mnist_teacher' });
  if (inputDropout > 0) model.add(tf.layers.dropout({ rate: inputDropout, inputShape: [MNIST_PIXELS], name: 'input_dropout' }));
  MNIST_TEACHER_HIDDEN.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        inputShape: i === 0 && inputDropout === 0 ? [MNIST_PIXELS] : undefined,
        kernelInitializer: tf.initializers.heUniform({ seed: MODEL_SEED * 101 + i }),
        biasInitializer: 'zeros',
        name: `hidden${i + 1}`,
      }),
    );
    model.add(tf.layers.dropout({ rate: dropout, name: `dropout${i + 1}` }));
  });
  model.add(
    tf.layers.dense({
      units: CLASSES,
      kernelInitializer: tf.initializers.glorotUniform({ seed: MODEL_SEED * 101 + 99 }),
      biasInitializer: 'zeros',
      name: MNIST_TEACHER_LAYERS.logits,
    }),
  );
  return model;
}

export function stepOnce(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  x: Float32Array,
  y: Int32Array,
  n: number,
  recipe: Recipe,
  path: GradientPath,
  step: number,
): tf.Scalar {
  return tf.tidy(() => {
    const xs = tf.tensor2d(x.subarray(0, n * MNIST_PIXELS), [n, MNIST_PIXELS]);
    const ys = tf.oneHot(tf.tensor1d(y.subarray(0, n), 'int32'), CLASSES);
    return optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(ys, trainingLogits(model, xs, recipe, path, step)) as tf.Scalar,
      true,
      variables,
    )!;
  });
}

export interface TrainingRun {
  model: tf.Sequential;
  history: MnistTeacherCard['history'];
  /** Training steps taken. */
  steps: number;
  epochsRun: number;
  /** The test set's evaluation after the last epoch run (null when none ran). */
  lastTest: Evaluation | null;
  seconds: number;
}

/** Trains a fresh teacher for up to `recipe.epochs` epochs; the caller owns (and disposes) the model. */
export async function trainTeacher(
  train: MnistSet,
  test: MnistSet,
  { recipe, path, stopAtTarget }: { recipe: Recipe; path: GradientPath; stopAtTarget: boolean },
): Promise<TrainingRun> {
  const model = buildMnistTeacher(recipe.dropout, recipe.inputDropout);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = new ScheduledAdam(recipe.learningRate, 0.9, 0.999, 1e-7);
  const rand = mulberry32(DATA_SEED);
  const { batchSize } = recipe;
  const stepsPerEpoch = Math.ceil(train.count / batchSize);
  const totalSteps = recipe.epochs * stepsPerEpoch;
  const x = new Float32Array(batchSize * MNIST_PIXELS);
  const y = new Int32Array(batchSize);
  const history: MnistTeacherCard['history'] = [];
  console.log(
    `recipe: ${JSON.stringify(recipe)}, ${path} gradients, ${stepsPerEpoch} steps/epoch, ` +
      `${mnistTeacherParameterCount()} parameters`,
  );
  const start = performance.now();
  let step = 0;
  let epochsRun = 0;
  let lastTest: Evaluation | null = null;
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    const order = shuffledIndices(train.count, rand);
    let lossSum = 0;
    let lossCount = 0;
    const pending: tf.Scalar[] = [];
    for (let b = 0; b < stepsPerEpoch; b++) {
      const from = b * batchSize;
      const n = Math.min(batchSize, train.count - from);
      fillBatch(train, order, from, n, recipe.jitter, rand, x, y);
      const progress = step / Math.max(1, totalSteps - 1);
      const cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
      optimizer.setLearningRate(recipe.learningRate * (FINAL_LR_FRACTION + (1 - FINAL_LR_FRACTION) * cosine));
      pending.push(stepOnce(model, optimizer, variables, x, y, n, recipe, path, step));
      step++;
      if (pending.length >= 50 || b === stepsPerEpoch - 1) {
        for (const loss of pending) lossSum += (await loss.data())[0]!;
        lossCount += pending.length;
        tf.dispose(pending);
        pending.length = 0;
      }
    }
    epochsRun = epoch + 1;
    lastTest = await evaluateSet(model, test);
    const seconds = (performance.now() - start) / 1000;
    const trainLoss = lossSum / lossCount;
    history.push({ epoch: epochsRun, seconds: Math.round(seconds), trainLoss: round4(trainLoss), testErrors: lastTest.errors });
    console.log(
      `epoch ${String(epochsRun).padStart(2)}/${recipe.epochs}  ${seconds.toFixed(0).padStart(5)} s  ` +
        `train loss ${trainLoss.toFixed(4)}  test error ${pct(lastTest.errors, test.count)} (${lastTest.errors}/${test.count})`,
    );
    if (stopAtTarget && lastTest.errors / test.count <= TARGET_ERROR) {
      console.log('target reached: stopping');
      break;
    }
    if (seconds > recipe.maxMinutes * 60 && epochsRun < recipe.epochs) {
      console.warn(`WARNING: past ${recipe.maxMinutes} min: stopping after epoch ${epochsRun} of ${recipe.epochs}`);
      break;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  optimizer.dispose();
  return { model, history, steps: step, epochsRun, lastTest, seconds };
}
