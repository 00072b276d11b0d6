/**
 * Startup timings for the benchmark (tests/bench/bench.mjs, --startup=only|skip|both).
 *
 * Each case loads the app as /?backend=<b>&speed=0 in a fresh browser context (no remembered
 * choice: localStorage is per context), --startup-runs times, and records:
 *  - navigation → ready: from just before `page.goto` (the bench's clock) to the first
 *    `distill-step` (the step-0 init snapshot, the page's clock; both are the machine's wall clock);
 *  - Play → first step: from the click on "Play" (pressed as soon as the run is ready; timed by a
 *    capture-phase click listener in the page) to the first `distill-step` with `step >= 1`.
 * Cases: every --backends entry; `auto` in the bench's browser (GPU flags of tests/e2e/chromium.ts);
 * `auto` in a browser launched with none of the GPU flags (what a GPU-less laptop gets: no WebGPU,
 * WebGL on SwiftShader); and "auto, second visit": the first auto case's page reloaded in the same
 * context, so the app can reuse the choice it remembered. The auto rows keep the whole
 * `distill-backend` detail. Measures only: anything unmeasurable is "n/a" with a reason.
 */

/** Runs in every page before its own scripts, after the bench's recorders: times the clicks. */
function installClickRecorder() {
  const clicks = [];
  Object.defineProperty(window, '__benchClicks', { value: clicks, configurable: true });
  window.addEventListener(
    'click',
    (e) => {
      const target = e.composedPath()[0];
      clicks.push({ t: performance.now(), text: String(target?.textContent ?? '').trim().slice(0, 40) });
    },
    { capture: true },
  );
}

/** The rows, in table order; `visit` is filled in by the auto case's reload. */
function startupCases(backends) {
  return [
    ...backends.map((b) => ({ id: b, label: b, backend: b, browser: 'bench' })),
    { id: 'auto', label: 'auto', backend: 'auto', browser: 'bench', secondVisit: 'auto-second-visit' },
    { id: 'auto-no-gpu-flags', label: 'auto (no GPU flags)', backend: 'auto', browser: 'plain' },
    { id: 'auto-second-visit', label: 'auto, second visit', backend: 'auto', browser: 'bench', visit: true },
  ];
}

/**
 * Measures one visit: `navigate()` (goto or reload), then the init snapshot, Play, the first step.
 * Returns { navToReadySeconds, pageReadySeconds, playToFirstStepSeconds, backend, reason, ... }.
 */
async function measureVisit(page, navigate, opts, deps) {
  const { evaluate, round } = deps;
  const run = {};
  const shortText = (text) => String(text ?? '').slice(0, 160);
  const firstError = () =>
    evaluate(page, () => window.__benchErrors?.[0]).then((e) => (e ? `distill-error ${e.code}: ${shortText(e.message)}` : undefined));
  const clock = Date.now();
  const response = await navigate();
  if (!response || !response.ok()) throw new Error(`${page.url()} → HTTP ${response?.status() ?? 'no response'}`);
  run.loadSeconds = round((Date.now() - clock) / 1000, 2);

  try {
    await page.waitForFunction(() => window.__benchSteps.length > 0 || window.__benchErrors.length > 0, null, {
      timeout: opts.initTimeoutSeconds * 1000,
      polling: 50,
    });
  } catch {
    throw new Error(`no distill-step (init snapshot) within ${opts.initTimeoutSeconds} s of loading`);
  }
  const initError = await firstError();
  if (initError) throw new Error(`during init: ${initError}`);
  const ready = await evaluate(page, () => ({ first: window.__benchSteps[0], origin: performance.timeOrigin, backends: window.__benchBackends }));
  run.navToReadySeconds = round((ready.origin + ready.first.t - clock) / 1000, 2);
  run.pageReadySeconds = round(ready.first.t / 1000, 2);
  run.initStep = ready.first.step;
  // The whole detail: it may gain fields about how auto chose (trials, remembered, ...).
  run.backend = ready.backends.at(-1);
  if (ready.backends.length > 1) run.backendEvents = ready.backends;
  if (!run.backend) run.note = 'no distill-backend event before the init snapshot';

  const play = page.getByRole('button', { name: 'Play', exact: true }).first();
  const clickClock = Date.now();
  await play.click({ timeout: 10_000 });
  const clicks = await evaluate(page, () => window.__benchClicks);
  const click = clicks.at(-1);
  // Without a recorded click (it should not happen), fall back to the bench's clock.
  const clickT = click ? click.t : (await evaluate(page, (c) => c - performance.timeOrigin, clickClock));
  if (!click) run.note = [run.note, 'click not seen by the page; Play timed from the bench'].filter(Boolean).join('; ');
  try {
    await page.waitForFunction(
      ([from]) => window.__benchErrors.length > 0 || window.__benchSteps.some((e) => e.t >= from && e.step >= 1),
      [clickT],
      { timeout: opts.firstStepTimeoutSeconds * 1000, polling: 50 },
    );
  } catch {
    run.playReason = `no distill-step with step ≥ 1 within ${opts.firstStepTimeoutSeconds} s of pressing Play`;
  }
  const playError = await firstError();
  if (playError) run.playReason = `after Play: ${playError}`;
  if (!run.playReason) {
    const first = await evaluate(page, ([from]) => window.__benchSteps.find((e) => e.t >= from && e.step >= 1), [clickT]);
    run.playToFirstStepSeconds = round((first.t - clickT) / 1000, 2);
    run.firstStep = first.step;
  }
  // Best effort: stop training so the next measurement starts on a quiet machine.
  await page
    .getByRole('button', { name: 'Pause', exact: true })
    .first()
    .click({ timeout: 3000 })
    .catch(() => {});
  return run;
}

/** One fresh context: a visit, and for the first auto case a reload in the same context. */
async function measureCase(browser, baseUrl, kase, opts, deps) {
  const { evaluate, pageProblems, shortError } = deps;
  const context = await browser.newContext();
  await context.addInitScript(deps.installPageRecorders);
  await context.addInitScript(installClickRecorder);
  const page = await context.newPage();
  const problems = pageProblems(page);
  const url = `${baseUrl}/?backend=${kase.backend}&speed=0`;
  const load = { waitUntil: 'load', timeout: opts.loadTimeoutSeconds * 1000 };
  const fail = (err) => ({ reason: `${shortError(err)}${problems.length ? `; first ${problems[0]}` : ''}` });
  let run;
  let second;
  try {
    run = await measureVisit(page, () => page.goto(url, load), opts, deps);
  } catch (err) {
    run = fail(err);
  }
  if (kase.secondVisit) {
    if (run.reason) {
      second = { reason: 'first visit failed' };
    } else {
      try {
        // What the first visit left behind (the app may remember its auto choice here).
        second = {
          url: page.url(),
          localStorage: await evaluate(page, () =>
            Object.fromEntries(Object.keys(localStorage).map((k) => [k, String(localStorage.getItem(k)).slice(0, 4000)])),
          ),
        };
        if (problems.length) run.problems = problems.splice(0).slice(0, 5);
        Object.assign(second, await measureVisit(page, () => page.reload(load), opts, deps));
      } catch (err) {
        Object.assign(second, fail(err));
      }
    }
  }
  if (problems.length) (second ?? run).problems = problems.slice(0, 5);
  await context.close().catch(() => {});
  return { run, second };
}

// ---------------------------------------------------------------------------------------------
// Summary and report

function fmtSeconds(value) {
  return value === undefined || value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(value >= 10 ? 1 : 2);
}

/** Median and every value, e.g. "3.10 (3.02, 3.18)"; failed runs show as n/a. */
function fmtSpread(summary) {
  if (!summary || summary.median === undefined) return 'n/a';
  if (summary.values.length < 2) return fmtSeconds(summary.median);
  return `${fmtSeconds(summary.median)} (${summary.values.map(fmtSeconds).join(', ')})`;
}

function summarize(row, { median, round }) {
  const spread = (key) => {
    const values = row.runs.map((r) => r[key]);
    const ok = values.filter((v) => Number.isFinite(v));
    const mid = median(ok);
    return { median: mid === undefined ? undefined : round(mid, 3), values: values.map((v) => (Number.isFinite(v) ? v : null)) };
  };
  row.navToReadySeconds = spread('navToReadySeconds');
  row.playToFirstStepSeconds = spread('playToFirstStepSeconds');
  row.chosen = [...new Set(row.runs.map((r) => r.backend?.name).filter(Boolean))];
}

function chosenLabel(row) {
  const names = row.runs
    .filter((r) => r.backend?.name)
    .map((r) => `${r.backend.name}${r.backend.auto?.remembered ? ' (remembered)' : ''}`);
  return names.length ? [...new Set(names)].join(' / ') : 'n/a';
}

export function printStartupTable(rows) {
  if (!rows.length) return;
  const header = ['backend', 'chosen backend', 'navigation → ready (s)', 'Play → first step (s)'];
  const lines = rows.map((r) => [r.label, chosenLabel(r), fmtSpread(r.navToReadySeconds), fmtSpread(r.playToFirstStepSeconds)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('Startup: median (each run), a fresh browser context per run');
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  const notes = rows.flatMap((r) =>
    r.runs.flatMap((run, i) =>
      [
        run.reason && `${r.label} run ${i + 1}: n/a: ${run.reason}`,
        run.playReason && `${r.label} run ${i + 1}: Play → first step n/a: ${run.playReason}`,
        run.note && `${r.label} run ${i + 1}: ${run.note}`,
        r.backend !== 'auto' && run.backend?.name && run.backend.name !== r.backend &&
          `${r.label} run ${i + 1}: app fell back to ${run.backend.name}: ${String(run.backend.fallbackReason ?? '').slice(0, 160)}`,
      ].filter(Boolean),
    ),
  );
  if (notes.length) {
    console.log('');
    for (const n of notes) console.log(`  - ${n}`);
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// Driver

/**
 * Fills `rows` (one per case, in table order) as it goes, so a watchdog can report partial results.
 * `browser` has the bench's flags; `launchPlainBrowser()` starts one without the GPU flags.
 */
export async function measureStartup({ browser, launchPlainBrowser, baseUrl, opts, rows, deps }) {
  const { log } = deps;
  const cases = startupCases(opts.backends);
  const byId = new Map();
  for (const kase of cases) {
    const row = { id: kase.id, label: kase.label, backend: kase.backend, browser: kase.browser === 'plain' ? 'no GPU flags' : 'bench flags', runs: [] };
    if (kase.visit) row.how = 'reload of the auto row\'s page, same context';
    byId.set(kase.id, row);
    rows.push(row);
    summarize(row, deps);
  }
  const record = (kase, { run, second }) => {
    const row = byId.get(kase.id);
    row.runs.push(run);
    summarize(row, deps);
    const secs = (v) => (Number.isFinite(v) ? `${fmtSeconds(v)} s` : 'n/a');
    const brief = (r) => `ready ${secs(r.navToReadySeconds)}, first step ${secs(r.playToFirstStepSeconds)}` +
      (r.backend?.name ? ` on ${r.backend.name}` : '') + (r.reason ? ` (n/a: ${r.reason})` : r.playReason ? ` (${r.playReason})` : '');
    log(`startup ${kase.label} run ${row.runs.length}: ${brief(run)}`);
    if (second) {
      const visit = byId.get(kase.secondVisit);
      visit.runs.push(second);
      summarize(visit, deps);
      log(`startup ${visit.label} run ${visit.runs.length}: ${brief(second)}`);
    }
  };

  // Runs interleaved (run 1 of every case, then run 2) so that drift in the machine's load
  // spreads over the cases instead of landing on one.
  const inBrowser = (which) => cases.filter((c) => c.browser === which && !c.visit);
  for (let i = 0; i < opts.startupRuns; i++) {
    for (const kase of inBrowser('bench')) record(kase, await measureCase(browser, baseUrl, kase, opts, deps));
  }
  let plain;
  try {
    plain = await launchPlainBrowser();
  } catch (err) {
    const row = byId.get('auto-no-gpu-flags');
    for (let i = 0; i < opts.startupRuns; i++) row.runs.push({ reason: `could not launch Chromium without GPU flags: ${deps.shortError(err)}` });
    summarize(row, deps);
    return;
  }
  byId.get('auto-no-gpu-flags').browserArgs = plain.args;
  try {
    for (let i = 0; i < opts.startupRuns; i++) {
      for (const kase of inBrowser('plain')) record(kase, await measureCase(plain.browser, baseUrl, kase, opts, deps));
    }
  } finally {
    await plain.browser.close().catch(() => {});
  }
}
