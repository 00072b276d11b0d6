/**
 * This core's ceiling for the generated GEMM (workers/wasm-kernels/): a WebAssembly loop of
 * nothing but 128-bit multiply-adds on 12 independent accumulators (the GEMM's own register
 * tile), fused (relaxed SIMD) where the engine has it. No loads, no stores: what no product on
 * 128-bit SIMD can beat on this core, so `npm run bench:native` can say how close the products
 * run to it, and how far the step could get at best.
 */
import { I32, moduleBytes, op, V128 } from '../../workers/wasm-kernels/emit';

const ACCUMULATORS = 12;
/** Multiply-adds per loop iteration × 4 lanes × 2 FLOPs. */
const FLOPS_PER_ITERATION = ACCUMULATORS * 4 * 2;

/** The module: `peak(iterations)`, its sums stored at address 0 so nothing is optimized away. */
export function fmaPeakModuleBytes(fused: boolean): Uint8Array<ArrayBuffer> {
  const [COUNT, ACC, X, Y] = [0, 1, 1 + ACCUMULATORS, 2 + ACCUMULATORS];
  const body: number[] = [...op.loop];
  for (let r = 0; r < ACCUMULATORS; r++) {
    body.push(...op.get(X), ...op.get(Y));
    body.push(...(fused ? [...op.get(ACC + r), ...op.f32x4RelaxedMadd] : [...op.f32x4Mul, ...op.get(ACC + r), ...op.f32x4Add]), ...op.set(ACC + r));
  }
  body.push(...op.get(COUNT), ...op.i32(1), ...op.i32Sub, ...op.tee(COUNT), ...op.brIf(0), ...op.end);
  for (let r = 0; r < ACCUMULATORS; r++) body.push(...op.i32(16 * r), ...op.get(ACC + r), ...op.v128Store(0));
  return moduleBytes({ shared: false }, [{ params: [I32], results: [], locals: [[ACCUMULATORS + 2, V128]], body, exportAs: 'peak' }]);
}

/** Best GFLOP/s of `rounds` runs of ~`msPerRound` each (the best: a busy host only slows it). */
export function fmaPeakGflops(fused: boolean, rounds = 5, msPerRound = 100): number {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const peak = new WebAssembly.Instance(new WebAssembly.Module(fmaPeakModuleBytes(fused)), { env: { memory } }).exports.peak as (n: number) => void;
  let iterations = 100_000;
  peak(iterations);
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    peak(iterations);
    const ms = performance.now() - t0;
    if (!(ms > 0)) continue;
    best = Math.max(best, (iterations * FLOPS_PER_ITERATION) / ms / 1e6);
    // Aim the next round at msPerRound whatever this core's speed.
    iterations = Math.max(10_000, Math.min(1e9, Math.round((iterations * msPerRound) / ms)));
  }
  return best;
}
