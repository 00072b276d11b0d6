/**
 * Between a tfjs layers model and the plain-arithmetic policy (src/labs/cartpole/shared/policy):
 * the weights, read once after loading (never in a training loop). Used by the worker face and
 * the Node scripts.
 */
import * as tf from '@tensorflow/tfjs';
import type { ActivationName } from '../../src/state/common';
import { policyFromFlat, type PolicyWeights } from '../../src/labs/cartpole/shared/policy';

/** Dense shapes `[inputs, outputs]` of a sequential MLP, from its kernels. */
export function denseShapes(model: tf.LayersModel): [number, number][] {
  return model.layers.map((l) => {
    const kernel = l.getWeights()[0]!;
    return [kernel.shape[0]!, kernel.shape[1]!] as [number, number];
  });
}

/** The activation of the model's first hidden layer (`tanh` or `relu`; linear counts as `tanh`'s absence). */
export function hiddenActivation(model: tf.LayersModel): ActivationName {
  const config = model.layers[0]?.getConfig() as { activation?: string } | undefined;
  return config?.activation === 'relu' ? 'relu' : 'tanh';
}

/** The model's weights as a plain policy (one async read). */
export async function policyOfModel(model: tf.LayersModel): Promise<PolicyWeights> {
  const flat = tf.tidy(() => tf.concat(model.getWeights().map((w) => w.flatten())));
  const values = (await flat.data()) as Float32Array;
  flat.dispose();
  return policyFromFlat(Float32Array.from(values), denseShapes(model), hiddenActivation(model));
}

/** Writes flat weights (kernel, bias per layer) into a model built with the same shapes. */
export function setModelWeights(model: tf.LayersModel, flat: Float32Array): void {
  const tensors: tf.Tensor[] = [];
  let at = 0;
  for (const w of model.getWeights()) {
    const n = w.size;
    tensors.push(tf.tensor(flat.subarray(at, at + n), w.shape));
    at += n;
  }
  if (at !== flat.length) throw new RangeError(`expected ${at} weights, got ${flat.length}`);
  model.setWeights(tensors);
  tf.dispose(tensors);
}
