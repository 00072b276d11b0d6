/**
 * Every lab while it trains (tests/bench/bench.mjs, "Labs"): /?lab=<id>&backend=<b>&speed=0 in a
 * fresh context, Play, a few warm-up steps, then --app-seconds of training: the main thread's long
 * tasks (> 50 ms), the examples per second, and the tab's memory (page + its workers, from the
 * browser's own `performance.measureUserAgentSpecificMemory()`, which needs the cross-origin
 * isolation the app is served with), the larger of two samples taken just after the window, while
 * it still trains.
 * Target: no long task; MNIST ≤ 300 MB.
 */
import { evaluate, installPageRecorders, pageProblems } from './browser.mjs';
import { registryLabs } from './payload.mjs';
import { median, round, shortError } from './util.mjs';

export const MEMORY_CEILING_MB = { mnist: 300 };
/** Beside each lab's default, its heaviest setting: MNIST's Hinton 2015 preset (three 2×800 students, 10,000 images). */
const EXTRA_RUNS = [{ lab: 'mnist', query: 'preset=hinton', label: 'mnist (Hinton 2015 preset)' }];

async function tabMemory(page) {
  return evaluate(
    page,
    async () => {
      if (!crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return { error: 'not cross-origin isolated: no measureUserAgentSpecificMemory' };
      const r = await performance.measureUserAgentSpecificMemory();
      const worker = r.breakdown.filter((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')).reduce((a, b) => a + b.bytes, 0);
      return { bytes: r.bytes, workerBytes: worker };
    },
    undefined,
    60,
  );
}

export async function measureLab(browser, baseUrl, lab, backend, opts, { query = '', label = lab } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(installPageRecorders);
  const row = { lab, label, backend };
  try {
    const page = await context.newPage();
    const problems = pageProblems(page);
    await page.goto(`${baseUrl}/?lab=${lab}&backend=${backend}&speed=0${query ? `&${query}` : ''}`, { waitUntil: 'load', timeout: opts.loadTimeoutSeconds * 1000 });
    await page.waitForFunction(() => window.__benchSteps.length > 0 || window.__benchErrors.length > 0, null, { timeout: opts.initTimeoutSeconds * 1000 });
    await page.getByRole('button', { name: 'Play', exact: true }).first().click({ timeout: 10_000 });
    await page.waitForFunction((n) => (window.__benchSteps.at(-1)?.step ?? 0) >= n || window.__benchErrors.length > 0, opts.warmupSteps, {
      timeout: opts.warmupTimeoutSeconds * 1000,
    });
    const t0 = await evaluate(page, () => performance.now());
    await page.waitForTimeout(opts.appSeconds * 1000);
    const t1 = t0 + opts.appSeconds * 1000;
    // Memory after the window, still training: measuring it collects garbage on every thread,
    // which would show up as long tasks and slow steps inside the window.
    const mid = await tabMemory(page);
    await page.waitForTimeout(2000);
    const end = await tabMemory(page);
    const { longTasks, steps, errors } = await evaluate(page, () => ({ longTasks: window.__longTasks, steps: window.__benchSteps, errors: window.__benchErrors }));
    const during = longTasks.filter((t) => t.startTime >= t0 && t.startTime <= t1);
    row.longTasks = { count: during.length, maxMs: round(Math.max(0, ...during.map((t) => t.duration)), 0), totalMs: round(during.reduce((a, t) => a + t.duration, 0), 0) };
    const window_ = steps.filter((s) => s.t >= t0 && s.t <= t1);
    row.steps = window_.length ? window_.at(-1).step - window_[0].step : 0;
    row.examplesPerSecond = median(window_.filter((s) => s.t >= t0 + (t1 - t0) / 2).map((s) => s.eps).filter(Number.isFinite));
    const samples = [mid, end].filter((m) => m && !m.error);
    if (samples.length) {
      row.memoryMB = round(Math.max(...samples.map((m) => m.bytes)) / 1e6, 0);
      row.workerMemoryMB = round(Math.max(...samples.map((m) => m.workerBytes)) / 1e6, 0);
    } else row.memoryNote = mid?.error ?? end?.error;
    if (errors.length) row.note = `distill-error ${errors[0].code}: ${String(errors[0].message).slice(0, 120)}`;
    else if (problems.length) row.note = problems[0];
    await page.getByRole('button', { name: 'Pause', exact: true }).first().click({ timeout: 3000 }).catch(() => {});
  } catch (error) {
    row.reason = shortError(error);
  } finally {
    await context.close().catch(() => {});
  }
  return row;
}

export async function measureLabs(browser, baseUrl, opts, log) {
  const rows = [];
  const labs = registryLabs();
  const runs = [...labs.map((lab) => ({ lab })), ...EXTRA_RUNS.filter((r) => labs.includes(r.lab))];
  for (const run of runs) {
    log(`labs: ${run.label ?? run.lab} on wasm (${opts.appSeconds} s of training: long tasks, memory) ...`);
    rows.push(await measureLab(browser, baseUrl, run.lab, 'wasm', opts, run));
  }
  return rows;
}

export function printLabsTable(rows, appSeconds) {
  const header = ['lab', 'backend', `long tasks > 50 ms (${appSeconds} s)`, 'target', 'ex/s', 'tab memory (page + workers)', 'of it workers', 'ceiling'];
  const lines = rows.map((r) => [
    r.label ?? r.lab,
    r.backend,
    r.longTasks ? `${r.longTasks.count}${r.longTasks.count ? ` (max ${r.longTasks.maxMs} ms)` : ''}` : `n/a${r.reason ? ` (${r.reason})` : ''}`,
    '0',
    r.examplesPerSecond === undefined ? 'n/a' : String(Math.round(r.examplesPerSecond)),
    r.memoryMB === undefined ? `n/a${r.memoryNote ? ` (${r.memoryNote})` : ''}` : `${r.memoryMB} MB`,
    r.workerMemoryMB === undefined ? 'n/a' : `${r.workerMemoryMB} MB`,
    MEMORY_CEILING_MB[r.lab] ? `≤ ${MEMORY_CEILING_MB[r.lab]} MB` : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log('Labs while training (main-thread long tasks; memory from performance.measureUserAgentSpecificMemory):');
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) if (r.note) console.log(`  - ${r.label ?? r.lab}: ${r.note}`);
  console.log('');
}
