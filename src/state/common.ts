/**
 * Settings every lab shares: the backends, the play speeds, the students' activations and
 * optimizers, what a teacher exposes, number ranges and the parameter count of a dense network. Pure data, no DOM, no tfjs.
 */

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;
/** The order in which `auto` tries backends: fastest first. */
export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Hidden-layer activations of the students' dense networks. */
export const ACTIVATIONS = ['relu', 'tanh'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Steps per second the play loop aims for; 0 means as fast as the backend allows. */
export const SPEEDS = [2, 10, 30, 100, 0] as const;
export type Speed = (typeof SPEEDS)[number];

export interface NumberRange {
  min: number;
  max: number;
  step: number;
}

/** View settings that live in the URL but do not change what is computed. */
export interface ViewSettings {
  backend: BackendChoice;
  speed: Speed;
}

/** Parameters of a dense MLP: weights plus biases of each layer. */
export function mlpParameterCount(inputs: number, hidden: readonly number[], outputs: number): number {
  let total = 0;
  let fanIn = inputs;
  for (const units of [...hidden, outputs]) {
    total += fanIn * units + units;
    fanIn = units;
  }
  return total;
}

/**
 * What the teacher exposes, as an API would: the full distribution, only the k largest
 * probabilities, or only its top label. See workers/objectives/access.ts for the exact transforms.
 */
export const ACCESS_LEVELS = ['full', 'topk', 'top1'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** `hidden` with `layers` layers: new layers copy the last one's width (or `width`), extra ones are dropped. */
export function withLayerCount(hidden: readonly number[], layers: number, width: number): number[] {
  const out = [...hidden];
  const fill = out[out.length - 1] ?? width;
  while (out.length < layers) out.push(fill);
  out.length = layers;
  return out;
}

/** `hidden` with every layer `units` wide. */
export function withUnits(hidden: readonly number[], units: number): number[] {
  return hidden.map(() => units);
}
