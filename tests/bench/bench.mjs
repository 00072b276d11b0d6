#!/usr/bin/env node
/**
 * Training-throughput benchmark: the app against a bare training loop, per tfjs backend.
 *
 *   npm run bench                       # builds dist/, then runs this
 *   node tests/bench/bench.mjs [--backends=webgpu,webgl,wasm,cpu] [--app-seconds=10]
 *                              [--bare-timeout=90] [--out=bench-results]
 *
 * For each backend, in a fresh browser context:
 *  (a) app: open /?backend=<b>&speed=0, click "Play", record `distill-step` events for --app-seconds;
 *      report the median examplesPerSecond over the second half and the steps done;
 *  (b) main-thread long tasks (> 50 ms) during that window (PerformanceObserver 'longtask');
 *  (c) bare loop: open /bench.html?backend=<b>, which trains the same step in a tight loop without
 *      UI or comlink and sets window.__bareBench = { examplesPerSecond, steps, backend }.
 * Prints a table and writes bench-results/bench-<date>.json. Measures only: never fails on a time.
 * Anything that cannot be measured becomes "n/a" with a reason.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, platform, release } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALL_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    backends: ALL_BACKENDS,
    appSeconds: 10,
    bareTimeoutSeconds: 90,
    loadTimeoutSeconds: 60,
    outDir: join(REPO_ROOT, 'bench-results'),
    dist: join(REPO_ROOT, 'dist'),
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'backends') opts.backends = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (key === 'app-seconds') opts.appSeconds = Number(value);
    else if (key === 'bare-timeout') opts.bareTimeoutSeconds = Number(value);
    else if (key === 'load-timeout') opts.loadTimeoutSeconds = Number(value);
    else if (key === 'out') opts.outDir = resolve(value);
    else if (key === 'dist') opts.dist = resolve(value);
    else if (key === 'help' || key === 'h') {
      console.log(
        'usage: node tests/bench/bench.mjs [--backends=webgpu,webgl,wasm,cpu] [--app-seconds=10]\n' +
          '       [--bare-timeout=90] [--load-timeout=60] [--out=bench-results] [--dist=dist]',
      );
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
  if (!(opts.appSeconds >= 2)) {
    console.error('bench: --app-seconds must be at least 2');
    process.exit(2);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (msg) => console.log(`[bench] ${msg}`);

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

async function launchBrowser() {
  const { chromium } = await import('@playwright/test');
  // chromium.ts is TypeScript; tsx (a dev dependency) lets plain Node import it.
  const { tsImport } = await import('tsx/esm/api');
  const { CHROMIUM_ARGS, chromiumPath } = await tsImport('../e2e/chromium.ts', import.meta.url);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return { browser, executablePath };
}

/** Collects long tasks from the very first script on; buffered picks up ones before observe(). */
function installLongTaskObserver() {
  const store = [];
  Object.defineProperty(window, '__longTasks', { value: store, configurable: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) store.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    Object.defineProperty(window, '__longTasksUnsupported', { value: true, configurable: true });
  }
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

async function measureApp(context, baseUrl, backend, opts) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${shortError(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isFaviconNoise(msg)) problems.push(`console error: ${shortError(msg.text())}`);
  });
  const result = { appExamplesPerSecond: undefined, steps: undefined, events: 0 };
  try {
    const url = `${baseUrl}/?backend=${backend}&speed=0`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.loadTimeoutSeconds * 1000 });
    if (!response || !response.ok()) throw new Error(`GET ${url} → HTTP ${response?.status() ?? 'no response'}`);

    const probe = await probeBackend(page, backend);
    result.adapter = probe.adapter;
    result.adapterInfo = probe.info;
    if (!probe.available) {
      result.reason = probe.reason;
      return result;
    }

    const play = page.getByRole('button', { name: 'Play', exact: true });
    try {
      await play.first().waitFor({ state: 'visible', timeout: opts.loadTimeoutSeconds * 1000 });
    } catch {
      throw new Error('no visible "Play" button');
    }
    const hasElement = await page.evaluate(() => !!document.querySelector('distill-playground'));
    if (!hasElement) throw new Error('no <distill-playground> element on the page');

    // Listen before clicking; keep a compact log of (time, step, ex/s, backend).
    await page.evaluate(() => {
      const el = document.querySelector('distill-playground');
      const events = [];
      Object.defineProperty(window, '__benchSteps', { value: events, configurable: true });
      el.addEventListener('distill-step', (e) => {
        const d = e.detail ?? {};
        events.push({ t: performance.now(), step: d.step, eps: d.examplesPerSecond, backend: d.backend });
      });
    });

    await play.first().click();
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForTimeout(opts.appSeconds * 1000);
    const t1 = await page.evaluate(() => performance.now());

    const { events, longTasks, longTasksUnsupported } = await page.evaluate(() => ({
      events: window.__benchSteps ?? [],
      longTasks: window.__longTasks ?? [],
      longTasksUnsupported: !!window.__longTasksUnsupported,
    }));
    // Best effort: stop training so the next backend starts on a quiet machine.
    await page
      .getByRole('button', { name: 'Pause', exact: true })
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});

    const inWindow = events.filter((e) => e.t >= t0 && e.t <= t1);
    const before = events.filter((e) => e.t < t0);
    result.events = inWindow.length;
    const halfway = t0 + (t1 - t0) / 2;
    const rates = inWindow.filter((e) => e.t >= halfway && Number.isFinite(e.eps)).map((e) => e.eps);
    result.appExamplesPerSecond = median(rates);
    const last = inWindow.at(-1);
    const stepBefore = before.at(-1)?.step ?? 0;
    if (last && Number.isFinite(last.step)) result.steps = last.step - stepBefore;
    const reported = [...new Set(inWindow.map((e) => e.backend).filter(Boolean))];
    if (reported.length) result.appBackend = reported.join(',');
    if (reported.length && !reported.includes(backend)) {
      result.note = `app reported backend ${reported.join(',')} (fell back?)`;
    }

    if (longTasksUnsupported) {
      result.longTasks = undefined;
      result.longTaskNote = 'longtask entries unsupported';
    } else {
      const during = longTasks.filter((lt) => lt.startTime >= t0 && lt.startTime <= t1);
      result.longTasks = {
        count: during.length,
        totalMs: Math.round(during.reduce((s, lt) => s + lt.duration, 0)),
        maxMs: Math.round(Math.max(0, ...during.map((lt) => lt.duration))),
        beforePlayCount: longTasks.filter((lt) => lt.startTime < t0).length,
      };
    }
    if (!inWindow.length) result.reason = `no distill-step events in ${opts.appSeconds} s`;
    else if (result.appExamplesPerSecond === undefined) result.reason = 'distill-step events carry no examplesPerSecond';
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
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${shortError(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isFaviconNoise(msg)) problems.push(`console error: ${shortError(msg.text())}`);
  });
  const result = { bareExamplesPerSecond: undefined };
  try {
    // Checked on disk: a preview server answers a missing page with index.html (SPA fallback).
    if (!existsSync(join(opts.dist, 'tests/bench/bench.html'))) throw new Error('bench.html not in the build (dist/tests/bench/bench.html missing)');
    const url = `${baseUrl}/tests/bench/bench.html?backend=${backend}`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.loadTimeoutSeconds * 1000 });
    if (!response || !response.ok()) throw new Error(`GET /bench.html → HTTP ${response?.status() ?? 'no response'}`);
    // A preview server may answer a missing page with the app's index.html; that is not bench.html.
    const isAppShell = await page.evaluate(() => !!document.querySelector('distill-playground'));
    if (isAppShell) throw new Error('bench.html missing (server returned the app page)');
    const handle = await withTimeout(
      page.waitForFunction(() => window.__bareBench, null, { timeout: 0, polling: 250 }),
      opts.bareTimeoutSeconds * 1000,
      'waiting for window.__bareBench',
    );
    const bare = await handle.jsonValue();
    result.bare = bare;
    if (bare?.error) throw new Error(`bench.html: ${bare.error}`);
    result.bareExamplesPerSecond = Number.isFinite(bare?.examplesPerSecond) ? bare.examplesPerSecond : undefined;
    result.bareSteps = bare?.steps;
    result.bareBackend = bare?.backend;
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
  const header = ['backend', 'adapter', 'app ex/s', 'steps', 'bare ex/s', 'app/bare', `long tasks (${appSeconds} s)`];
  const lines = rows.map((r) => [
    r.backend,
    (r.adapter ?? 'n/a').slice(0, 40),
    fmtRate(r.appExamplesPerSecond),
    r.steps === undefined ? 'n/a' : String(r.steps),
    fmtRate(r.bareExamplesPerSecond),
    r.ratio === undefined ? 'n/a' : r.ratio.toFixed(2),
    r.longTasks ? `${r.longTasks.count} (${r.longTasks.totalMs} ms, max ${r.longTasks.maxMs})` : 'n/a',
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

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();
  if (!existsSync(join(opts.dist, 'index.html'))) {
    console.error(`bench: ${opts.dist}/index.html not found; build the app first (npm run build).`);
    process.exit(1);
  }
  if (!existsSync(join(opts.dist, 'tests/bench/bench.html'))) {
    log(`note: ${opts.dist}/bench.html is missing; the bare-loop column will be n/a.`);
  }

  const server = await startPreview(opts.dist);
  log(`serving ${opts.dist} at ${server.url} (vite preview)`);
  let browser;
  const rows = [];
  let meta;
  try {
    const launched = await launchBrowser();
    browser = launched.browser;
    log(`browser: ${launched.executablePath ?? "Playwright's default"} (Chromium ${browser.version()})`);
    meta = {
      date: started.toISOString(),
      commit: gitCommit(),
      node: process.version,
      os: `${platform()} ${release()}`,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      chromium: browser.version(),
      chromiumPath: launched.executablePath,
      appSeconds: opts.appSeconds,
      backends: opts.backends,
    };

    for (const backend of opts.backends) {
      log(`${backend}: app for ${opts.appSeconds} s ...`);
      const row = { backend };
      // Fresh contexts: no worker, GPU device or cache state carries over between measurements.
      let context = await browser.newContext();
      await context.addInitScript(installLongTaskObserver);
      try {
        Object.assign(row, await measureApp(context, server.url, backend, opts));
      } finally {
        await context.close().catch(() => {});
      }
      log(`${backend}: bare loop ...`);
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
        `${backend}: app ${fmtRate(row.appExamplesPerSecond)} ex/s, bare ${fmtRate(row.bareExamplesPerSecond)} ex/s` +
          (row.reason ? ` (app n/a: ${row.reason})` : '') +
          (row.bareReason ? ` (bare n/a: ${row.bareReason})` : ''),
      );
      rows.push(row);
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.close().catch(() => {});
  }

  printTable(rows, opts.appSeconds);
  mkdirSync(opts.outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
  const file = join(opts.outDir, `bench-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ meta, results: rows }, null, 2)}\n`);
  log(`wrote ${file}`);
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});
