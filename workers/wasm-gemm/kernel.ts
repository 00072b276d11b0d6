/**
 * The generated GEMM as a tfjs kernel of the WebAssembly backend ("DistillGemm"): it reads both
 * operands where tfjs keeps them (its wasm heap, imported by the GEMM module) and writes into an
 * output tensor tfjs allocates, so nothing is copied. `wasmMatMul(a, b, transposeA)` calls it;
 * `wasmGemmReady()` says whether it can run here (the wasm backend is active, WebAssembly has
 * SIMD, and the heap's memory can be found).
 */
import * as tf from '@tensorflow/tfjs';
import { gemm } from './gemm';
import { hasSimd } from './gemm-module';

export const GEMM_KERNEL = 'DistillGemm';

/** What this kernel needs of tfjs-backend-wasm's BackendWasm (its typings are not exported here). */
interface WasmBackendLike {
  wasm: { asm?: { memory?: unknown }; wasmMemory?: unknown };
  getMemoryOffset(dataId: object): number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

/** The heap: exported by the single-threaded builds, created by the glue code for the threaded one. */
function heapOf(backend: WasmBackendLike): WebAssembly.Memory | null {
  const candidates = [backend.wasm?.wasmMemory, backend.wasm?.asm?.memory];
  return (candidates.find((m) => m instanceof WebAssembly.Memory) as WebAssembly.Memory | undefined) ?? null;
}

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: GEMM_KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const transposeA = !!(attrs as { transposeA?: boolean }).transposeA;
      const [m, k] = transposeA ? [a.shape[1]!, a.shape[0]!] : [a.shape[0]!, a.shape[1]!];
      const n = b.shape[1]!;
      if (b.shape[0] !== k) throw new RangeError(`${GEMM_KERNEL}: inner sizes ${k} and ${b.shape[0]} differ`);
      const out = wasm.makeOutput([m, n], 'float32');
      const memory = heapOf(wasm);
      if (!memory) throw new Error(`${GEMM_KERNEL}: the wasm backend's memory is not reachable`);
      gemm(memory, { m, n, k, transposeA }, wasm.getMemoryOffset(a.dataId), wasm.getMemoryOffset(b.dataId), wasm.getMemoryOffset(out.dataId));
      return out;
    },
  });
}

let ready: boolean | undefined;

/** True where the generated GEMM runs: call after the backend is set. */
export function wasmGemmReady(): boolean {
  if (tf.getBackend() !== 'wasm') return false;
  if (ready === undefined) {
    ready = hasSimd() && heapOf(tf.backend() as unknown as WasmBackendLike) !== null;
    if (ready) register();
  }
  return ready;
}

/** A · B, or Aᵀ · B with `transposeA` (A stored [K × M]), on the wasm backend's generated GEMM. */
export function wasmMatMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeA = false): tf.Tensor2D {
  return tf.engine().runKernel(GEMM_KERNEL, { a, b }, { transposeA }) as tf.Tensor2D;
}
