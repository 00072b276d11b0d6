import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without typings
import { describeOpenblas, openblasCandidates, threadEnv } from '../bench/openblas.mjs';

const flags = (s: string) => new Set(s.split(' '));

describe('bench:native, OpenBLAS kernel sets', () => {
  it('offers the sets a CPU can run, by its flags', () => {
    expect(openblasCandidates(flags('sse3 sse4_2'))).toEqual([]);
    expect(openblasCandidates(flags('avx avx2 fma'))).toEqual(['Haswell']);
    // Emerald Rapids: OpenBLAS 0.3.21 names it Prescott; these three are what it can run.
    expect(openblasCandidates(flags('avx avx2 fma avx512f avx512dq avx512bw avx512vl avx512_bf16'))).toEqual(['Haswell', 'SkylakeX', 'Cooperlake']);
    expect(openblasCandidates(flags('avx2 fma avx512f avx512dq avx512bw avx512vl'))).toEqual(['Haswell', 'SkylakeX']);
  });

  it('says when it overrode OpenBLAS, and by how much', () => {
    const probes = [{ asked: null, core: 'Prescott', gflops: 24.3 }, { asked: 'SkylakeX', core: 'SkylakeX', gflops: 111.6 }];
    expect(describeOpenblas({ core: 'SkylakeX', name: 'SkylakeX', detected: 'Prescott', probes })).toBe(
      "OpenBLAS SkylakeX (set: it picked Prescott, 24.3 GFLOP/s on the step's products against 111.6)",
    );
    expect(describeOpenblas({ core: null, name: 'Haswell', detected: 'Haswell', probes: [{ asked: null, core: 'Haswell', gflops: 60 }] })).toBe('OpenBLAS Haswell');
    expect(describeOpenblas({ core: null, detected: 'unknown', probes: [] })).toBe('BLAS unknown');
  });

  it('sets the threads everywhere and the kernel set only when asked', () => {
    const env = threadEnv(1, 'SkylakeX');
    expect([env.OMP_NUM_THREADS, env.OPENBLAS_NUM_THREADS, env.MKL_NUM_THREADS, env.OPENBLAS_CORETYPE]).toEqual(['1', '1', '1', 'SkylakeX']);
    expect(threadEnv(2, null).OPENBLAS_CORETYPE).toBeUndefined();
  });
});
