#!/usr/bin/env node
/**
 * The native yardstick: the MNIST lab's training step in PyTorch on the CPU and in the app's own
 * worker on WebAssembly in headless Chromium, in one run, on the same number of threads.
 *
 *   npm run bench:native                    # builds dist/ first
 *   node tests/bench/native.mjs [--steps=30] [--dist=dist] [--out=bench-results]
 *
 * Needs Debian's PyTorch (`python3-torch`, with `libopenblas0-pthread`): when /usr/bin/python3
 * cannot import torch, this installs them (as root, with apt-get) or prints the command and stops.
 * Never part of `npm test`. The step: three 784-800-800-10 students (labels, KD, KD), batch 128,
 * Adam; `cached` (the teacher's logits computed once, what the app runs once every transfer image
 * has been drawn) and `teacher` (plus the teacher's forward pass, while the cache fills). Prints
 * ms per step and GFLOP/s for both, their ratio (target: browser ≥ 0.5× native), where the
 * browser's time goes (kernels per step, from tf.profile) and PyTorch's (forward, backward, Adam),
 * and writes bench-results/native-<date>.json. PyTorch runs on the fastest OpenBLAS kernels the
 * CPU can run (pickOpenblasCore), not always the ones OpenBLAS picks itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { REPO_ROOT } from './options.mjs';
import { describeOpenblas, pickOpenblasCore, threadEnv } from './openblas.mjs';
import { describeCeiling, productCeiling } from './ceiling.mjs';
import { log, round } from './util.mjs';

export const NATIVE_TARGET = 0.5;
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const APT = 'apt-get install -y python3-torch libopenblas0-pthread';

/** torch importable, else installed (root + apt-get), else null with the command to run. */
export function ensureTorch() {
  const probe = () => spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe().status === 0) return { ok: true };
  const root = process.getuid?.() === 0;
  if (!root || spawnSync('which', ['apt-get']).status !== 0) return { ok: false, reason: `PyTorch is missing for ${PYTHON}: run \`sudo ${APT}\`` };
  log(`PyTorch missing: ${APT} ...`);
  const r = spawnSync('sh', ['-c', `apt-get install -y python3-torch libopenblas0-pthread || (apt-get update && ${APT})`], { stdio: 'inherit' });
  if (r.status !== 0 || probe().status !== 0) return { ok: false, reason: `could not install PyTorch: run \`${APT}\`` };
  return { ok: true };
}

/** PyTorch's half on `threads` threads, on `openblas` (pickOpenblasCore's choice, made here when not given). */
export function runTorch(threads, steps, openblas = pickOpenblasCore(threads, PYTHON)) {
  const env = threadEnv(threads, openblas.core);
  const r = spawnSync(PYTHON, [join(REPO_ROOT, 'tests/bench/native.py'), String(threads), String(steps)], { encoding: 'utf8', env, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`native.py failed: ${(r.stderr || r.stdout).trim().split('\n').at(-1)}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), openblas };
}

/** The wasm backend's thread count for this machine (tfjs: min(8, cores / 2), at least 1). */
function expectedThreads() {
  return Math.max(1, Math.min(8, Math.floor(cpus().length / 2)));
}

/**
 * Both halves, PyTorch run before and after the browser's (the host's speed drifts over minutes:
 * PyTorch's step went from 41 to 54 ms between two runs here). Each case's faster PyTorch time
 * is the yardstick (the stricter one); `nativeRuns` keeps both.
 */
export async function measureNative(browser, dist, steps) {
  // One choice of OpenBLAS kernels for both PyTorch runs (the probe takes ~10 s, and a second
  // one can pick the other of two close kernel sets).
  const threads = expectedThreads();
  const openblas = pickOpenblasCore(threads, PYTHON);
  const before = runTorch(threads, steps, openblas);
  const browserResult = await runBrowserStep(browser, dist, steps);
  const after = browserResult.threads === threads ? runTorch(threads, steps, openblas) : runTorch(browserResult.threads, steps);
  const runs = before.threads === after.threads ? [before, after] : [after];
  const cases = after.cases.map((c) => runs.map((r) => r.cases.find((x) => x.case === c.case) ?? c).reduce((a, b) => (b.msPerStep < a.msPerStep ? b : a)));
  const native = { ...after, cases };
  return { browser: browserResult, native, nativeRuns: runs.map((r) => Object.fromEntries(r.cases.map((c) => [c.case, c.msPerStep]))) };
}

export async function runBrowserStep(browser, dist, steps) {
  const { startStaticServer } = await import('../e2e/static-server.mjs');
  if (!existsSync(join(dist, 'tests/bench/native.html'))) throw new Error(`${dist}/tests/bench/native.html missing: build first (npm run build)`);
  const server = await startStaticServer({ root: dist });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/tests/bench/native.html?steps=${steps}`);
    await page.waitForFunction(() => window.__nativeStep, null, { timeout: 600_000, polling: 500 });
    const result = await page.evaluate(() => window.__nativeStep);
    if (result.error) throw new Error(`native.html: ${result.error}`);
    return result;
  } finally {
    await context.close().catch(() => {});
    await server.close();
  }
}

export function nativeRows(browserResult, torchResult) {
  return browserResult.cases.map((b) => {
    const n = torchResult.cases.find((c) => c.case === b.case);
    return { case: b.case, browser: b, native: n, ratio: n ? b.gflops / n.gflops : undefined };
  });
}

export function printNativeTable(browserResult, torchResult, nativeRuns = []) {
  const rows = nativeRows(browserResult, torchResult);
  const header = ['step (median of each)', 'GFLOP / step', 'browser (wasm) ms', 'GFLOP/s', 'PyTorch (CPU) ms', 'GFLOP/s', 'browser / native', 'target'];
  const lines = rows.map((r) => [
    r.case === 'cached' ? 'teacher logits cached' : 'with teacher forward',
    (r.browser.flopsPerStep / 1e9).toFixed(2),
    r.browser.msPerStep.toFixed(0),
    r.browser.gflops.toFixed(1),
    r.native ? r.native.msPerStep.toFixed(0) : 'n/a',
    r.native ? r.native.gflops.toFixed(1) : 'n/a',
    r.ratio === undefined ? 'n/a' : `${r.ratio.toFixed(2)}×`,
    `≥ ${NATIVE_TARGET}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(
    `Native yardstick: MNIST step, 3 students 784-800-800-10, batch 128, Adam; ${browserResult.threads} thread(s) each ` +
      `(browser: wasm ${browserResult.adapter}; PyTorch ${torchResult.torch}, ${describeOpenblas(torchResult.openblas)}):`,
  );
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  for (const [label, list] of [['cached', browserResult.kernels], ['teacher', browserResult.teacherKernels ?? []]]) {
    if (!list.length) continue;
    const total = list.reduce((a, k) => a + k.ms, 0);
    console.log(`  - browser, per ${label} step (tf.profile, ${total.toFixed(0)} ms in kernels): ` +
      list.slice(0, 8).map((k) => `${k.name} ×${k.calls} ${k.ms.toFixed(1)} ms`).join(', '));
  }
  const cachedRow = rows.find((r) => r.case === 'cached');
  const ceiling = cachedRow?.native && productCeiling({ kernels: browserResult.kernels, stepMs: cachedRow.browser.msPerStep, nativeMs: cachedRow.native.msPerStep, peak: browserResult.fmaPeakGflops });
  if (ceiling) console.log(`  - ${describeCeiling(ceiling, cachedRow.native.msPerStep, browserResult.fused)}`);
  if (browserResult.products?.length) {
    console.log(`  - the products by shape (A · B as stored), per cached step: ` +
      browserResult.products.slice(0, 8).map((k) => `${k.name} ×${k.calls} ${k.ms.toFixed(1)} ms (${(k.flops / k.ms / 1e6).toFixed(0)} GFLOP/s)`).join(', '));
  }
  const p = torchResult.cases.find((c) => c.case === 'cached')?.phasesMsPerStep;
  if (p) console.log(`  - PyTorch, per cached step: forward ${p.forward.toFixed(1)} ms, backward ${p.backward.toFixed(1)} ms, Adam ${p.adam.toFixed(1)} ms`);
  if (nativeRuns.length > 1) {
    console.log(`  - PyTorch before and after the browser: ${nativeRuns.map((r) => `${r.cached.toFixed(0)} / ${r.teacher.toFixed(0)} ms`).join(' and ')} (cached / teacher); the table has the faster of each`);
  }
  const first = browserResult.firstSteps ?? [];
  if (first.length >= 10) {
    const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`  - browser, a fresh worker's first ${first.length} steps (teacher included, kernels compiling): ` +
      `step 1 ${first[0].toFixed(0)} ms, steps 2–10 median ${med(first.slice(1, 10)).toFixed(0)} ms, steps ${first.length - 9}–${first.length} median ${med(first.slice(-10)).toFixed(0)} ms`);
  }
  console.log('');
}

const isMain = process.argv[1] && import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const steps = Number(args.steps ?? 30);
  const dist = args.dist ?? join(REPO_ROOT, 'dist');
  const outDir = args.out ?? join(REPO_ROOT, 'bench-results');
  const torch = ensureTorch();
  if (!torch.ok) {
    console.error(`bench:native: ${torch.reason}`);
    process.exit(2);
  }
  const started = new Date();
  const { browser } = await launchBrowser();
  let result;
  try {
    log(`PyTorch, then the browser (MNIST step on wasm in headless Chromium), then PyTorch again; ${steps} steps per case ...`);
    result = await measureNative(browser, dist, steps);
  } finally {
    await browser.close();
  }
  const { browser: browserResult, native: torchResult, nativeRuns } = result;
  printNativeTable(browserResult, torchResult, nativeRuns);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `native-${started.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '')}.json`);
  const meta = { started: started.toISOString(), cpuModel: cpus()[0]?.model, cores: cpus().length, loadAverage: loadavg().map((v) => round(v, 2)) };
  writeFileSync(file, `${JSON.stringify({ meta, browser: browserResult, native: torchResult, nativeRuns, rows: nativeRows(browserResult, torchResult) }, null, 2)}\n`);
  log(`wrote ${file}`);
}
