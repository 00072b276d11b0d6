/**
 * How far the browser's step could get on this core (`npm run bench:native`): its products
 * (the generated GEMM's calls in the profiled steps) against a loop of nothing but 128-bit
 * multiply-adds (fma-peak.ts), the widest arithmetic WebAssembly has. Pure: numbers in, a
 * summary and a line of text out.
 */

/**
 * `kernels`: the profiled cached step's kernels ({ name, ms, flops? }); `stepMs`: the browser's
 * cached step; `nativeMs`: PyTorch's; `peak`: GFLOP/s. Null when the profile has no GEMM FLOPs.
 */
export function productCeiling({ kernels, stepMs, nativeMs, peak, kernel = 'DistillGemm' }) {
  const gemm = kernels.find((k) => k.name === kernel);
  if (!gemm?.flops || !(gemm.ms > 0) || !(peak > 0)) return null;
  const gflops = gemm.flops / gemm.ms / 1e6;
  const atPeakMs = gemm.flops / peak / 1e6;
  const restMs = Math.max(0, stepMs - gemm.ms);
  return {
    flops: gemm.flops,
    ms: gemm.ms,
    gflops,
    ofPeak: gflops / peak,
    peak,
    atPeakMs,
    restMs,
    /** The ratio with the products at the peak and the rest of the step as it is. */
    bestRatio: nativeMs / (atPeakMs + restMs),
    /** The ratio with the products at the peak and nothing else taking any time. */
    productsOnlyRatio: nativeMs / atPeakMs,
  };
}

export function describeCeiling(c, nativeMs, fused) {
  const f = (x, d = 0) => x.toFixed(d);
  return (
    `browser's products (generated GEMM), per cached step: ${f(c.flops / 1e9, 2)} GFLOP in ${f(c.ms, 1)} ms, ${f(c.gflops, 1)} GFLOP/s, ` +
    `${f(c.ofPeak, 2)} of this core's 128-bit ${fused ? 'fused multiply-add' : 'multiply-then-add'} peak (${f(c.peak, 1)} GFLOP/s, a loop of nothing else). ` +
    `At that peak they would take ${f(c.atPeakMs)} ms; with the rest of the step as measured (${f(c.restMs)} ms) the step would be ` +
    `${f(c.atPeakMs + c.restMs)} ms: ${f(c.bestRatio, 2)}× against PyTorch's ${f(nativeMs)} ms (${f(c.productsOnlyRatio, 2)}× if nothing but the products took time)`
  );
}
