/**
 * A dense layer x · W + b whose gradient uses explicit transposes: dx = dy · transpose(W),
 * dW = transpose(x) · dy. Same values as tfjs's own gradient, but on the wasm backend a matMul with a
 * transpose flag (what tfjs's gradient uses) runs at ~1–2 GFLOP/s against ~10–20 for a plain one
 * (DESIGN.md, measured): a 784→800→800→10 training step at batch 128 drops from ~420 ms to ~70 ms.
 * GPU backends transpose for free inside matMul, so they keep the plain op.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmKernelsReady, wasmMatMul } from '../../../../workers/wasm-kernels/kernels';

type DenseFn = (x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D) => tf.Tensor2D;

/** The products a custom-gradient dense layer is made of, per backend. */
interface DenseProducts {
  /** x · W */
  forward(x: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor2D;
  /** xᵀ · dy (dW) */
  weightGradient(x: tf.Tensor2D, dy: tf.Tensor2D): tf.Tensor2D;
  /** dy · Wᵀ (dx) */
  inputGradient(dy: tf.Tensor2D, kernel: tf.Tensor2D): tf.Tensor2D;
  /** The column sums of dy (db) */
  biasGradient(dy: tf.Tensor2D): tf.Tensor1D;
}

/**
 * A dense layer x · W + b with its gradient written out from `products`. With `inputGradient`
 * false (a network's first layer, whose input, the images, needs no gradient) dx is returned as
 * zeros instead of computed (dy · Wᵀ, a 128×800 by 800×784 product per student and step): tfjs's
 * customGrad wants a gradient for every input; nothing reads this one. x is saved (tfjs frees the
 * forward pass's tensors before the backward one); W is read by closure: `save` clones, a full
 * copy on wasm (2.5 MB for a 784×800 kernel), and W, a variable, changes only after the backward
 * pass.
 */
function customDense(products: DenseProducts, inputGradient: boolean): DenseFn {
  return tf.customGrad(((x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, save: tf.GradSaveFunc) => {
    save([x]);
    return {
      value: tf.add(products.forward(x, kernel), bias),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs] = saved as [tf.Tensor2D];
        const d = dy as tf.Tensor2D;
        return [inputGradient ? products.inputGradient(d, kernel) : tf.zerosLike(xs), products.weightGradient(xs, d), products.biasGradient(d)];
      },
    };
  }) as unknown as (...args: (tf.Tensor | tf.GradSaveFunc)[]) => { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] }) as unknown as DenseFn;
}

/** wasm without SIMD, and cpu: tfjs's plain matMul, with the transposes written out. */
const explicitTransposes: DenseProducts = {
  forward: (x, kernel) => tf.matMul(x, kernel),
  weightGradient: (x, dy) => tf.matMul(tf.transpose(x), dy),
  inputGradient: (dy, kernel) => tf.matMul(dy, tf.transpose(kernel)),
  biasGradient: (dy) => tf.sum(dy, 0),
};

/**
 * On WebAssembly with SIMD: the generated GEMM (workers/wasm-kernels/), which multiplies by xᵀ
 * without a transpose and, with relaxed SIMD, fuses each multiply-add: ~50 GFLOP/s per core
 * against ~25 for tfjs's matMul (`npm run bench:native`). It reads B row by row, so dy · Wᵀ
 * needs Wᵀ written out: for a big W (800 × 800: 640,000 floats) it is cheaper to transpose the two
 * batch-sized matrices instead, dx = (W · dyᵀ)ᵀ (2 × 102,400 floats at batch 128).
 */
const generatedGemm: DenseProducts = {
  forward: (x, kernel) => wasmMatMul(x, kernel),
  weightGradient: (x, dy) => wasmMatMul(x, dy, true),
  inputGradient: (dy, kernel) => {
    const [inputs, outputs] = kernel.shape;
    if (inputs * outputs > dy.shape[0] * (inputs + outputs)) return tf.transpose(wasmMatMul(kernel, tf.transpose(dy)));
    return wasmMatMul(dy, tf.transpose(kernel));
  },
  // 1ᵀ · dy on the GEMM: ~30 µs for a 128 × 800 dy, where tfjs's Sum over the batch took ~150.
  biasGradient: (dy) => tf.reshape(wasmMatMul(tf.ones([dy.shape[0], 1]), dy, true), [dy.shape[1]]),
};

const explicitTransposeDense = customDense(explicitTransposes, true);
const explicitTransposeInputDense = customDense(explicitTransposes, false);
const gemmDense = customDense(generatedGemm, true);
const gemmInputDense = customDense(generatedGemm, false);

const plainDense: DenseFn = (x, kernel, bias) => tf.add(tf.matMul(x, kernel), bias) as tf.Tensor2D;

/** The dense op to use on the current backend (wasm: the generated GEMM where it runs; wasm and cpu: explicit transposes). */
export function denseFor(backend: string): DenseFn {
  if (backend === 'wasm' && wasmKernelsReady()) return gemmDense;
  return backend === 'wasm' || backend === 'cpu' ? explicitTransposeDense : plainDense;
}

/** The first layer's op: its input needs no gradient (wasm and cpu skip computing it). */
export function inputDenseFor(backend: string): DenseFn {
  if (backend === 'wasm' && wasmKernelsReady()) return gemmInputDense;
  return backend === 'wasm' || backend === 'cpu' ? explicitTransposeInputDense : plainDense;
}

export { explicitTransposeDense, explicitTransposeInputDense, gemmDense, gemmInputDense, plainDense, type DenseFn };
