/**
 * The character-level network of the names lab, for the teacher and the students alike: Bengio et
 * al. (2003) / makemore's MLP. The last `CONTEXT` characters come in one-hot, `[rows, CONTEXT, 27]`;
 * a shared embedding (a bias-free dense layer on the last axis: a matrix product, so no gather and
 * its gradient works on every backend, wasm included), flattened, then tanh hidden layers, then
 * logits over the 27 symbols (no softmax layer: losses use `logSoftmax`).
 */
import * as tf from '@tensorflow/tfjs';
import { CONTEXT, VOCAB } from '../../src/labs/names/shared/corpus';
import { namesParameters } from '../../src/labs/names/shared/flops';

export interface NamesNetSpec {
  /** Embedding width per character. */
  embed: number;
  /** Units per tanh hidden layer. */
  hidden: readonly number[];
  /** Characters of context read (the last ones of the `CONTEXT` window). */
  context?: number;
  seed: number;
  name: string;
}

/** Parameters of a spec, counted from the shapes. */
export function namesNetParameters(spec: Pick<NamesNetSpec, 'embed' | 'hidden' | 'context'>): number {
  return namesParameters(spec.embed, spec.hidden, spec.context ?? CONTEXT);
}

export function buildNamesNet(spec: NamesNetSpec): tf.Sequential {
  const context = spec.context ?? CONTEXT;
  const model = tf.sequential({ name: spec.name });
  model.add(
    tf.layers.dense({
      units: spec.embed,
      useBias: false,
      inputShape: [context, VOCAB],
      kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 1, seed: spec.seed * 131 + 1 }),
      name: 'embed',
    }),
  );
  model.add(tf.layers.flatten({ name: 'flatten' }));
  spec.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'tanh',
        kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed * 131 + 10 + i }),
        name: `hidden${i + 1}`,
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: VOCAB,
      // Small last-layer weights: the first predictions are near uniform (makemore's init fix).
      kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.01, seed: spec.seed * 131 + 99 }),
      name: 'logits',
    }),
  );
  return model;
}

/** One-hot inputs `[rows, context, 27]` from context indices `rows × CONTEXT` (the last `context` kept). */
export function oneHotContexts(contexts: tf.Tensor2D, context = CONTEXT): tf.Tensor3D {
  return tf.tidy(() => {
    const kept = context === CONTEXT ? contexts : tf.slice(contexts, [0, CONTEXT - context], [-1, context]);
    return tf.oneHot(kept as tf.Tensor2D, VOCAB) as tf.Tensor3D;
  });
}
