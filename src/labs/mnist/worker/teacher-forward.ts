/**
 * The frozen teacher's forward pass, up to its logits or a hidden layer (FitNets' hints). On
 * WebAssembly with the generated GEMM (workers/wasm-kernels/) it runs straight through the dense
 * layers' weights on that GEMM — tfjs's own matMul there is half as fast (`npm run bench:native`,
 * "with teacher forward"); elsewhere, or for a model that is not plain Dense / Dropout layers, it
 * is the model's own `predict`, in one pass (workers/predict-all.ts). Dropout is inert at
 * inference either way.
 */
import * as tf from '@tensorflow/tfjs';
import { predictAll } from '../../../../workers/predict-all';
import { wasmKernelsReady, wasmPackB, wasmPackedMatMul } from '../../../../workers/wasm-kernels/kernels';

/** What the lab needs of a teacher: logits (or hidden activations) for a batch of images. */
export interface Predictor {
  predict(x: tf.Tensor2D): tf.Tensor | tf.Tensor[];
  /** Frees what the predictor made of the teacher (never the teacher's own weights). */
  dispose(): void;
}

interface DenseStep {
  layer: tf.layers.Layer;
  relu: boolean;
}

function plan(model: tf.LayersModel, last: number): DenseStep[] | null {
  const steps: DenseStep[] = [];
  for (const layer of model.layers.slice(0, last + 1)) {
    const kind = layer.getClassName();
    if (kind === 'Dropout' || kind === 'InputLayer') continue;
    if (kind !== 'Dense') return null;
    const { activation, useBias } = layer.getConfig() as { activation?: string; useBias?: boolean };
    if ((activation !== 'relu' && activation !== 'linear') || useBias === false) return null;
    steps.push({ layer, relu: activation === 'relu' });
  }
  return steps.length ? steps : null;
}

/** The teacher up to `upTo` (a layer's name) or its output. */
export function teacherForward(model: tf.LayersModel, upTo?: string): Predictor {
  const last = upTo === undefined ? model.layers.length - 1 : model.layers.findIndex((l) => l.name === upTo);
  if (last < 0) throw new RangeError(`the teacher has no layer "${upTo}"`);
  const steps = wasmKernelsReady() ? plan(model, last) : null;
  if (!steps) {
    const upToLayer = upTo === undefined ? model : tf.model({ inputs: model.inputs, outputs: model.getLayer(upTo).output as tf.SymbolicTensor });
    return { predict: (x) => predictAll(upToLayer, x), dispose: () => undefined };
  }
  // The teacher is frozen: its kernels are packed in the GEMM's reading order once (a copy of
  // them, 9.6 MB for the MNIST teacher), and every pass reads them in order.
  const layers = steps.map(({ layer, relu }) => {
    const [kernel, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    return { packed: wasmPackB(kernel), bias, relu };
  });
  return {
    predict: (x) =>
      tf.tidy(() => {
        let h = x;
        for (const { packed, bias, relu } of layers) {
          h = tf.add(wasmPackedMatMul(h, packed), bias) as tf.Tensor2D;
          if (relu) h = tf.relu(h);
        }
        return h;
      }),
    dispose: () => tf.dispose(layers.map((l) => l.packed)),
  };
}
