/**
 * Runs the generated GEMM (gemm-module.ts) on a WebAssembly memory: compiles one module per
 * (panel rows, N, K, transposed A, and M when A is transposed), keeps at most MAX_MODULES per
 * memory, and splits M into 6-row panels plus the rows left over. Pure: no tfjs (kernel.ts wires
 * it into tfjs's wasm backend).
 */
import { instantiateOn } from './emit';
import { gemmModuleBytes, hasRelaxedSimd, packModuleBytes, PANEL_ROWS, type GemmShape } from './gemm-module';

type GemmFn = (a: number, b: number, c: number, panels: number) => void;
type PackFn = (src: number, dst: number) => void;

/** Distinct shapes a run uses: a handful per layer; evaluation's batch sizes share modules. */
const MAX_MODULES = 64;
const modules = new WeakMap<WebAssembly.Memory, Map<string, GemmFn>>();
const packers = new WeakMap<WebAssembly.Memory, Map<string, PackFn>>();
let fused: boolean | undefined;

/** Whether the modules multiply-add fused (relaxed SIMD) on this engine. */
export function gemmIsFused(): boolean {
  fused ??= hasRelaxedSimd();
  return fused;
}

/** The cached function for `key` in `memory`'s table, made by `make` when missing (at most MAX_MODULES, least recently used dropped). */
function cached<F>(tables: WeakMap<WebAssembly.Memory, Map<string, F>>, memory: WebAssembly.Memory, key: string, make: () => F): F {
  let byKey = tables.get(memory);
  if (!byKey) tables.set(memory, (byKey = new Map()));
  let fn = byKey.get(key);
  if (fn) {
    // Most recently used last, so the oldest is the one dropped.
    byKey.delete(key);
    byKey.set(key, fn);
    return fn;
  }
  fn = make();
  byKey.set(key, fn);
  if (byKey.size > MAX_MODULES) byKey.delete(byKey.keys().next().value!);
  return fn;
}

function moduleFor(memory: WebAssembly.Memory, shape: GemmShape, rows: number, packedB: boolean): GemmFn {
  const key = `${rows}:${shape.n}:${shape.k}:${shape.transposeA ? `t${shape.m}` : 'n'}:${packedB ? 'p' : 'r'}`;
  return cached(modules, memory, key, () => instantiateOn(memory, (sharedMemory) => gemmModuleBytes(shape, { rows, fused: gemmIsFused(), sharedMemory, packedB })).gemm as GemmFn);
}

/**
 * Copies B [K×N] at byte offset `src` to `dst` (K × N floats) in the order the GEMM reads it
 * (gemm-module.ts, packModuleBytes): then every load of B in a panel is the next 32 bytes, not
 * the next row of B. Timed in Node on raw memory, against the same modules reading B as stored:
 * the weight gradients (B is the batch's dy, cheap to pack) ran 16–27 % faster packing included,
 * and the frozen teacher's layers, packed once, 10–18 %; in `npm run bench:native` the cached
 * step went from 0.53× to 0.55–0.57× of PyTorch, builds run in turn.
 */
export function packB(memory: WebAssembly.Memory, k: number, n: number, src: number, dst: number): void {
  cached(packers, memory, `${n}:${k}`, () => instantiateOn(memory, (sharedMemory) => packModuleBytes(n, k, sharedMemory)).pack as PackFn)(src, dst);
}

/**
 * C = A · B (or Aᵀ · B) at byte offsets a, b, c of `memory`; C is overwritten. With `packedB`,
 * B at `b` is already in packB's order.
 */
export function gemm(memory: WebAssembly.Memory, shape: GemmShape, a: number, b: number, c: number, packedB = false): void {
  const { m, n, k, transposeA } = shape;
  const rowBytes = transposeA ? 4 : 4 * k;
  let done = 0;
  for (const [rows, panels] of panelPlan(m)) {
    moduleFor(memory, shape, rows, packedB)(a + done * rowBytes, b, c + done * 4 * n, panels);
    done += rows * panels;
  }
}

/**
 * M rows as [rows per panel, panels] runs: 6-row panels, and the rows left over. One or two left
 * over (M = 128: 21 × 6 + 2) join the last 6-row panel as two panels of 3–4 rows: a 2-row panel
 * keeps 4 sums in flight, too few to hide the multiply-add's latency. In Chromium on the Emerald
 * Rapids Xeon (120×784 · 784×800, B packed, in turn): 2-row panels ran at 0.49 of the core's
 * multiply-add peak, 3 rows 0.62, 4 rows 0.68, 6 rows 0.74.
 */
export function panelPlan(m: number): [number, number][] {
  const full = Math.floor(m / PANEL_ROWS);
  const rest = m - full * PANEL_ROWS;
  if (rest > 0 && rest <= 2 && full > 0) {
    const tail = PANEL_ROWS + rest;
    const plan: [number, number][] = full > 1 ? [[PANEL_ROWS, full - 1]] : [];
    return [...plan, [Math.ceil(tail / 2), 1], [Math.floor(tail / 2), 1]];
  }
  const plan: [number, number][] = full > 0 ? [[PANEL_ROWS, full]] : [];
  return rest > 0 ? [...plan, [rest, 1]] : plan;
}
