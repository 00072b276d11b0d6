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
 *      init snapshot; ~10–20 s on SwiftShader WebGPU), then --rounds times: clicks "Play", waits
 *      for --warmup-steps steps and --warmup-seconds (the bare loop warms up 1 s too), records
 *      `distill-step` events for --app-seconds (a window), and pauses. Reports examples seen /
 *      time between each window's first and last snapshots (what app / bare is made of), the
 *      steps done, and, as a check of what the page shows, the median examplesPerSecond the app
 *      reported over the windows' second halves;
 *  (b) main-thread long tasks (> 50 ms) in each window (PerformanceObserver 'longtask'); the
 *      worst window is reported;
 *  (c) bare loop, before the first window, between windows and after the last, the app paused:
 *      dist/tests/bench/bench.html?backend=<b>&seconds=<s> (tests/bench/bench.html →
 *      bare-loop.ts → bare.worker.ts), which trains the same Toy2dRun.trainStep in a tight loop
 *      without UI, snapshots or comlink, and sets window.__bareBench = { backend, adapter, steps,
 *      seconds, examplesPerSecond, batchSize } or { error }. app / bare is the median over the
 *      windows of each window's examples per second over the bare runs just before and after it
 *      (bare-ratio.mjs), so the host's drift over the measurement cancels;
 *  (d) startup (tests/bench/startup.mjs; --startup=both (default), only or skip): per backend, for
 *      `auto`, for `auto` in a Chromium without the GPU flags and for `auto` on a second visit,
 *      --startup-runs fresh contexts each: navigation → first `distill-step` (the init snapshot)
 *      and Play → first `distill-step` with step ≥ 1, with the backend the app chose.
 * Prints a table and a "Startup" one, and writes bench-results/bench-<date>.json (with machine,
 * Chromium version and dates). Measures only: never fails on a time. Every wait is bounded
 * (per-phase timeouts and an overall --max-minutes); anything that cannot be measured becomes
 * "n/a" with a reason.
 *
 * Here: the run itself (meta, watchdog, the loop over backends). Options and --help in options.mjs,
 * the server, browser and page helpers in browser.mjs, (a)–(b) in measure-app.mjs, (c) in
 * measure-bare.mjs, (d) in startup.mjs, the tables and the JSON file in report.mjs, small helpers
 * in util.mjs.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { evaluate, installPageRecorders, launchBrowser, pageProblems, startPreview } from './browser.mjs';
import { measureApp } from './measure-app.mjs';
import { measureBare } from './measure-bare.mjs';
import { compareWithBare } from './bare-ratio.mjs';
import { parseArgs, REPO_ROOT } from './options.mjs';
import { fmtRate, printTables, writeResults } from './report.mjs';
import { measureStartup } from './startup.mjs';
import { measureLabs, printLabsTable } from './measure-labs.mjs';
import { measurePayloads, printPayloadTable, registryLabs } from './payload.mjs';
import { ensureTorch, measureNative, printNativeTable } from './native.mjs';
import { log, median, round, shortError } from './util.mjs';

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
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
  /** The sections beyond throughput and startup: labs, payload, native. */
  const extra = {};
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
      rounds: opts.rounds,
      bareSeconds: opts.bareSeconds,
      warmupSteps: opts.warmupSteps,
      warmupSeconds: opts.warmupSeconds,
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
    printExtra(opts, extra);
    writeResults(opts, meta, rows, startupRows, extra);
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
      // The bare loop runs before the app's first window, between windows and after the last
      // (measure-app.mjs): on a shared machine the load drifts within a minute.
      const bareRun = async (i) => {
        log(`${backend}: bare loop ${i + 1} of ${opts.rounds + 1} (${opts.bareSeconds} s) ...`);
        const context = await browser.newContext();
        try {
          return await measureBare(context, server.url, backend, opts);
        } finally {
          await context.close().catch(() => {});
        }
      };
      log(`${backend}: app (init, then ${opts.rounds} × ${opts.appSeconds} s of training between bare loops) ...`);
      // Fresh contexts: no worker, GPU device or cache state carries over between measurements.
      const context = await browser.newContext();
      await context.addInitScript(installPageRecorders);
      try {
        Object.assign(row, await measureApp(context, server.url, backend, opts, bareRun));
      } finally {
        await context.close().catch(() => {});
      }
      Object.assign(row, compareWithBare(row));
      log(
        `${backend}: app ${fmtRate(row.appExamplesPerSecondFromSteps)} ex/s (steps × batch / time; the app shows ${fmtRate(row.appExamplesPerSecond)}), ` +
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
    if (opts.labs === 'on') extra.labs = await measureLabs(browser, server.url, opts, log);
    if (opts.payload === 'on') {
      log(`payload: ${registryLabs().join(', ')} (static server, no compression) ...`);
      extra.payload = await measurePayloads({ browser, labs: registryLabs(), dist: opts.dist });
    }
    if (opts.native !== 'off') {
      const torch = ensureTorch();
      if (!torch.ok && opts.native === 'auto') extra.native = { skipped: torch.reason };
      else if (!torch.ok) throw new Error(torch.reason);
      else {
        log(`native: the MNIST step in PyTorch, on wasm in Chromium, then in PyTorch again (${opts.nativeSteps} steps per case) ...`);
        extra.native = await measureNative(browser, opts.dist, opts.nativeSteps);
      }
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
  printExtra(opts, extra);
  writeResults(opts, meta, rows, startupRows, extra);
}

function printExtra(opts, extra) {
  if (extra.labs) printLabsTable(extra.labs, opts.appSeconds);
  if (extra.payload) printPayloadTable(extra.payload);
  if (extra.native?.skipped) console.log(`Native yardstick: n/a (${extra.native.skipped})\n`);
  else if (extra.native) printNativeTable(extra.native.browser, extra.native.native, extra.native.nativeRuns);
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});
