import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without typings
import { describeCeiling, productCeiling } from '../bench/ceiling.mjs';
import { fmaPeakGflops, fmaPeakModuleBytes } from '../bench/fma-peak';

describe('bench:native, the products against the core’s 128-bit peak', () => {
  const kernels = [
    { name: 'DistillGemm', calls: 33, ms: 70, flops: 2.45e9 },
    { name: 'DistillAdam', calls: 18, ms: 8 },
  ];

  it('splits the step into products and the rest, and bounds the ratio', () => {
    const c = productCeiling({ kernels, stepMs: 94, nativeMs: 36, peak: 49 });
    expect(c.gflops).toBeCloseTo(35, 5);
    expect(c.ofPeak).toBeCloseTo(35 / 49, 5);
    expect(c.atPeakMs).toBeCloseTo(50, 5);
    expect(c.restMs).toBeCloseTo(24, 5);
    expect(c.bestRatio).toBeCloseTo(36 / 74, 5);
    expect(c.productsOnlyRatio).toBeCloseTo(36 / 50, 5);
    expect(describeCeiling(c, 36, true)).toBe(
      "browser's products (generated GEMM), per cached step: 2.45 GFLOP in 70.0 ms, 35.0 GFLOP/s, 0.71 of this core's 128-bit fused multiply-add peak " +
        "(49.0 GFLOP/s, a loop of nothing else). At that peak they would take 50 ms; with the rest of the step as measured (24 ms) the step would be 74 ms: " +
        "0.49× against PyTorch's 36 ms (0.72× if nothing but the products took time)",
    );
  });

  it('says nothing without the GEMM’s FLOPs or a peak', () => {
    expect(productCeiling({ kernels: [{ name: 'MatMul', ms: 70 }], stepMs: 94, nativeMs: 36, peak: 49 })).toBeNull();
    expect(productCeiling({ kernels, stepMs: 94, nativeMs: 36, peak: 0 })).toBeNull();
  });

  it('measures a peak with the multiply-then-add module (Node has no relaxed SIMD by default)', () => {
    expect(WebAssembly.validate(fmaPeakModuleBytes(false))).toBe(true);
    expect(fmaPeakGflops(false, 2, 5)).toBeGreaterThan(0.1);
  });
});
