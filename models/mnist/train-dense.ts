/**
 * The MNIST teacher's dense layers with explicit-transpose custom gradients, and the training-mode
 * forward pass on either gradient path.
 *
 * Speed: on tfjs-wasm, the gradients tfjs derives for a dense layer use matMul with a transpose
 * flag, which runs ~10× below a plain matMul; `tf.customGrad` here uses `tf.transpose` + plain
 * matMul instead. The weights stay in the ordinary tf.layers model, which is what gets saved.
 */
import * as tf from '@tensorflow/tfjs';
import { MNIST_TEACHER_LAYERS } from './teacher';
import { DROPOUT_SEED, type GradientPath, type Recipe } from './train-recipe';

/**
 * x·W + b whose gradients use explicit transposes and plain matMuls (dx = dy·Wᵀ, dW = xᵀ·dy,
 * db = Σ dy), the fast path on tfjs-wasm.
 */
export const denseExplicitTranspose = tf.customGrad((x, w, b, save) => {
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
export function denseOnData(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
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

export interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

export function denseVariables(model: tf.LayersModel, name: string): Dense {
  const layer = model.getLayer(name);
  const [kernel, bias] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  return { kernel: kernel!, bias: bias! };
}

/** Training-mode logits. `step` picks the dropout masks, so a run is reproducible. */
export function trainingLogits(model: tf.LayersModel, x: tf.Tensor2D, recipe: Recipe, path: GradientPath, step: number): tf.Tensor2D {
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
