/**
 * The dense MLP used for teachers and students, shared by the worker and the Node scripts that
 * train the teachers. Outputs are logits (no softmax layer): every loss works on logits through
 * `logSoftmax`, never `log(softmax)`.
 */
import * as tf from '@tensorflow/tfjs';
import type { ActivationName } from '../src/state/common';

export interface MlpSpec {
  inputs: number;
  hidden: readonly number[];
  outputs: number;
  activation: ActivationName;
  /** Seeds the weight initialisers, so the same spec and seed give the same starting weights. */
  seed: number;
  name?: string;
}

export function buildMlp(spec: MlpSpec): tf.Sequential {
  const model = tf.sequential({ name: spec.name ?? 'mlp' });
  spec.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: spec.activation,
        inputShape: i === 0 ? [spec.inputs] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed * 101 + i }),
        biasInitializer: 'zeros',
        name: `hidden${i + 1}`,
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: spec.outputs,
      inputShape: spec.hidden.length === 0 ? [spec.inputs] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed * 101 + 99 }),
      biasInitializer: 'zeros',
      name: 'logits',
    }),
  );
  return model;
}

/** The teacher architecture for the 2-D lab: wide enough to fit every data set almost perfectly. */
export const TOY2D_TEACHER_HIDDEN = [64, 64] as const;
