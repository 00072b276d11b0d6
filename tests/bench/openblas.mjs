/**
 * Which OpenBLAS kernels PyTorch runs on in `npm run bench:native` (native.mjs). OpenBLAS picks
 * its kernels by CPU model, and a model newer than its release falls back to generic SSE3 ones
 * ("Prescott"): Debian's 0.3.21 does so on Intel's Emerald Rapids (family 6, model 207), where
 * its products then run at a fifth of what the CPU's AVX-512 allows. A yardstick that slow would
 * flatter the browser, so pickOpenblasCore times OpenBLAS's own pick and every other kernel set
 * the CPU's flags allow, and PyTorch runs on the fastest (OPENBLAS_CORETYPE).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { round } from './util.mjs';

/** The environment for PyTorch on `threads` threads and, when `core` is set, that OpenBLAS kernel set. */
export function threadEnv(threads, core) {
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads) };
  if (core) env.OPENBLAS_CORETYPE = core;
  else delete env.OPENBLAS_CORETYPE;
  return env;
}

/** OpenBLAS kernels this CPU can run, besides OpenBLAS's own pick, from the flags Linux lists. */
export function openblasCandidates(flags) {
  const has = (...f) => f.every((x) => flags.has(x));
  const list = [];
  if (has('avx2', 'fma')) list.push('Haswell');
  if (has('avx512f', 'avx512dq', 'avx512bw', 'avx512vl')) list.push('SkylakeX');
  if (has('avx512f', 'avx512dq', 'avx512bw', 'avx512vl', 'avx512_bf16')) list.push('Cooperlake');
  return list;
}

function cpuFlags() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('flags'));
    return new Set((line ?? '').split(':')[1]?.trim().split(/\s+/) ?? []);
  } catch {
    return new Set();
  }
}

/** The students' and the teacher's largest products, timed; prints OpenBLAS's core and GFLOP/s. */
const PROBE = `
import time, torch
torch.set_num_threads(THREADS)
shapes = [(128, 784, 800), (128, 800, 800), (128, 1200, 1200)]
ms = [(torch.randn(m, k), torch.randn(k, n)) for m, k, n in shapes]
for a, b in ms: a @ b
best = float('inf')
for _ in range(5):
    t = time.perf_counter()
    for _ in range(10):
        for a, b in ms: a @ b
    best = min(best, (time.perf_counter() - t) / 10)
print(sum(2 * m * k * n for m, k, n in shapes) / best / 1e9)
`;

/**
 * { core: the OPENBLAS_CORETYPE to set (null: OpenBLAS's own pick is as fast), name, detected:
 * OpenBLAS's own pick, probes: GFLOP/s of each }. A kernel set replaces the fastest so far only
 * when it beats it by 5 %, so OpenBLAS's own pick stays unless another is clearly faster.
 */
export function pickOpenblasCore(threads, python) {
  const probe = (core) => {
    const env = { ...threadEnv(threads, core), OPENBLAS_VERBOSE: '2' };
    const r = spawnSync(python, ['-c', PROBE.replace('THREADS', String(threads))], { encoding: 'utf8', env, timeout: 120_000 });
    if (r.status !== 0) return null;
    const named = /Core:\s*(\S+)/.exec(`${r.stderr}\n${r.stdout}`)?.[1] ?? core ?? 'unknown';
    return { asked: core ?? null, core: named, gflops: round(Number(r.stdout.trim().split('\n').at(-1)), 1) };
  };
  const own = probe(null);
  const probes = [own, ...openblasCandidates(cpuFlags()).map(probe)].filter((p) => p && Number.isFinite(p.gflops));
  if (!probes.length) return { core: null, detected: 'unknown', probes: [] };
  const best = probes.reduce((a, b) => (b.gflops > a.gflops * 1.05 ? b : a));
  return { core: best.asked, name: best.core, detected: own?.core ?? 'unknown', probes };
}

/** "OpenBLAS Haswell", or "OpenBLAS SkylakeX (set: it picked Prescott, 24.3 GFLOP/s on the step's products against 111.6)". */
export function describeOpenblas(o) {
  if (!o?.probes?.length) return 'BLAS unknown';
  if (!o.core) return `OpenBLAS ${o.detected}`;
  const own = o.probes.find((p) => p.asked === null);
  const best = o.probes.find((p) => p.asked === o.core);
  return `OpenBLAS ${o.name} (set: it picked ${o.detected}, ${own?.gflops ?? '?'} GFLOP/s on the step's products against ${best?.gflops ?? '?'})`;
}

