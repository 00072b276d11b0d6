/**
 * tfjs's Adam, with each variable's update in one pass on the WebAssembly backend (the generated
 * "DistillAdam" kernel, workers/wasm-kernels/) instead of ~14 kernels. Same state (moments as
 * tfjs keeps them, β powers as float32 variables), same float32 arithmetic in the same order; on
 * any other backend, or where the kernels cannot run, it is tfjs's own `applyGradients`.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmAdam, wasmKernelsReady } from '../wasm-kernels/kernels';

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class FusedAdamOptimizer extends tf.AdamOptimizer {
  constructor(learningRate: number) {
    super(learningRate, 0.9, 0.999);
  }

  override applyGradients(variableGradients: Gradients): void {
    if (!wasmKernelsReady()) {
      super.applyGradients(variableGradients);
      return;
    }
    // tfjs's fields, protected in its typings.
    const self = this as unknown as {
      accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
      accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
      accBeta1: tf.Variable;
      accBeta2: tf.Variable;
      epsilon: number;
      incrementIterations(): void;
    };
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const f = Math.fround;
    // 1 − β1ᵗ as tfjs computes it: float32 minus the float32 power.
    const c1 = f(1 - self.accBeta1.dataSync()[0]!);
    const c2 = f(1 - self.accBeta2.dataSync()[0]!);
    const constants = { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: self.epsilon, c1, c2 };
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name]!;
      self.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      self.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      const gradient: tf.Tensor | undefined = Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
      if (gradient == null) return;
      const first = self.accumulatedFirstMoment[i]!.variable;
      const second = self.accumulatedSecondMoment[i]!.variable;
      const [p, m, v] = wasmAdam(value, gradient, first, second, constants);
      first.assign(m as tf.Tensor);
      second.assign(v as tf.Tensor);
      value.assign(p as tf.Tensor);
      tf.dispose([p, m, v]);
    });
    tf.tidy(() => {
      self.accBeta1.assign(tf.mul(self.accBeta1, this.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, this.beta2));
    });
    self.incrementIterations();
  }
}
