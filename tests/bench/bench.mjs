#!/usr/bin/env node
/**
 * Training-throughput benchmark: the app against a bare training loop, per tfjs backend.
 *
 *   npm run bench                       # builds dist/ (app + bare-loop page), then runs this
 *   node tests/bench/bench.mjs [--backends=webgpu,webgl,wasm,cpu] [--app-seconds=10] [--help]
 *   node tests/bench/bench.mjs --startup=only --backends=wasm,webgl   # startup timings only
 *
 * Serves dist/ with `vite preview` and drives Debian's Chromium (flags: tests/e2e/chromium.ts).
 * For each backend, in fresh browser contexts:
 *  (a) app: dist/index.html as /?backend=<b>&speed=0. Waits for the first `distill-step` (the
 *      init snapshot; ~20 s on SwiftShader WebGPU), clicks "Play", waits for --warmup-steps steps,
 *      then records `distill-step` events for --app-seconds. Reports the median examplesPerSecond
 *      over the window's second half, the steps done, and, as a check, examples seen / time
 *      between the window's first and last snapshots;
 *  (b) main-thread long tasks (> 50 ms) during that window (PerformanceObserver 'longtask');
 *  (c) bare loop: dist/tests/bench/bench.html?backend=<b>&seconds=<s> (tests/bench/bench.html →
 *      bare-loop.ts → bare.worker.ts), which trains the same Toy2dRun.trainStep in a tight loop
 *      without UI, snapshots or comlink, and sets window.__bareBench = { backend, adapter, steps,
 *      seconds, examplesPerSecond, batchSize } or { error }.
 *  (d) startup (tests/bench/startup.mjs; --startup=both (default), only or skip): per backend, for
 *      `auto`, for `auto` in a Chromium without the GPU flags and for `auto` on a second visit,
 *      --startup-runs fresh contexts each: navigation → first `distill-step` (the init snapshot)
 *      and Play → first `distill-step` with step ≥ 1, with the backend the app chose.
 * Prints a table and a "Startup" one, and writes bench-results/bench-<date>.json (with machine,
 * Chromium version and dates). Measures only: never fails on a time. Every wait is bounded
 * (per-phase timeouts and an overall --max-minutes); anything that cannot be measured becomes
 * "n/a" with a reason.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureStartup, printStartupTable } from './startup.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALL_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
const STARTUP_MODES = ['both', 'only', 'skip'];
const USAGE = `usage: node tests/bench/bench.mjs [--backends=webgpu,webgl,wasm,cpu] [--app-seconds=10]
       [--bare-seconds=5] [--warmup-steps=3] [--load-timeout=60] [--init-timeout=90]
       [--warmup-timeout=60] [--extra-seconds=45] [--bare-timeout=120] [--max-minutes=12+10]
       [--startup=both|only|skip] [--startup-runs=2] [--first-step-timeout=90] [--out=bench-results] [--dist=dist]
  --startup        both: throughput, then startup timings (default); only: startup timings; skip: throughput
  --startup-runs   fresh-context runs per startup row (median and each value are reported)
  --first-step-timeout  seconds from Play to the first training step before a startup run says n/a
  --max-minutes    overall limit; default 12 for throughput plus 10 for startup`;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    backends: ALL_BACKENDS,
    appSeconds: 10,
    bareSeconds: 5,
    warmupSteps: 3,
    loadTimeoutSeconds: 60,
    initTimeoutSeconds: 90,
    warmupTimeoutSeconds: 60,
    extraSeconds: 45,
    bareTimeoutSeconds: 120,
    maxMinutes: undefined,
    startup: 'both',
    startupRuns: 2,
    firstStepTimeoutSeconds: 90,
    outDir: join(REPO_ROOT, 'bench-results'),
    dist: join(REPO_ROOT, 'dist'),
  };
  const seconds = (value) => Number(value);
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'backends') opts.backends = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (key === 'app-seconds') opts.appSeconds = seconds(value);
    else if (key === 'bare-seconds') opts.bareSeconds = seconds(value);
    else if (key === 'warmup-steps') opts.warmupSteps = seconds(value);
    else if (key === 'load-timeout') opts.loadTimeoutSeconds = seconds(value);
    else if (key === 'init-timeout') opts.initTimeoutSeconds = seconds(value);
    else if (key === 'warmup-timeout') opts.warmupTimeoutSeconds = seconds(value);
    else if (key === 'extra-seconds') opts.extraSeconds = seconds(value);
    else if (key === 'bare-timeout') opts.bareTimeoutSeconds = seconds(value);
    else if (key === 'max-minutes') opts.maxMinutes = seconds(value);
    else if (key === 'startup') opts.startup = value;
    else if (key === 'startup-runs') opts.startupRuns = seconds(value);
    else if (key === 'first-step-timeout') opts.firstStepTimeoutSeconds = seconds(value);
    else if (key === 'out') opts.outDir = resolve(value);
    else if (key === 'dist') opts.dist = resolve(value);
    else if (key === 'help' || key === 'h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  const unknown = opts.backends.filter((b) => !ALL_BACKENDS.includes(b));
  if (unknown.length) {
    console.error(`bench: unknown backend(s) ${unknown.join(', ')}; choose from ${ALL_BACKENDS.join(', ')}`);
    process.exit(2);
  }
  if (!STARTUP_MODES.includes(opts.startup)) {
    console.error(`bench: --startup must be one of ${STARTUP_MODES.join(', ')}`);
    process.exit(2);
  }
  if (!(Number.isInteger(opts.startupRuns) && opts.startupRuns >= 1)) {
    console.error('bench: --startup-runs must be a whole number ≥ 1');
    process.exit(2);
  }
  opts.maxMinutes ??= (opts.startup === 'only' ? 0 : 12) + (opts.startup === 'skip' ? 0 : 10);
  if (!(opts.appSeconds >= 2)) {
    console.error('bench: --app-seconds must be at least 2');
    process.exit(2);
  }
  const numeric = ['bareSeconds', 'warmupSteps', 'loadTimeoutSeconds', 'initTimeoutSeconds', 'warmupTimeoutSeconds', 'extraSeconds', 'bareTimeoutSeconds', 'maxMinutes', 'firstStepTimeoutSeconds'];
  const bad = numeric.filter((k) => !(opts[k] > 0));
  if (bad.length) {
    console.error(`bench: ${bad.join(', ')} must be positive numbers`);
    process.exit(2);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (msg) => console.log(`[bench] ${msg}`);

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function median(values) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function shortError(err) {
  const text = String(err?.message ?? err).split('\n')[0];
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Chromium asks for /favicon.ico by itself; its 404 says nothing about the app. */
function isFaviconNoise(msg) {
  return /\/favicon\.ico(\?|$)/.test(msg.location()?.url ?? '');
}

/** "WebGL 2 · ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...)))" → "WebGL 2 · SwiftShader (Vulkan)". */
function shortAdapter(adapter) {
  if (!adapter) return 'n/a';
  const text = String(adapter);
  if (/swiftshader/i.test(text) && /ANGLE/.test(text)) {
    const api = text.match(/Vulkan|OpenGL|D3D11|Metal/)?.[0];
    return `${text.split(' · ')[0]} · SwiftShader${api ? ` (${api})` : ''}`;
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function fmtRate(value) {
  if (value === undefined || value === null || !Number.isFinite(value)) return 'n/a';
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Server and browser

async function startPreview(distDir) {
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local?.[0] ?? `http://127.0.0.1:${port}/`;
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}

/**
 * `gpuFlags: false` leaves out the WebGPU/Vulkan and WebGL/SwiftShader flags: what a laptop
 * without a usable GPU gets (no WebGPU; Chromium still offers WebGL, drawn by SwiftShader).
 */
async function launchBrowser({ gpuFlags = true } = {}) {
  const { chromium } = await import('@playwright/test');
  // chromium.ts is TypeScript; tsx (a dev dependency) lets plain Node import it.
  const { tsImport } = await import('tsx/esm/api');
  const { CHROMIUM_ARGS, QUIET_ARGS, chromiumPath } = await tsImport('../e2e/chromium.ts', import.meta.url);
  const executablePath = chromiumPath();
  const args = gpuFlags ? CHROMIUM_ARGS : [...QUIET_ARGS];
  const browser = await chromium.launch({ executablePath, args, headless: true });
  return { browser, executablePath, args };
}

/**
 * Runs in every page before its own scripts: collects main-thread long tasks and the playground's
 * events from the very start (the init snapshot can arrive before the bench could attach anything).
 * The events are bubbling and composed, so a window listener sees them out of the shadow DOM.
 */
function installPageRecorders() {
  const longTasks = [];
  const steps = [];
  const backends = [];
  const errors = [];
  const define = (name, value) => Object.defineProperty(window, name, { value, configurable: true });
  define('__longTasks', longTasks);
  define('__benchSteps', steps);
  define('__benchBackends', backends);
  define('__benchErrors', errors);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    define('__longTasksUnsupported', true);
  }
  window.addEventListener('distill-step', (e) => {
    const d = e.detail ?? {};
    steps.push({ t: performance.now(), step: d.step, seen: d.examplesSeen, eps: d.examplesPerSecond, running: d.running });
  });
  window.addEventListener('distill-backend', (e) => backends.push({ t: performance.now(), ...(e.detail ?? {}) }));
  window.addEventListener('distill-error', (e) => errors.push({ t: performance.now(), ...(e.detail ?? {}) }));
}

/** Describes the hardware behind a backend as this page sees it; `available: false` skips it. */
async function probeBackend(page, backend) {
  return page.evaluate(async (b) => {
    if (b === 'webgpu') {
      if (!('gpu' in navigator)) return { available: false, reason: 'navigator.gpu missing (WebGPU off)' };
      const adapter = await navigator.gpu.requestAdapter().catch(() => null);
      if (!adapter) return { available: false, reason: 'no WebGPU adapter' };
      const info = adapter.info ?? {};
      const fallback = adapter.isFallbackAdapter ?? info.isFallbackAdapter;
      const name = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
      return { available: true, adapter: `${name || 'unknown'}${fallback ? ' (fallback)' : ''}`, info: { ...info } };
    }
    if (b === 'webgl') {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return { available: false, reason: 'no WebGL2 context' };
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      const api = renderer.match(/Vulkan|OpenGL|D3D11|D3D9|Metal/)?.[0] ?? 'ANGLE';
      const short = /swiftshader/i.test(renderer) ? `SwiftShader (${api} via ANGLE)` : renderer;
      return { available: true, adapter: short, info: { renderer } };
    }
    if (b === 'wasm') {
      return {
        available: typeof WebAssembly === 'object',
        reason: 'no WebAssembly',
        adapter: crossOriginIsolated ? 'wasm (threads possible)' : 'wasm (no threads: not COI)',
        info: { crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency },
      };
    }
    return { available: true, adapter: 'JS (cpu backend)', info: {} };
  }, backend);
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** page.evaluate has no timeout of its own: a page stuck in a long task must not hang the bench. */
function evaluate(page, fn, arg, seconds = 30) {
  return withTimeout(page.evaluate(fn, arg), seconds * 1000, 'page.evaluate');
}

function pageProblems(page) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${shortError(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isFaviconNoise(msg)) problems.push(`console error: ${shortError(msg.text())}`);
  });
  page.on('crash', () => problems.push('page crashed'));
  return problems;
}

/** The app's examples/s and steps must agree within this factor, or the row gets a note. */
const CONSISTENCY_TOLERANCE = 1.3;

async function measureApp(context, baseUrl, backend, opts) {
  const page = await context.newPage();
  const problems = pageProblems(page);
  const result = { appExamplesPerSecond: undefined, steps: undefined, events: 0 };
  const firstError = () =>
    evaluate(page, () => window.__benchErrors?.[0]).then((e) => (e ? `distill-error ${e.code}: ${shortText(e.message)}` : undefined));
  const shortText = (text) => String(text ?? '').slice(0, 160);
  try {
    const url = `${baseUrl}/?backend=${backend}&speed=0`;
    const loadStart = Date.now();
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.loadTimeoutSeconds * 1000 });
    if (!response || !response.ok()) throw new Error(`GET ${url} → HTTP ${response?.status() ?? 'no response'}`);

    const hw = await withTimeout(probeBackend(page, backend), 30_000, 'backend probe');
    result.probeAdapter = hw.adapter;
    result.adapterInfo = hw.info;
    if (!hw.available) {
      result.reason = hw.reason;
      return result;
    }
    if (!(await evaluate(page, () => !!document.querySelector('distill-playground')))) {
      throw new Error('no <distill-playground> element on the page');
    }

    // 1. Initialisation: Play is a no-op until the worker has built the run, which it announces
    //    with the first distill-step (the step-0 snapshot). WebGPU on SwiftShader takes ~20 s here.
    try {
      await page.waitForFunction(() => window.__benchSteps.length > 0 || window.__benchErrors.length > 0, null, {
        timeout: opts.initTimeoutSeconds * 1000,
        polling: 250,
      });
    } catch {
      throw new Error(`no distill-step (init snapshot) within ${opts.initTimeoutSeconds} s of loading`);
    }
    const initError = await firstError();
    if (initError) throw new Error(`during init: ${initError}`);
    result.initSeconds = round((Date.now() - loadStart) / 1000, 1);
    const backends = await evaluate(page, () => window.__benchBackends);
    const used = backends.at(-1);
    if (used) {
      result.appBackend = used.name;
      result.adapter = `${used.adapter}`;
      if (used.name !== backend) result.note = `app fell back to ${used.name}: ${shortText(used.fallbackReason)}`;
    }

    // 2. Play, then warm up until the step count has moved (kernel compilation on the first steps).
    const play = page.getByRole('button', { name: 'Play', exact: true }).first();
    await play.click({ timeout: 10_000 });
    const stepAtPlay = await evaluate(page, () => window.__benchSteps.at(-1).step);
    const warmupStart = Date.now();
    try {
      await page.waitForFunction(
        ([from, n]) => window.__benchErrors.length > 0 || (window.__benchSteps.at(-1)?.step ?? 0) >= from + n,
        [stepAtPlay, opts.warmupSteps],
        { timeout: opts.warmupTimeoutSeconds * 1000, polling: 100 },
      );
    } catch {
      throw new Error(`fewer than ${opts.warmupSteps} steps within ${opts.warmupTimeoutSeconds} s of pressing Play`);
    }
    const playError = await firstError();
    if (playError) throw new Error(`after Play: ${playError}`);
    result.warmupSeconds = round((Date.now() - warmupStart) / 1000, 1);

    // 3. The measurement window: --app-seconds, stretched (up to --extra-seconds) until it holds
    //    two snapshots, one in its second half; slow devices (SwiftShader WebGPU) send one every few s.
    const t0 = await evaluate(page, () => performance.now());
    await page.waitForTimeout(opts.appSeconds * 1000);
    const enough = await page
      .waitForFunction(
        ([start]) => {
          const now = performance.now();
          const after = window.__benchSteps.filter((e) => e.t > start);
          return after.length >= 2 && after.at(-1).t >= start + (now - start) / 2;
        },
        [t0],
        { timeout: opts.extraSeconds * 1000, polling: 100 },
      )
      .then(() => true, () => false);
    if (!enough) result.note = `fewer than 2 snapshots in ${opts.appSeconds + opts.extraSeconds} s of training`;
    const t1 = await evaluate(page, () => performance.now());
    result.windowSeconds = round((t1 - t0) / 1000, 2);
    const { events, longTasks, longTasksUnsupported, errors } = await evaluate(page, () => ({
      events: window.__benchSteps,
      longTasks: window.__longTasks,
      longTasksUnsupported: !!window.__longTasksUnsupported,
      errors: window.__benchErrors,
    }));
    // Best effort: stop training so the next measurement starts on a quiet machine.
    await page
      .getByRole('button', { name: 'Pause', exact: true })
      .first()
      .click({ timeout: 3000 })
      .catch(() => {});

    const inWindow = events.filter((e) => e.t >= t0 && e.t <= t1);
    const base = events.filter((e) => e.t < t0).at(-1);
    const last = inWindow.at(-1);
    result.events = inWindow.length;
    const halfway = t0 + (t1 - t0) / 2;
    const rates = inWindow.filter((e) => e.t >= halfway && Number.isFinite(e.eps)).map((e) => e.eps);
    result.appExamplesPerSecond = median(rates);
    result.appRateSamples = rates.length;
    if (base && last) {
      result.steps = last.step - base.step;
      result.batchSize = result.steps > 0 ? round((last.seen - base.seen) / result.steps, 2) : undefined;
      // Independent checks of the app's own examples/s: examples seen / time between snapshots,
      // over the whole window and over its second half (the span the median covers).
      const over = (from) => {
        const seconds = (last.t - from.t) / 1000;
        return seconds > 0 && last.seen > from.seen ? (last.seen - from.seen) / seconds : undefined;
      };
      result.checkSeconds = round((last.t - base.t) / 1000, 2);
      result.appExamplesPerSecondFromSteps = over(base);
      const halfBase = events.filter((e) => e.t < halfway).at(-1);
      if (halfBase && halfBase !== last) result.appExamplesPerSecondFromStepsSecondHalf = over(halfBase);
    }
    const a = result.appExamplesPerSecond;
    const b = result.appExamplesPerSecondFromStepsSecondHalf;
    if (a > 0 && b > 0) {
      result.consistency = round(a / b, 3);
      if (a / b > CONSISTENCY_TOLERANCE || b / a > CONSISTENCY_TOLERANCE) {
        result.note = [result.note, `median app ex/s ${fmtRate(a)} vs ${fmtRate(b)} from examples seen / time over the same second half`]
          .filter(Boolean)
          .join('; ');
      }
    }
    if (errors.length) {
      result.note = [result.note, `distill-error ${errors[0].code}: ${shortText(errors[0].message)}`].filter(Boolean).join('; ');
    }

    if (longTasksUnsupported) {
      result.longTaskNote = 'longtask entries unsupported';
    } else {
      // Exactly --app-seconds of training, even when the window was stretched.
      const end = t0 + opts.appSeconds * 1000;
      const during = longTasks.filter((lt) => lt.startTime >= t0 && lt.startTime <= end);
      result.longTasks = {
        count: during.length,
        totalMs: Math.round(during.reduce((s, lt) => s + lt.duration, 0)),
        maxMs: Math.round(Math.max(0, ...during.map((lt) => lt.duration))),
        beforeWindowCount: longTasks.filter((lt) => lt.startTime < t0).length,
      };
    }
    if (!inWindow.length) result.reason = `no distill-step events in ${opts.appSeconds} s`;
    else if (result.appExamplesPerSecond === undefined) result.reason = 'no distill-step with examplesPerSecond in the second half';
  } catch (err) {
    result.reason = shortError(err);
  } finally {
    if (problems.length) result.problems = problems.slice(0, 5);
    if (result.reason && problems.length) result.reason += `; first ${problems[0]}`;
    await page.close().catch(() => {});
  }
  return result;
}

async function measureBare(context, baseUrl, backend, opts) {
  const page = await context.newPage();
  const problems = pageProblems(page);
  const result = { bareExamplesPerSecond: undefined };
  try {
    // Checked on disk: a preview server answers a missing page with index.html (SPA fallback).
    if (!existsSync(join(opts.dist, 'tests/bench/bench.html'))) throw new Error('dist/tests/bench/bench.html missing (not in the build)');
    const url = `${baseUrl}/tests/bench/bench.html?backend=${backend}&seconds=${opts.bareSeconds}`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.loadTimeoutSeconds * 1000 });
    if (!response || !response.ok()) throw new Error(`GET ${url} → HTTP ${response?.status() ?? 'no response'}`);
    if (await evaluate(page, () => !!document.querySelector('distill-playground'))) {
      throw new Error('bench.html missing (server returned the app page)');
    }
    try {
      await page.waitForFunction(() => window.__bareBench, null, { timeout: opts.bareTimeoutSeconds * 1000, polling: 250 });
    } catch {
      throw new Error(`no window.__bareBench within ${opts.bareTimeoutSeconds} s`);
    }
    const bare = await evaluate(page, () => window.__bareBench);
    result.bare = bare;
    if (bare?.error) throw new Error(`bench.html: ${bare.error}`);
    result.bareExamplesPerSecond = Number.isFinite(bare?.examplesPerSecond) ? bare.examplesPerSecond : undefined;
    result.bareSteps = bare?.steps;
    result.bareBackend = bare?.backend;
    result.bareAdapter = bare?.adapter;
    if (result.bareExamplesPerSecond === undefined) result.bareReason = '__bareBench has no examplesPerSecond';
    else if (bare?.backend && bare.backend !== backend) result.bareNote = `bare loop ran on ${bare.backend}`;
  } catch (err) {
    result.bareReason = shortError(err);
    if (problems.length) result.bareReason += `; first ${problems[0]}`;
  } finally {
    if (problems.length) result.bareProblems = problems.slice(0, 5);
    await page.close().catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

function printTable(rows, appSeconds) {
  const header = ['backend', 'adapter', 'app ex/s', 'bare ex/s', 'app/bare', `long tasks > 50 ms (${appSeconds} s)`, 'steps', 'app steps×batch/s', 'that/bare'];
  const lines = rows.map((r) => [
    r.backend,
    shortAdapter(r.adapter ?? r.bareAdapter ?? r.probeAdapter),
    fmtRate(r.appExamplesPerSecond),
    fmtRate(r.bareExamplesPerSecond),
    r.ratio === undefined ? 'n/a' : r.ratio.toFixed(2),
    r.longTasks ? `${r.longTasks.count} (${r.longTasks.totalMs} ms, max ${r.longTasks.maxMs})` : 'n/a',
    r.steps === undefined ? 'n/a' : `${r.steps} in ${r.checkSeconds.toFixed(1)} s`,
    fmtRate(r.appExamplesPerSecondFromSteps),
    r.appExamplesPerSecondFromSteps > 0 && r.bareExamplesPerSecond > 0
      ? (r.appExamplesPerSecondFromSteps / r.bareExamplesPerSecond).toFixed(2)
      : 'n/a',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  const notes = rows.flatMap((r) =>
    [
      r.reason && `${r.backend} app: n/a: ${r.reason}`,
      r.note && `${r.backend} app: ${r.note}`,
      r.bareReason && `${r.backend} bare: n/a: ${r.bareReason}`,
      r.bareNote && `${r.backend} bare: ${r.bareNote}`,
    ].filter(Boolean),
  );
  if (notes.length) {
    console.log('');
    for (const n of notes) console.log(`  - ${n}`);
  }
  console.log('');
}

function printTables(opts, rows, startupRows) {
  if (opts.startup !== 'only') printTable(rows, opts.appSeconds);
  else console.log('');
  if (opts.startup !== 'skip') printStartupTable(startupRows);
}

function writeResults(opts, meta, rows, startupRows) {
  mkdirSync(opts.outDir, { recursive: true });
  const stamp = meta.started.replace(/[:]/g, '-').replace(/\..*$/, '');
  const file = join(opts.outDir, `bench-${stamp}.json`);
  const results = opts.startup === 'only' ? {} : { results: rows };
  if (opts.startup !== 'skip') results.startup = startupRows;
  writeFileSync(file, `${JSON.stringify({ meta, ...results }, null, 2)}\n`);
  log(`wrote ${file}`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();
  if (!existsSync(join(opts.dist, 'index.html'))) {
    console.error(`bench: ${opts.dist}/index.html not found; build the app first (npm run build).`);
    process.exit(1);
  }
  if (opts.startup !== 'only' && !existsSync(join(opts.dist, 'tests/bench/bench.html'))) {
    log(`note: ${opts.dist}/tests/bench/bench.html is missing; the bare-loop column will be n/a.`);
  }

  const rows = [];
  const startupRows = [];
  const meta = {
    started: started.toISOString(),
    finished: undefined,
    commit: gitCommit(),
    node: process.version,
    os: `${platform()} ${release()}`,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    // Other work on the machine skews every number here; compare runs only at a similar load.
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
    chromium: undefined,
    chromiumPath: undefined,
    options: {
      appSeconds: opts.appSeconds,
      bareSeconds: opts.bareSeconds,
      warmupSteps: opts.warmupSteps,
      backends: opts.backends,
      startup: opts.startup,
      startupRuns: opts.startupRuns,
      maxMinutes: opts.maxMinutes,
    },
  };

  // Never hang: past the overall limit, report what was measured and stop.
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${opts.maxMinutes} min; stopping with partial results.`);
    meta.finished = new Date().toISOString();
    meta.aborted = `overall limit of ${opts.maxMinutes} min reached`;
    printTables(opts, rows, startupRows);
    writeResults(opts, meta, rows, startupRows);
    process.exit(3);
  }, opts.maxMinutes * 60_000);
  watchdog.unref();

  const server = await startPreview(opts.dist);
  log(`serving ${opts.dist} at ${server.url} (vite preview)`);
  let browser;
  try {
    const launched = await launchBrowser();
    browser = launched.browser;
    meta.chromium = browser.version();
    meta.chromiumPath = launched.executablePath;
    log(
      `browser: ${launched.executablePath ?? "Playwright's default"} (Chromium ${meta.chromium}); ` +
        `${meta.cores} cores, load average ${meta.loadAverageAtStart.join(' ')}`,
    );

    for (const backend of opts.startup === 'only' ? [] : opts.backends) {
      const row = { backend, startedAt: new Date().toISOString() };
      rows.push(row);
      log(`${backend}: app (init, ${opts.warmupSteps} warm-up steps, ${opts.appSeconds} s of training) ...`);
      // Fresh contexts: no worker, GPU device or cache state carries over between measurements.
      let context = await browser.newContext();
      await context.addInitScript(installPageRecorders);
      try {
        Object.assign(row, await measureApp(context, server.url, backend, opts));
      } finally {
        await context.close().catch(() => {});
      }
      log(`${backend}: bare loop (${opts.bareSeconds} s) ...`);
      context = await browser.newContext();
      try {
        Object.assign(row, await measureBare(context, server.url, backend, opts));
      } finally {
        await context.close().catch(() => {});
      }
      if (row.appExamplesPerSecond > 0 && row.bareExamplesPerSecond > 0) {
        row.ratio = row.appExamplesPerSecond / row.bareExamplesPerSecond;
      }
      log(
        `${backend}: app ${fmtRate(row.appExamplesPerSecond)} ex/s (steps × batch / time: ${fmtRate(row.appExamplesPerSecondFromSteps)}), ` +
          `bare ${fmtRate(row.bareExamplesPerSecond)} ex/s` +
          (row.reason ? ` (app n/a: ${row.reason})` : '') +
          (row.bareReason ? ` (bare n/a: ${row.bareReason})` : ''),
      );
    }

    if (opts.startup !== 'skip') {
      log(`startup: ${opts.backends.join(', ')}, auto, auto without GPU flags, auto second visit; ${opts.startupRuns} run(s) each ...`);
      await measureStartup({
        browser,
        launchPlainBrowser: () => launchBrowser({ gpuFlags: false }),
        baseUrl: server.url,
        opts,
        rows: startupRows,
        deps: { log, round, median, evaluate, pageProblems, shortError, installPageRecorders },
      });
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.close().catch(() => {});
  }

  meta.finished = new Date().toISOString();
  meta.loadAverageAtEnd = loadavg().map((v) => round(v, 2));
  meta.durationSeconds = round((Date.now() - started.getTime()) / 1000, 1);
  clearTimeout(watchdog);
  printTables(opts, rows, startupRows);
  writeResults(opts, meta, rows, startupRows);
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});
