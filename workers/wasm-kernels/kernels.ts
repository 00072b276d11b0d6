/**
 * The generated kernels as tfjs kernels of the WebAssembly backend: "DistillGemm" (gemm.ts),
 * "DistillPackB" (B in the GEMM's reading order) and "DistillAdam" (adam-module.ts). Each reads
 * its operands where tfjs keeps them (its wasm heap, imported by the generated module) and writes
 * into outputs tfjs allocates, so nothing is copied. `wasmMatMul(a, b, transposeA)`,
 * `wasmPackB` / `wasmPackedMatMul` and `wasmAdam(...)` call them; `wasmKernelsReady()` says
 * whether they can run here (the wasm backend is active, WebAssembly has SIMD, the heap can be
 * found).
 */
import * as tf from '@tensorflow/tfjs';
import { adamModuleBytes } from './adam-module';
import { instantiateOn } from './emit';
import { gemm, packB } from './gemm';
import { hasSimd } from './gemm-module';

export const GEMM_KERNEL = 'DistillGemm';
export const PACK_KERNEL = 'DistillPackB';
export const ADAM_KERNEL = 'DistillAdam';

/** What this kernel needs of tfjs-backend-wasm's BackendWasm (its typings are not exported here). */
interface WasmBackendLike {
  wasm: { asm?: { memory?: unknown }; wasmMemory?: unknown };
  getMemoryOffset(dataId: object): number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** The heap: exported by the single-threaded builds, created by the glue code for the threaded one. */
function heapOf(backend: WasmBackendLike): WebAssembly.Memory | null {
  const candidates = [backend.wasm?.wasmMemory, backend.wasm?.asm?.memory];
  return (candidates.find((m) => m instanceof WebAssembly.Memory) as WebAssembly.Memory | undefined) ?? null;
}

type AdamFn = (...args: number[]) => void;
const adams = new WeakMap<WebAssembly.Memory, AdamFn>();

function adamFor(memory: WebAssembly.Memory): AdamFn {
  let fn = adams.get(memory);
  if (!fn) {
    fn = instantiateOn(memory, (sharedMemory) => adamModuleBytes({ sharedMemory })).adam as AdamFn;
    adams.set(memory, fn);
  }
  return fn;
}

/** Adam's constants for one update, as float32 numbers made the way tfjs makes its scalars. */
export interface AdamConstants {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β1ᵗ and 1 − β2ᵗ. */
  c1: number;
  c2: number;
}

/** Rows of C from which B is packed before the product (two panels: B is read twice or more). */
const PACK_MIN_ROWS = 12;

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
      const packedB = !!(attrs as { packedB?: boolean }).packedB;
      const [m, k] = transposeA ? [a.shape[1]!, a.shape[0]!] : [a.shape[0]!, a.shape[1]!];
      const n = b.shape[1]!;
      if (b.shape[0] !== k) throw new RangeError(`${GEMM_KERNEL}: inner sizes ${k} and ${b.shape[0]} differ`);
      if (a.dtype !== 'float32' || b.dtype !== 'float32') throw new TypeError(`${GEMM_KERNEL}: float32 operands only`);
      const out = wasm.makeOutput([m, n], 'float32');
      const memory = heapOf(wasm);
      if (!memory) throw new Error(`${GEMM_KERNEL}: the wasm backend's memory is not reachable`);
      const shape = { m, n, k, transposeA };
      if (!packedB && m >= PACK_MIN_ROWS) {
        // B read by more than one row panel is packed first (gemm.ts, packB). A weight gradient's
        // B is the batch's dy ([batch × units]): packing it costs ~1 % of the product and made the
        // product 16–27 % faster in Node.
        const scratch = wasm.makeOutput([k, n], 'float32');
        try {
          packB(memory, k, n, wasm.getMemoryOffset(b.dataId), wasm.getMemoryOffset(scratch.dataId));
          gemm(memory, shape, wasm.getMemoryOffset(a.dataId), wasm.getMemoryOffset(scratch.dataId), wasm.getMemoryOffset(out.dataId), true);
        } finally {
          wasm.disposeData(scratch.dataId, true);
        }
      } else {
        gemm(memory, shape, wasm.getMemoryOffset(a.dataId), wasm.getMemoryOffset(b.dataId), wasm.getMemoryOffset(out.dataId), packedB);
      }
      return out;
    },
  });
  tf.registerKernel({
    kernelName: PACK_KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const { b } = inputs as { b: tf.TensorInfo };
      if (b.shape.length !== 2 || b.dtype !== 'float32') throw new TypeError(`${PACK_KERNEL}: a float32 matrix only`);
      const out = wasm.makeOutput([...b.shape], 'float32');
      const memory = heapOf(wasm);
      if (!memory) throw new Error(`${PACK_KERNEL}: the wasm backend's memory is not reachable`);
      packB(memory, b.shape[0]!, b.shape[1]!, wasm.getMemoryOffset(b.dataId), wasm.getMemoryOffset(out.dataId));
      return out;
    },
  });
  tf.registerKernel({
    kernelName: ADAM_KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const { p, g, m, v } = inputs as Record<'p' | 'g' | 'm' | 'v', tf.TensorInfo>;
      const c = attrs as unknown as AdamConstants;
      const size = p.shape.reduce((x, y) => x * y, 1);
      for (const t of [g, m, v]) {
        if (t.shape.reduce((x, y) => x * y, 1) !== size || t.dtype !== 'float32') throw new RangeError(`${ADAM_KERNEL}: operands differ in size or type`);
      }
      const outs = [p, m, v].map((t) => wasm.makeOutput([...t.shape], 'float32'));
      const memory = heapOf(wasm);
      if (!memory) throw new Error(`${ADAM_KERNEL}: the wasm backend's memory is not reachable`);
      const at = (t: tf.TensorInfo) => wasm.getMemoryOffset(t.dataId);
      const f = Math.fround;
      adamFor(memory)(at(p), at(g), at(m), at(v), at(outs[0]!), at(outs[1]!), at(outs[2]!), size,
        f(-c.learningRate), f(c.beta1), f(1 - c.beta1), f(c.beta2), f(1 - c.beta2), f(c.epsilon), f(c.c1), f(c.c2));
      return outs;
    },
  });
}

let ready: boolean | undefined;

/** True where the generated GEMM runs: call after the backend is set. */
export function wasmKernelsReady(): boolean {
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

/**
 * B [K × N] rearranged for `wasmPackedMatMul` (same shape, another order: not a matrix to read).
 * Worth it for a B used many times unchanged, such as a frozen teacher's weights.
 */
export function wasmPackB(b: tf.Tensor2D): tf.Tensor2D {
  return tf.engine().runKernel(PACK_KERNEL, { b }) as tf.Tensor2D;
}

/** A · B for B given by `wasmPackB(B)`; no gradient (the teacher's forward pass). */
export function wasmPackedMatMul(a: tf.Tensor2D, packedB: tf.Tensor2D): tf.Tensor2D {
  return tf.engine().runKernel(GEMM_KERNEL, { a, b: packedB }, { packedB: true }) as tf.Tensor2D;
}

/** One Adam update of a variable on the wasm backend: [new value, new first moment, new second moment]. */
export function wasmAdam(p: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor, constants: AdamConstants): [tf.Tensor, tf.Tensor, tf.Tensor] {
  return tf.engine().runKernel(ADAM_KERNEL, { p, g, m, v }, constants as unknown as tf.NamedAttrMap) as unknown as [tf.Tensor, tf.Tensor, tf.Tensor];
}
