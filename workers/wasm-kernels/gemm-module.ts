/**
 * A WebAssembly GEMM for one shape, written at run time: C[M×N] = A · B with A as stored [M×K]
 * or, transposed, [K×M] (a dense layer's weight gradient xᵀ · dy), B [K×N], all row-major float32
 * in tfjs's own wasm heap (the module imports that memory). Strides are constants of the module,
 * so every address is one register plus a fixed offset.
 *
 * Blocking: 6 rows × 8 columns of C in 12 SIMD registers; per k, 6 broadcasts of A and two loads
 * of B feed 12 multiply-adds, fused (relaxed SIMD's f32x4.relaxed_madd) where the browser has it.
 * tfjs 4.22's XNNPACK build predates relaxed SIMD: without FMA its matMul tops out at ~25 GFLOP/s
 * on the first Xeon's core; a loop of nothing but fused multiply-adds peaks at ~58 there (44-46 on the
 * Emerald Rapids Xeon).
 * Rows left over (M mod 6) get a panel of their own; columns left over (N mod 8) a scalar tail.
 * With `packedB`, B comes rearranged by the pack module below, so a panel reads it in order
 * instead of one row of B (up to 4.8 KB apart: a new memory page at every k) per step.
 */
import { F32, I32, moduleBytes, op, V128, type FunctionDef } from './emit';

export interface GemmShape {
  m: number;
  n: number;
  k: number;
  /** A is stored [K×M] and read transposed. */
  transposeA: boolean;
}

const MR = 6;
const NR = 8;

/** k is cut into blocks of this many, so the block of B a row panel sweeps (KC × N) stays in L2. */
const KC = 128;

/**
 * One row panel over one block of k: rows [0, mr) of C, every full 8-column block, then the
 * scalar column tail; `accumulate` adds to C (every k block after the first) instead of setting it.
 * The block's length is an argument (kc), so a module has two panel functions whatever K is: V8
 * runs a new function in its baseline compiler until it has run for a while and then optimizes it
 * on a background thread, and one function per block of k (ten for K = 1200) made, in Node, a fresh run's
 * products run up to ~2× slower for its first seconds, until the last of them was optimized.
 */
function panel(shape: GemmShape, mr: number, accumulate: boolean, fused: boolean, packed: boolean): FunctionDef {
  const { m, n, transposeA } = shape;
  const sAi = transposeA ? 4 : 4 * shape.k; // bytes from row i to row i + 1 of A
  const sAk = transposeA ? 4 * m : 4; // bytes from k to k + 1
  const ldb = 4 * n;
  const ldc = 4 * n;
  const blocks = Math.floor(n / NR);
  const tail = n - blocks * NR;
  const [A, B, C, KC_, J, K, PA, PB, PB0, PC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const ACC = 10;
  const B0 = ACC + 2 * mr;
  const B1 = B0 + 1;
  const AV = B1 + 1;
  const S = AV + 1; // scalar tail sums: mr × tail f32 locals
  const body: number[] = [];
  const madd = (acc: number, bv: number) =>
    fused
      ? [...op.get(AV), ...op.get(bv), ...op.get(acc), ...op.f32x4RelaxedMadd, ...op.set(acc)]
      : [...op.get(AV), ...op.get(bv), ...op.f32x4Mul, ...op.get(acc), ...op.f32x4Add, ...op.set(acc)];

  if (blocks > 0) {
    body.push(...op.get(B), ...op.set(PB0), ...op.get(C), ...op.set(PC), ...op.i32(blocks), ...op.set(J));
    body.push(...op.loop);
    for (let r = 0; r < mr; r++) {
      for (let h = 0; h < 2; h++) body.push(...(accumulate ? [...op.get(PC), ...op.v128Load(r * ldc + 16 * h)] : op.v128Zero), ...op.set(ACC + 2 * r + h));
    }
    body.push(...op.get(A), ...op.set(PA), ...op.get(PB0), ...op.set(PB), ...op.get(KC_), ...op.set(K));
    body.push(...op.loop);
    body.push(...op.get(PB), ...op.v128Load(0), ...op.set(B0), ...op.get(PB), ...op.v128Load(16), ...op.set(B1));
    for (let r = 0; r < mr; r++) {
      body.push(...op.get(PA), ...op.v128Splat32(r * sAi), ...op.set(AV));
      body.push(...madd(ACC + 2 * r, B0), ...madd(ACC + 2 * r + 1, B1));
    }
    body.push(...op.get(PA), ...op.i32(sAk), ...op.i32Add, ...op.set(PA));
    body.push(...op.get(PB), ...op.i32(packed ? NR * 4 : ldb), ...op.i32Add, ...op.set(PB));
    body.push(...op.get(K), ...op.i32(1), ...op.i32Sub, ...op.tee(K), ...op.brIf(0), ...op.end);
    for (let r = 0; r < mr; r++) {
      body.push(...op.get(PC), ...op.get(ACC + 2 * r), ...op.v128Store(r * ldc));
      body.push(...op.get(PC), ...op.get(ACC + 2 * r + 1), ...op.v128Store(r * ldc + 16));
    }
    // Packed, the next 8-column block starts kc × 8 floats on; as stored, 8 floats on.
    body.push(...op.get(PB0), ...(packed ? [...op.get(KC_), ...op.i32(NR * 4), ...op.i32Mul] : op.i32(NR * 4)), ...op.i32Add, ...op.set(PB0));
    body.push(...op.get(PC), ...op.i32(NR * 4), ...op.i32Add, ...op.set(PC));
    body.push(...op.get(J), ...op.i32(1), ...op.i32Sub, ...op.tee(J), ...op.brIf(0), ...op.end);
  }

  if (tail > 0) {
    const s = (r: number, t: number) => S + r * tail + t;
    for (let r = 0; r < mr; r++) {
      for (let t = 0; t < tail; t++) body.push(...(accumulate ? [...op.get(C), ...op.f32Load(r * ldc + 4 * (blocks * NR + t))] : op.f32Zero), ...op.set(s(r, t)));
    }
    body.push(...op.get(A), ...op.set(PA), ...op.get(B), ...op.i32(blocks * NR * 4), ...(packed ? [...op.get(KC_), ...op.i32Mul] : []), ...op.i32Add, ...op.set(PB));
    body.push(...op.get(KC_), ...op.set(K));
    body.push(...op.loop);
    for (let r = 0; r < mr; r++) {
      for (let t = 0; t < tail; t++) {
        body.push(...op.get(PA), ...op.f32Load(r * sAi), ...op.get(PB), ...op.f32Load(4 * t), ...op.f32Mul);
        body.push(...op.get(s(r, t)), ...op.f32Add, ...op.set(s(r, t)));
      }
    }
    body.push(...op.get(PA), ...op.i32(sAk), ...op.i32Add, ...op.set(PA));
    body.push(...op.get(PB), ...op.i32(packed ? 4 * tail : ldb), ...op.i32Add, ...op.set(PB));
    body.push(...op.get(K), ...op.i32(1), ...op.i32Sub, ...op.tee(K), ...op.brIf(0), ...op.end);
    for (let r = 0; r < mr; r++) {
      for (let t = 0; t < tail; t++) body.push(...op.get(C), ...op.get(s(r, t)), ...op.f32Store(r * ldc + 4 * (blocks * NR + t)));
    }
  }
  return {
    params: [I32, I32, I32, I32],
    results: [],
    locals: [[6, I32], [2 * mr + 3, V128], ...(tail > 0 ? ([[mr * tail, F32]] as [number, number][]) : [])],
    body,
  };
}

/**
 * The module for panels of `mr` rows (6, or the 1–5 rows left over), exporting
 * `gemm(a, b, c, panels)`: `panels` row panels one after another (byte offsets in the heap). The
 * row count is an argument, so one module serves every batch size; M is part of the module only
 * for a transposed A, where it is A's row stride.
 */
export function gemmModuleBytes(shape: GemmShape, options: { rows: number; fused: boolean; sharedMemory: boolean; packedB?: boolean }): Uint8Array<ArrayBuffer> {
  const { m, n, k, transposeA } = shape;
  const mr = options.rows;
  if (!(m > 0 && n > 0 && k > 0) || !(mr >= 1 && mr <= MR)) throw new RangeError(`gemm: bad shape ${m}×${k}·${k}×${n} in panels of ${mr}`);
  const sAi = transposeA ? 4 : 4 * k;
  const sAk = transposeA ? 4 * m : 4;
  const ldb = 4 * n;
  const ldc = 4 * n;
  // Function 0 sets C (the first block of k), function 1 adds to it (every later block).
  const functions: FunctionDef[] = [panel(shape, mr, false, options.fused, options.packedB === true), panel(shape, mr, true, options.fused, options.packedB === true)];
  const [A, B, C, PANELS, P, PA, PC] = [0, 1, 2, 3, 4, 5, 6];
  const body: number[] = [];
  for (let k0 = 0; k0 < k; k0 += KC) {
    const kc = Math.min(KC, k - k0);
    // This block's A starts k0 along k, its B k0 rows down; each panel mr rows further.
    body.push(...op.get(A), ...op.i32(k0 * sAk), ...op.i32Add, ...op.set(PA), ...op.get(C), ...op.set(PC));
    body.push(...op.get(PANELS), ...op.set(P), ...op.loop);
    body.push(...op.get(PA), ...op.get(B), ...op.i32(k0 * ldb), ...op.i32Add, ...op.get(PC), ...op.i32(kc), ...op.call(k0 > 0 ? 1 : 0));
    body.push(...op.get(PA), ...op.i32(mr * sAi), ...op.i32Add, ...op.set(PA));
    body.push(...op.get(PC), ...op.i32(mr * ldc), ...op.i32Add, ...op.set(PC));
    body.push(...op.get(P), ...op.i32(1), ...op.i32Sub, ...op.tee(P), ...op.brIf(0), ...op.end);
  }
  functions.push({ params: [I32, I32, I32, I32], results: [], locals: [[3, I32]], body, exportAs: 'gemm' });
  return moduleBytes({ shared: options.sharedMemory }, functions);
}

/**
 * B [K×N] rearranged so that a panel reads it in order: for each block of KC rows (KC × N floats,
 * where B has them), each 8-column block's KC × 8 floats one after another, then the column
 * tail's KC × (N mod 8). Exports `pack(src, dst)`.
 */
export function packModuleBytes(n: number, k: number, sharedMemory: boolean): Uint8Array<ArrayBuffer> {
  const ldb = 4 * n;
  const blocks = Math.floor(n / NR);
  const tail = n - blocks * NR;
  const [SRC, DST, S, S0, D, J, K] = [0, 1, 2, 3, 4, 5, 6];
  const body: number[] = [];
  for (let k0 = 0; k0 < k; k0 += KC) {
    const kc = Math.min(KC, k - k0);
    body.push(...op.get(DST), ...op.i32(k0 * ldb), ...op.i32Add, ...op.set(D));
    body.push(...op.get(SRC), ...op.i32(k0 * ldb), ...op.i32Add, ...op.set(S0));
    if (blocks > 0) {
      body.push(...op.i32(blocks), ...op.set(J), ...op.loop);
      body.push(...op.get(S0), ...op.set(S), ...op.i32(kc), ...op.set(K), ...op.loop);
      for (const h of [0, 16]) body.push(...op.get(D), ...op.get(S), ...op.v128Load(h), ...op.v128Store(h));
      body.push(...op.get(D), ...op.i32(NR * 4), ...op.i32Add, ...op.set(D));
      body.push(...op.get(S), ...op.i32(ldb), ...op.i32Add, ...op.set(S));
      body.push(...op.get(K), ...op.i32(1), ...op.i32Sub, ...op.tee(K), ...op.brIf(0), ...op.end);
      body.push(...op.get(S0), ...op.i32(NR * 4), ...op.i32Add, ...op.set(S0));
      body.push(...op.get(J), ...op.i32(1), ...op.i32Sub, ...op.tee(J), ...op.brIf(0), ...op.end);
    }
    if (tail > 0) {
      body.push(...op.get(SRC), ...op.i32(k0 * ldb + blocks * NR * 4), ...op.i32Add, ...op.set(S), ...op.i32(kc), ...op.set(K), ...op.loop);
      for (let t = 0; t < tail; t++) body.push(...op.get(D), ...op.get(S), ...op.f32Load(4 * t), ...op.f32Store(4 * t));
      body.push(...op.get(D), ...op.i32(4 * tail), ...op.i32Add, ...op.set(D));
      body.push(...op.get(S), ...op.i32(ldb), ...op.i32Add, ...op.set(S));
      body.push(...op.get(K), ...op.i32(1), ...op.i32Sub, ...op.tee(K), ...op.brIf(0), ...op.end);
    }
  }
  return moduleBytes({ shared: sharedMemory }, [{ params: [I32, I32], results: [], locals: [[5, I32]], body, exportAs: 'pack' }]);
}

/** Rows per full panel. */
export const PANEL_ROWS = MR;

/** Whether this engine has relaxed SIMD (f32x4.relaxed_madd); without it the module multiplies, then adds. */
export function hasRelaxedSimd(): boolean {
  try {
    const bytes = gemmModuleBytes({ m: 1, n: 8, k: 1, transposeA: false }, { rows: 1, fused: true, sharedMemory: false });
    return WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/** Whether this engine has fixed-width SIMD at all. */
export function hasSimd(): boolean {
  try {
    return WebAssembly.validate(gemmModuleBytes({ m: 1, n: 8, k: 1, transposeA: false }, { rows: 1, fused: false, sharedMemory: false }));
  } catch {
    return false;
  }
}
