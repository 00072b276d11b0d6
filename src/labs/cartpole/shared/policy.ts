/**
 * A policy network's forward pass in plain arithmetic: features → dense layers → two action
 * logits. The worker's tfjs models train; this copy of their weights acts, so stepping the
 * environments never waits on a device read, and the page can replay an episode without tfjs.
 * Pure: no DOM, no tfjs.
 */
import type { ActivationName } from '../../../state/common';
import { ACTIONS } from './env';

/** One dense layer: `kernel` is `inputs × outputs`, row-major (as tfjs stores it). */
export interface DenseWeights {
  inputs: number;
  outputs: number;
  kernel: Float32Array;
  bias: Float32Array;
}

/** A whole policy: hidden layers with `activation`, then a linear layer to the action logits. */
export interface PolicyWeights {
  activation: ActivationName;
  layers: DenseWeights[];
}

/** Layer shapes of an MLP: `[inputs, ...hidden, outputs]` pairs. */
export function layerShapes(inputs: number, hidden: readonly number[], outputs: number): [number, number][] {
  const sizes = [inputs, ...hidden, outputs];
  return sizes.slice(0, -1).map((n, i) => [n, sizes[i + 1]!]);
}

export function parameterCount(p: PolicyWeights): number {
  return p.layers.reduce((n, l) => n + l.kernel.length + l.bias.length, 0);
}

/**
 * Weights from one flat array in tfjs's `trainableWeights` order (kernel, bias per layer), the
 * order `tf.concat` of the flattened variables gives. Views into `flat`, no copy.
 */
export function policyFromFlat(flat: Float32Array, shapes: readonly [number, number][], activation: ActivationName): PolicyWeights {
  let at = 0;
  const layers = shapes.map(([inputs, outputs]) => {
    const kernel = flat.subarray(at, at + inputs * outputs);
    at += inputs * outputs;
    const bias = flat.subarray(at, at + outputs);
    at += outputs;
    return { inputs, outputs, kernel, bias };
  });
  if (at !== flat.length) throw new RangeError(`policy weights: expected ${at} numbers, got ${flat.length}`);
  return { activation, layers };
}

/** A deep copy (what a snapshot carries, so the worker's own arrays are never transferred away). */
export function copyPolicy(p: PolicyWeights): PolicyWeights {
  return { activation: p.activation, layers: p.layers.map((l) => ({ ...l, kernel: l.kernel.slice(), bias: l.bias.slice() })) };
}

/** Scratch space for `logits`, sized for the widest layer. */
export function scratchFor(p: PolicyWeights): [Float32Array, Float32Array] {
  const widest = Math.max(...p.layers.map((l) => Math.max(l.inputs, l.outputs)));
  return [new Float32Array(widest), new Float32Array(widest)];
}

/**
 * The two action logits for one feature row (`x` from `offset`), written into `out`. `scratch` is
 * reused between calls (see `scratchFor`).
 */
export function logits(
  p: PolicyWeights,
  x: ArrayLike<number>,
  offset: number,
  out: Float32Array | number[],
  scratch: [Float32Array, Float32Array] = scratchFor(p),
): void {
  let input: ArrayLike<number> = x;
  let inputOffset = offset;
  const last = p.layers.length - 1;
  p.layers.forEach((layer, li) => {
    const target = li === last ? out : scratch[li % 2]!;
    const { inputs, outputs, kernel, bias } = layer;
    for (let j = 0; j < outputs; j++) {
      let sum = bias[j]!;
      for (let i = 0; i < inputs; i++) sum += input[inputOffset + i]! * kernel[i * outputs + j]!;
      target[j] = li === last ? sum : p.activation === 'relu' ? (sum > 0 ? sum : 0) : Math.tanh(sum);
    }
    input = target;
    inputOffset = 0;
  });
}

/** Probability of pushing right, softmax(logits / T)[1], computed stably. */
export function rightProbability(logitsPair: ArrayLike<number>, temperature = 1): number {
  const d = (logitsPair[1]! - logitsPair[0]!) / temperature;
  return d >= 0 ? 1 / (1 + Math.exp(-d)) : Math.exp(d) / (1 + Math.exp(d));
}

/** An action sampled from p(right) with a uniform draw `u` in [0, 1). */
export function sampleAction(pRight: number, u: number): number {
  return u < pRight ? 1 : 0;
}

/** The more probable action (right on a tie). */
export function greedyAction(logitsPair: ArrayLike<number>): number {
  return logitsPair[1]! >= logitsPair[0]! ? 1 : 0;
}

export { ACTIONS };

/**
 * Fresh weights, flat in tfjs order: Glorot-uniform kernels (limit √(6 / (fan in + fan out)),
 * as tfjs's `glorotUniform`) and zero biases, drawn from `rand`.
 */
export function glorotFlat(shapes: readonly [number, number][], rand: () => number): Float32Array {
  const size = shapes.reduce((n, [a, b]) => n + a * b + b, 0);
  const flat = new Float32Array(size);
  let at = 0;
  for (const [inputs, outputs] of shapes) {
    const limit = Math.sqrt(6 / (inputs + outputs));
    for (let k = 0; k < inputs * outputs; k++) flat[at++] = (rand() * 2 - 1) * limit;
    at += outputs;
  }
  return flat;
}
