/**
 * Runs the generated GEMM (gemm-module.ts) on a WebAssembly memory: compiles one module per
 * (panel rows, N, K, transposed A, and M when A is transposed), keeps at most MAX_MODULES per
 * memory, and splits M into 6-row panels plus the rows left over. Pure: no tfjs (kernel.ts wires
 * it into tfjs's wasm backend).
 */
import { instantiateOn } from './emit';
import { gemmModuleBytes, hasRelaxedSimd, PANEL_ROWS, type GemmShape } from './gemm-module';

type GemmFn = (a: number, b: number, c: number, panels: number) => void;

/** Distinct shapes a run uses: a handful per layer; evaluation's batch sizes share modules. */
const MAX_MODULES = 64;
const modules = new WeakMap<WebAssembly.Memory, Map<string, GemmFn>>();
let fused: boolean | undefined;

/** Whether the modules multiply-add fused (relaxed SIMD) on this engine. */
export function gemmIsFused(): boolean {
  fused ??= hasRelaxedSimd();
  return fused;
}

function moduleFor(memory: WebAssembly.Memory, shape: GemmShape, rows: number): GemmFn {
  let byKey = modules.get(memory);
  if (!byKey) modules.set(memory, (byKey = new Map()));
  const key = `${rows}:${shape.n}:${shape.k}:${shape.transposeA ? `t${shape.m}` : 'n'}`;
  let fn = byKey.get(key);
  if (fn) {
    // Most recently used last, so the oldest is the one dropped.
    byKey.delete(key);
    byKey.set(key, fn);
    return fn;
  }
  fn = instantiateOn(memory, (sharedMemory) => gemmModuleBytes(shape, { rows, fused: gemmIsFused(), sharedMemory })).gemm as GemmFn;
  byKey.set(key, fn);
  if (byKey.size > MAX_MODULES) byKey.delete(byKey.keys().next().value!);
  return fn;
}

/** C = A · B (or Aᵀ · B) at byte offsets a, b, c of `memory`; C is overwritten. */
export function gemm(memory: WebAssembly.Memory, shape: GemmShape, a: number, b: number, c: number): void {
  const { m, n, k, transposeA } = shape;
  const full = Math.floor(m / PANEL_ROWS);
  const rest = m - full * PANEL_ROWS;
  if (full > 0) moduleFor(memory, shape, PANEL_ROWS)(a, b, c, full);
  if (rest > 0) {
    const rowBytes = transposeA ? 4 : 4 * k;
    moduleFor(memory, shape, rest)(a + full * PANEL_ROWS * rowBytes, b, c + full * PANEL_ROWS * 4 * n, 1);
  }
}
