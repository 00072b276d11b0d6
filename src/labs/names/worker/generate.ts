/**
 * Names written by a model, character by character, at a sampling temperature: the teacher's for
 * a `text` student, each model's for the page's sample stream. All on the backend, with no read
 * back: each character is argmax(logits / τ + Gumbel noise) (the Gumbel-max trick samples
 * softmax(logits / τ) exactly), the noise from our seeded mulberry32, so one seed gives one set of
 * names on every call.
 */
import * as tf from '@tensorflow/tfjs';
import { oneHotContexts } from '../../../../models/names/network';
import { ALPHABET, BOUNDARY, CONTEXT, MAX_POSITIONS, VOCAB } from '../shared/corpus';

export interface GeneratedBatch {
  /** Context before each position, `[count × MAX_POSITIONS, CONTEXT]` int32, position-major. */
  contexts: tf.Tensor2D;
  /** The character written at each position, `[count × MAX_POSITIONS]` int32 (0 = end). */
  targets: tf.Tensor1D;
  /** 1 where the position belongs to a name (up to and including its end mark), else 0. */
  weights: tf.Tensor1D;
}

/** Uniform draws in (0, 1) turned into Gumbel noise, `[rows, VOCAB]`. */
function gumbel(rows: number, rand: () => number): tf.Tensor2D {
  const u = new Float32Array(rows * VOCAB);
  for (let i = 0; i < u.length; i++) u[i] = Math.min(Math.max(rand(), 1e-7), 1 - 1e-7);
  return tf.tidy(() => tf.neg(tf.log(tf.neg(tf.log(tf.tensor2d(u, [rows, VOCAB]))))) as tf.Tensor2D);
}

/** `count` names from `model` at temperature `tau`. Call inside a tidy (or dispose the result). */
export function generateNames(model: tf.LayersModel, count: number, tau: number, rand: () => number, context = CONTEXT): GeneratedBatch {
  return tf.tidy(() => {
    let ctx = tf.fill([count, CONTEXT], BOUNDARY, 'int32') as tf.Tensor2D;
    let alive = tf.ones([count]) as tf.Tensor1D;
    const contexts: tf.Tensor2D[] = [];
    const targets: tf.Tensor1D[] = [];
    const weights: tf.Tensor1D[] = [];
    for (let t = 0; t < MAX_POSITIONS; t++) {
      const logits = model.apply(oneHotContexts(ctx, context)) as tf.Tensor2D;
      const next = tf.cast(tf.argMax(tf.add(tf.div(logits, tau), gumbel(count, rand)), 1), 'int32') as tf.Tensor1D;
      contexts.push(ctx);
      targets.push(next);
      weights.push(alive);
      alive = tf.mul(alive, tf.cast(tf.notEqual(next, BOUNDARY), 'float32')) as tf.Tensor1D;
      ctx = tf.concat([tf.slice(ctx, [0, 1], [count, CONTEXT - 1]), tf.reshape(next, [count, 1])], 1) as tf.Tensor2D;
    }
    return { contexts: tf.concat(contexts, 0) as tf.Tensor2D, targets: tf.concat(targets, 0) as tf.Tensor1D, weights: tf.concat(weights, 0) as tf.Tensor1D };
  });
}

/** The names of a generated batch as text (one read back); a name cut at 16 letters keeps them. */
export async function namesOf(batch: GeneratedBatch, count: number): Promise<string[]> {
  const chars = await batch.targets.data();
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let name = '';
    for (let t = 0; t < MAX_POSITIONS; t++) {
      const c = chars[t * count + n]!;
      if (c === BOUNDARY) break;
      name += ALPHABET[c];
    }
    out.push(name);
  }
  return out;
}

/** `count` names from `model` as text: generated, read back once, the tensors freed. */
export async function sampleNames(model: tf.LayersModel, count: number, tau: number, rand: () => number): Promise<string[]> {
  const batch = generateNames(model, count, tau, rand);
  try {
    return await namesOf(batch, count);
  } finally {
    tf.dispose([batch.contexts, batch.targets, batch.weights]);
  }
}
