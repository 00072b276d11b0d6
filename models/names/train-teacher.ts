/**
 * Trains the names lab's teacher and writes it, in the tfjs layers format, with its model card:
 *
 *   npm run train:teachers -- names                          # the committed teacher (~5–8 min, one core)
 *   npm run train:teachers -- names --steps=2000 --dry       # tuning, no files written
 *
 * A makemore-style MLP (models/names/network.ts): 8 characters of context, a 16-wide shared
 * embedding, one tanh layer of 256, 27 logits. Adam with cosine decay on random batches of
 * positions from the training split, an L2 penalty of 1e-4 on the kernels; the weights kept are those of the checkpoint with the best
 * validation NLL. Deterministic: seeded initialisers and our own mulberry32 for the batches.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { CONTEXT, VOCAB, positionRows, type NamesCorpus } from '../../src/labs/names/shared/corpus';
import { bigramNll, bigramTable, perplexity } from '../../src/labs/names/shared/lm-math';
import { mulberry32 } from '../../src/shared/random';
import { saveLayersModelToDir } from '../layers-format';
import { selectNodeBackend } from '../node-backend';
import { buildNamesNet, namesNetParameters, oneHotContexts } from './network';
import { NAMES_TEACHER_DIR, NAMES_TEACHER_EMBED, NAMES_TEACHER_HIDDEN, NAMES_TEACHER_SEED, type NamesModelCard, type NamesSplitFigures } from './teacher';

const flags = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v] = a.slice(2).split('=');
      return [k!, v ?? 'true'];
    }),
);
const STEPS = Number(flags.steps ?? 8000);
const BATCH = Number(flags.batch ?? 256);
const LR = Number(flags.lr ?? 0.003);
const FINAL_LR = LR * 0.02;
const WEIGHT_DECAY = Number(flags.wd ?? 1e-4);
const CHECK_EVERY = 500;
const DRY = flags.dry === 'true';

class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

type Rows = ReturnType<typeof positionRows>;

async function nllOf(model: tf.LayersModel, rows: Rows): Promise<number> {
  const t = tf.tidy(() => {
    const x = oneHotContexts(tf.tensor2d(rows.contexts, [rows.rows, CONTEXT], 'int32'));
    const y = tf.oneHot(tf.tensor1d(rows.targets, 'int32'), VOCAB);
    return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(model.apply(x) as tf.Tensor2D)), 1)));
  });
  const v = (await t.data())[0]!;
  t.dispose();
  return v;
}

const figures = (nll: number, rows: Rows): NamesSplitFigures => ({ nll, perplexity: perplexity(nll), positions: rows.rows });

async function main(): Promise<void> {
  const backend = await selectNodeBackend();
  const corpus = JSON.parse(readFileSync(new URL('./data/names.json', import.meta.url), 'utf8')) as NamesCorpus;
  const train = positionRows(corpus.train);
  const validation = positionRows(corpus.validation);
  const test = positionRows(corpus.test);
  const table = bigramTable(train.contexts, train.targets);
  const bigram = {
    train: figures(bigramNll(table, train.contexts, train.targets), train),
    validation: figures(bigramNll(table, validation.contexts, validation.targets), validation),
    test: figures(bigramNll(table, test.contexts, test.targets), test),
  };
  console.log(`positions: train ${train.rows}, validation ${validation.rows}, test ${test.rows}; bigram validation NLL ${bigram.validation.nll.toFixed(4)}`);

  const spec = { embed: NAMES_TEACHER_EMBED, hidden: NAMES_TEACHER_HIDDEN, seed: NAMES_TEACHER_SEED, name: 'names_teacher' };
  const model = buildNamesNet(spec);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = variables.filter((v) => v.shape.length > 1);
  const optimizer = new ScheduledAdam(LR, 0.9, 0.999, 1e-7);
  const rand = mulberry32(NAMES_TEACHER_SEED * 7919 + 11);
  let best = { nll: Infinity, step: 0, weights: [] as tf.Tensor[] };
  const started = Date.now();
  for (let step = 1; step <= STEPS; step++) {
    const cx = new Int32Array(BATCH * CONTEXT);
    const cy = new Int32Array(BATCH);
    for (let b = 0; b < BATCH; b++) {
      const r = Math.floor(rand() * train.rows);
      cx.set(train.contexts.subarray(r * CONTEXT, (r + 1) * CONTEXT), b * CONTEXT);
      cy[b] = train.targets[r]!;
    }
    optimizer.setLearningRate(FINAL_LR + (LR - FINAL_LR) * 0.5 * (1 + Math.cos((Math.PI * (step - 1)) / STEPS)));
    tf.tidy(() => {
      const x = oneHotContexts(tf.tensor2d(cx, [BATCH, CONTEXT], 'int32'));
      const y = tf.oneHot(tf.tensor1d(cy, 'int32'), VOCAB);
      const { grads } = tf.variableGrads(() => {
        const ce = tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(model.apply(x, { training: true }) as tf.Tensor2D)), 1)));
        if (WEIGHT_DECAY === 0) return ce as tf.Scalar;
        return tf.add(ce, tf.mul(WEIGHT_DECAY, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))))) as tf.Scalar;
      }, variables);
      (optimizer as tf.Optimizer).applyGradients(grads);
    });
    if (step % CHECK_EVERY === 0 || step === STEPS) {
      const v = await nllOf(model, validation);
      const mark = v < best.nll ? ' (best)' : '';
      if (v < best.nll) {
        tf.dispose(best.weights);
        best = { nll: v, step, weights: model.getWeights().map((w) => tf.clone(w)) };
      }
      console.log(`step ${step}: validation NLL ${v.toFixed(4)}${mark}  ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  model.setWeights(best.weights);
  tf.dispose(best.weights);
  const teacher = {
    train: figures(await nllOf(model, train), train),
    validation: figures(await nllOf(model, validation), validation),
    test: figures(await nllOf(model, test), test),
  };
  const margin = bigram.validation.nll - teacher.validation.nll;
  console.log(`teacher NLL: train ${teacher.train.nll.toFixed(4)}, validation ${teacher.validation.nll.toFixed(4)}, test ${teacher.test.nll.toFixed(4)}; ${margin.toFixed(3)} below the bigram`);
  if (margin < 0.3) throw new Error(`the teacher beats the bigram by only ${margin.toFixed(3)} nats/char on validation (needs 0.3)`);
  const parameters = namesNetParameters(spec);
  if (parameters !== model.countParams()) throw new Error(`parameter count ${parameters} ≠ the model's ${model.countParams()}`);
  const card: NamesModelCard = {
    name: 'names teacher',
    lab: 'names',
    architecture: `one-hot ${CONTEXT} × ${VOCAB} → embed ${NAMES_TEACHER_EMBED} (shared) → ${NAMES_TEACHER_HIDDEN.join(' → ')} tanh → ${VOCAB} logits`,
    parameters,
    context: CONTEXT,
    vocabulary: VOCAB,
    corpus: corpus.source,
    training: {
      optimizer: 'adam',
      learningRate: LR,
      finalLearningRate: FINAL_LR,
      steps: STEPS,
      batchSize: BATCH,
      weightDecay: WEIGHT_DECAY,
      keptStep: best.step,
      seconds: Math.round(seconds),
    },
    teacher,
    bigram,
    marginOverBigram: margin,
    backend,
    tfjsVersion: tf.version.tfjs,
    command: 'npm run train:teachers -- names',
    createdAt: new Date().toISOString(),
  };
  if (DRY) {
    console.log('--dry: nothing written');
    return;
  }
  const bytes = await saveLayersModelToDir(model, new URL(`../${NAMES_TEACHER_DIR}/`, import.meta.url), {
    card,
    verify: async (reloaded) => {
      const again = await nllOf(reloaded, validation);
      if (Math.abs(again - teacher.validation.nll) > 1e-4) throw new Error(`reloaded teacher: validation NLL ${again} ≠ ${teacher.validation.nll}`);
    },
  });
  console.log(`wrote models/${NAMES_TEACHER_DIR}/ (${bytes} weight bytes)`);
}

await main();
