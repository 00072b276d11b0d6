/**
 * Trains the frozen 2-D teachers and writes them, in the tfjs layers format, with a model card each:
 *
 *   npm run train:teachers -- toy2d             # all four data sets
 *   npm run train:teachers -- toy2d spiral      # just one (or several)
 *   npm run train:teachers -- toy2d spiral --epochs=40 --lr=0.01 --wd=0.0001 --dry   # tuning, no files
 *   npx tsx models/toy2d/train-teacher.ts spiral --dry                                # the same, directly
 *
 * Deterministic: fixed initialiser seeds, data from the seeded generator, batches shuffled by our
 * own mulberry32 (never Math.random), one backend. Node has no tfjs-node here, so it runs on wasm
 * (falls back to cpu; `models/node-backend.ts`) and saves through `models/layers-format.ts`.
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffledIndices } from '../../src/shared/random';
import { mlpParameterCount } from '../../src/state/common';
import { DATASETS, DATASET_CLASSES, type DatasetName } from '../../src/labs/toy2d/shared/schema';
import {
  generateDataset,
  testSet,
  type Points2D,
} from '../../src/labs/toy2d/shared/datasets';
import { saveLayersModelToDir } from '../layers-format';
import { buildMlp, TOY2D_TEACHER_HIDDEN } from '../mlp';
import { selectNodeBackend } from '../node-backend';
import {
  TEACHER_DATA_SEED,
  TEACHER_HELD_OUT_OFFSET,
  TEACHER_HELD_OUT_SAMPLES,
  TEACHER_MODEL_SEED,
  TEACHER_SAMPLES,
  TEACHER_WEIGHTS_FILE,
  TOY2D_TEACHER_ARCHITECTURE,
  teacherDir,
  type ModelCard,
} from './teacher';

interface Recipe {
  epochs: number;
  learningRate: number;
  batchSize: number;
  weightDecay: number;
}

/**
 * Per data set. The L2 term keeps the logits moderate: soft targets from a teacher with margins of
 * 50 would be one-hot at any temperature a user picks.
 */
const RECIPES: Record<DatasetName, Recipe> = {
  spiral: { epochs: 60, learningRate: 0.01, batchSize: 64, weightDecay: 1e-4 },
  moons: { epochs: 30, learningRate: 0.01, batchSize: 64, weightDecay: 1e-4 },
  circles: { epochs: 30, learningRate: 0.01, batchSize: 64, weightDecay: 1e-4 },
  clusters: { epochs: 30, learningRate: 0.01, batchSize: 64, weightDecay: 1e-4 },
};
/** Cosine decay ends at this fraction of the starting learning rate. */
const FINAL_LR_FRACTION = 0.05;

/** Adam whose learning rate a schedule may change between steps (tfjs keeps the field protected). */
class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

interface Evaluation {
  accuracy: number;
  meanMaxProbability: number;
  meanLogitMargin: number;
  maxLogitMargin: number;
  loss: number;
}

async function evaluate(model: tf.LayersModel, data: Points2D): Promise<Evaluation> {
  const [correct, maxProb, margins, loss] = tf.tidy(() => {
    const x = tf.tensor2d(data.x, [data.count, 2]);
    const labels = tf.tensor1d(data.y, 'int32');
    const logits = model.predict(x) as tf.Tensor2D;
    const top2 = tf.topk(logits, 2).values;
    return [
      tf.equal(tf.argMax(logits, 1), labels).sum(),
      tf.softmax(logits).max(1).mean(),
      tf.sub(top2.slice([0, 0], [-1, 1]), top2.slice([0, 1], [-1, 1])).reshape([-1]),
      tf.losses.softmaxCrossEntropy(tf.oneHot(labels, data.classes), logits),
    ];
  });
  const [c, p, m, l] = await Promise.all([correct.data(), maxProb.data(), margins.data(), loss.data()]);
  tf.dispose([correct, maxProb, margins, loss]);
  let marginSum = 0;
  let marginMax = 0;
  for (const v of m) {
    marginSum += v;
    marginMax = Math.max(marginMax, v);
  }
  return {
    accuracy: c[0]! / data.count,
    meanMaxProbability: p[0]!,
    meanLogitMargin: marginSum / m.length,
    maxLogitMargin: marginMax,
    loss: l[0]!,
  };
}

interface Trained {
  model: tf.Sequential;
  epochs: number;
  steps: number;
  seconds: number;
}

async function train(name: DatasetName, data: Points2D, recipe: Recipe, verbose: boolean): Promise<Trained> {
  const classes = DATASET_CLASSES[name];
  const model = buildMlp({
    inputs: 2,
    hidden: TOY2D_TEACHER_HIDDEN,
    outputs: classes,
    activation: 'relu',
    seed: TEACHER_MODEL_SEED,
    name: `teacher_${name}`,
  });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read());
  const optimizer = new ScheduledAdam(recipe.learningRate, 0.9, 0.999, 1e-7);
  // A separate stream from the data's own, so reshuffling never depends on how many points were drawn.
  const rand = mulberry32(TEACHER_DATA_SEED ^ 0x5eed);
  const { batchSize } = recipe;
  const stepsPerEpoch = Math.ceil(data.count / batchSize);
  const totalSteps = recipe.epochs * stepsPerEpoch;
  const xb = new Float32Array(batchSize * 2);
  const yb = new Int32Array(batchSize);
  const start = performance.now();
  let step = 0;
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    const order = shuffledIndices(data.count, rand);
    for (let b = 0; b < stepsPerEpoch; b++) {
      const from = b * batchSize;
      const n = Math.min(batchSize, data.count - from);
      for (let i = 0; i < n; i++) {
        const k = order[from + i]!;
        xb[i * 2] = data.x[k * 2]!;
        xb[i * 2 + 1] = data.x[k * 2 + 1]!;
        yb[i] = data.y[k]!;
      }
      const progress = step / Math.max(1, totalSteps - 1);
      const cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
      optimizer.setLearningRate(recipe.learningRate * (FINAL_LR_FRACTION + (1 - FINAL_LR_FRACTION) * cosine));
      tf.tidy(() => {
        const x = tf.tensor2d(xb.subarray(0, n * 2), [n, 2]);
        const y = tf.oneHot(tf.tensor1d(yb.subarray(0, n), 'int32'), classes);
        optimizer.minimize(
          () => {
            const logits = model.apply(x, { training: true }) as tf.Tensor2D;
            const ce = tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
            if (recipe.weightDecay === 0) return ce;
            const l2 = tf.addN(kernels.map((k) => tf.sum(tf.square(k))));
            return tf.add(ce, tf.mul(recipe.weightDecay, l2)) as tf.Scalar;
          },
          false,
          variables,
        );
      });
      step++;
    }
    if (verbose && ((epoch + 1) % 10 === 0 || epoch === recipe.epochs - 1)) {
      const e = await evaluate(model, data);
      console.log(
        `  ${name} epoch ${epoch + 1}: loss ${e.loss.toFixed(4)}, train acc ${(e.accuracy * 100).toFixed(2)}%, ` +
          `mean max-p ${e.meanMaxProbability.toFixed(3)}, max margin ${e.maxLogitMargin.toFixed(1)}`,
      );
    }
  }
  optimizer.dispose();
  return { model, epochs: recipe.epochs, steps: step, seconds: (performance.now() - start) / 1000 };
}

/** Checks that the model reloaded from the bytes just written predicts exactly what was trained. */
async function verifyRoundTrip(model: tf.LayersModel, reloaded: tf.LayersModel, probe: Points2D, name: DatasetName): Promise<void> {
  const diff = tf.tidy(() => {
    const x = tf.tensor2d(probe.x, [probe.count, 2]);
    return tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, reloaded.predict(x) as tf.Tensor)));
  });
  const maxDiff = (await diff.data())[0]!;
  diff.dispose();
  if (!(maxDiff <= 1e-6)) throw new Error(`round-trip mismatch for ${teacherDir(name)}: max |Δlogit| = ${maxDiff}`);
}

interface Options {
  names: DatasetName[];
  dry: boolean;
  quiet: boolean;
  overrides: Partial<Recipe>;
}

function parseArgs(argv: string[]): Options {
  const names: DatasetName[] = [];
  const overrides: Partial<Recipe> = {};
  let dry = false;
  let quiet = false;
  for (const arg of argv) {
    const [flag, value] = arg.split('=');
    if ((DATASETS as readonly string[]).includes(arg)) names.push(arg as DatasetName);
    else if (arg === '--dry') dry = true;
    else if (arg === '--quiet') quiet = true;
    else if (flag === '--epochs') overrides.epochs = Number(value);
    else if (flag === '--lr') overrides.learningRate = Number(value);
    else if (flag === '--wd') overrides.weightDecay = Number(value);
    else if (flag === '--batch') overrides.batchSize = Number(value);
    else throw new Error(`unknown argument ${arg}; expected one of ${DATASETS.join(', ')} or --dry/--quiet/--epochs=/--lr=/--wd=/--batch=`);
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`bad value for ${k}: ${v}`);
  }
  return { names: names.length > 0 ? names : [...DATASETS], dry, quiet, overrides };
}

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const backend = await selectNodeBackend();
  console.log(`backend ${backend}, tfjs ${tf.version.tfjs}${options.dry ? ' (dry run: nothing written)' : ''}`);
  const rows: string[][] = [];
  for (const name of options.names) {
    const recipe = { ...RECIPES[name], ...options.overrides };
    const classes = DATASET_CLASSES[name];
    const data = generateDataset(name, TEACHER_SAMPLES, TEACHER_DATA_SEED);
    const studentTest = testSet(name, 1);
    const heldOut = generateDataset(name, TEACHER_HELD_OUT_SAMPLES, TEACHER_DATA_SEED + TEACHER_HELD_OUT_OFFSET);

    const before = tf.memory().numTensors;
    const trained = await train(name, data, recipe, !options.quiet);
    const [onTrain, onTest, onHeldOut] = [
      await evaluate(trained.model, data),
      await evaluate(trained.model, studentTest),
      await evaluate(trained.model, heldOut),
    ];
    rows.push([
      name,
      String(trained.epochs),
      String(trained.steps),
      trained.seconds.toFixed(1),
      pct(onTrain.accuracy),
      pct(onTest.accuracy),
      pct(onHeldOut.accuracy),
      onTest.meanMaxProbability.toFixed(3),
      onTest.meanLogitMargin.toFixed(1),
      onTest.maxLogitMargin.toFixed(1),
    ]);
    if (onTest.maxLogitMargin > 30) console.warn(`WARNING: ${name} teacher's logit margins reach ${onTest.maxLogitMargin.toFixed(1)}`);

    if (!options.dry) {
      // `teacherDir` is relative to `models/`, one folder up from here.
      const dir = new URL(`../${teacherDir(name)}/`, import.meta.url);
      const card: ModelCard = {
        name: `toy2d-${name}-teacher`,
        lab: 'toy2d',
        dataset: name,
        classes,
        architecture: TOY2D_TEACHER_ARCHITECTURE,
        parameters: mlpParameterCount(2, TOY2D_TEACHER_HIDDEN, classes),
        training: {
          dataSeed: TEACHER_DATA_SEED,
          modelSeed: TEACHER_MODEL_SEED,
          samples: TEACHER_SAMPLES,
          optimizer: 'adam (beta1 0.9, beta2 0.999, cosine learning-rate decay)',
          learningRate: recipe.learningRate,
          finalLearningRate: recipe.learningRate * FINAL_LR_FRACTION,
          epochs: trained.epochs,
          steps: trained.steps,
          batchSize: recipe.batchSize,
          weightDecay: recipe.weightDecay,
          seconds: Math.round(trained.seconds * 10) / 10,
        },
        trainAccuracy: round4(onTrain.accuracy),
        testAccuracy: round4(onTest.accuracy),
        heldOutAccuracy: round4(onHeldOut.accuracy),
        meanMaxProbability: round4(onTest.meanMaxProbability),
        meanLogitMargin: round4(onTest.meanLogitMargin),
        maxLogitMargin: round4(onTest.maxLogitMargin),
        backend,
        tfjsVersion: tf.version.tfjs,
        command: 'npm run train:teachers',
        createdAt: new Date().toISOString(),
      };
      await saveLayersModelToDir(trained.model, dir, {
        card,
        verify: (reloaded) => verifyRoundTrip(trained.model, reloaded, studentTest, name),
      });
      console.log(`  wrote ${fileURLToPath(dir)} (model.json, ${TEACHER_WEIGHTS_FILE}, model-card.json; round-trip ok)`);
    }
    trained.model.dispose();
    const leaked = tf.memory().numTensors - before;
    if (leaked !== 0) console.warn(`WARNING: ${leaked} tensors leaked while training ${name}`);
  }

  const header = ['data set', 'epochs', 'steps', 'seconds', 'train acc', 'test acc', 'held-out', 'mean max-p', 'mean margin', 'max margin'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

await main();
