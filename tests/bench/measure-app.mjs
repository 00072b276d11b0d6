/**
 * The app measurement (tests/bench/bench.mjs, (a) and (b)): dist/index.html as
 * /?backend=<b>&speed=0, init snapshot, Play, warm-up, then --app-seconds of `distill-step` events
 * and main-thread long tasks.
 */
import { evaluate, pageProblems, probeBackend } from './browser.mjs';
import { fmtRate } from './report.mjs';
import { median, round, shortError, withTimeout } from './util.mjs';

/** The app's examples/s and steps must agree within this factor, or the row gets a note. */
const CONSISTENCY_TOLERANCE = 1.3;

/**
 * One window: --app-seconds of training, stretched (up to --extra-seconds) until it holds two
 * snapshots, one in its second half (slow devices send one every few seconds).
 */
async function measureWindow(page, opts) {
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
  const t1 = await evaluate(page, () => performance.now());
  const events = await evaluate(page, () => window.__benchSteps);
  const inWindow = events.filter((e) => e.t >= t0 && e.t <= t1);
  const base = events.filter((e) => e.t < t0).at(-1);
  const last = inWindow.at(-1);
  const halfway = t0 + (t1 - t0) / 2;
  const w = {
    t0,
    windowSeconds: round((t1 - t0) / 1000, 2),
    inWindow,
    rates: inWindow.filter((e) => e.t >= halfway && Number.isFinite(e.eps)).map((e) => e.eps),
    steps: 0,
    examples: 0,
    seconds: 0,
  };
  if (!enough) w.note = `fewer than 2 snapshots in ${opts.appSeconds + opts.extraSeconds} s of training`;
  if (base && last && last.seen > base.seen) {
    w.steps = last.step - base.step;
    w.examples = last.seen - base.seen;
    w.seconds = (last.t - base.t) / 1000;
    w.rate = w.examples / w.seconds;
    // The second half alone: the span the app's own figures (rates) cover.
    const halfBase = events.filter((e) => e.t < halfway).at(-1);
    if (halfBase && halfBase !== last && last.seen > halfBase.seen) w.secondHalfRate = (last.seen - halfBase.seen) / ((last.t - halfBase.t) / 1000);
  }
  return w;
}

const round1 = (x) => round(x, 1);

/**
 * `bare(i)` measures the bare loop (it is called before the first window, between windows and
 * after the last, with the app paused); the result holds the windows and those runs.
 */
export async function measureApp(context, baseUrl, backend, opts, bare) {
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
    result.initSeconds = round1((Date.now() - loadStart) / 1000);
    const backends = await evaluate(page, () => window.__benchBackends);
    const used = backends.at(-1);
    if (used) {
      result.appBackend = used.name;
      result.adapter = `${used.adapter}`;
      if (used.name !== backend) result.note = `app fell back to ${used.name}: ${shortText(used.fallbackReason)}`;
    }

    // 2. Rounds: the bare loop (in its own page, the app paused), then the app's window, and the
    //    bare loop once more after the last: the bare runs are spread through the measurement, so
    //    the machine's load over all of it is in both sides of the ratio (bench.mjs, compareWithBare).
    const play = page.getByRole('button', { name: 'Play', exact: true }).first();
    const pause = page.getByRole('button', { name: 'Pause', exact: true }).first();
    result.bareRuns = [await bare(0)];
    result.windows = [];
    for (let r = 0; r < opts.rounds; r++) {
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
      // And at least --warmup-seconds, as the bare loop warms up (bare.worker.ts): what is
      // compared is training's steady pace; the time to the first step is the startup table's.
      await page.waitForTimeout(Math.max(0, opts.warmupSeconds * 1000 - (Date.now() - warmupStart)));
      const playError = await firstError();
      if (playError) throw new Error(`after Play: ${playError}`);
      if (r === 0) result.warmupSeconds = round1((Date.now() - warmupStart) / 1000);
      const w = await measureWindow(page, opts);
      result.windows.push(w);
      // Pause, and wait for the run's last snapshot, so the bare loop runs on a quiet machine.
      await pause.click({ timeout: 10_000 }).catch(() => {});
      await page.waitForFunction(() => window.__benchSteps.at(-1)?.running === false, null, { timeout: 30_000, polling: 100 }).catch(() => {});
      result.bareRuns.push(await bare(r + 1));
    }
    const { longTasks, longTasksUnsupported, errors } = await evaluate(page, () => ({
      longTasks: window.__longTasks,
      longTasksUnsupported: !!window.__longTasksUnsupported,
      errors: window.__benchErrors,
    }));
    const windows = result.windows;
    const inWindow = windows.flatMap((w) => w.inWindow);
    result.events = inWindow.length;
    result.windowSeconds = round1(windows.reduce((a, w) => a + w.windowSeconds, 0));
    const rates = windows.flatMap((w) => w.rates);
    result.appExamplesPerSecond = median(rates);
    result.appRateSamples = rates.length;
    const counted = windows.filter((w) => w.seconds > 0);
    if (counted.length) {
      result.steps = counted.reduce((a, w) => a + w.steps, 0);
      const examples = counted.reduce((a, w) => a + w.examples, 0);
      result.checkSeconds = round((counted.reduce((a, w) => a + w.seconds, 0)), 2);
      result.batchSize = result.steps > 0 ? round(examples / result.steps, 2) : undefined;
      result.appExamplesPerSecondFromSteps = examples / result.checkSeconds;
      const half = counted.filter((w) => w.secondHalfRate > 0);
      if (half.length) result.appExamplesPerSecondFromStepsSecondHalf = median(half.map((w) => w.secondHalfRate));
    }
    for (const w of windows) delete w.inWindow;
    if (windows.some((w) => w.note)) result.note = windows.map((w) => w.note).filter(Boolean)[0];
    const a = result.appExamplesPerSecond;
    const b = result.appExamplesPerSecondFromStepsSecondHalf;
    if (a > 0 && b > 0) {
      result.consistency = round(a / b, 3);
      if (a / b > CONSISTENCY_TOLERANCE || b / a > CONSISTENCY_TOLERANCE) {
        result.note = [result.note, `median app ex/s ${fmtRate(a)} vs ${fmtRate(b)} from examples seen / time over the windows' second halves`]
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
      // Per window, exactly --app-seconds of training (a window stretched for a slow device's
      // second snapshot is counted over its first --app-seconds); the worst window is reported.
      const per = windows.map((w) => {
        const during = longTasks.filter((lt) => lt.startTime >= w.t0 && lt.startTime <= w.t0 + opts.appSeconds * 1000);
        return { count: during.length, totalMs: Math.round(during.reduce((s, lt) => s + lt.duration, 0)), maxMs: Math.round(Math.max(0, ...during.map((lt) => lt.duration))) };
      });
      result.longTasks = per.reduce((worst, x) => (x.count > worst.count || (x.count === worst.count && x.maxMs > worst.maxMs) ? x : worst), { count: 0, totalMs: 0, maxMs: 0 });
      result.longTasks.perWindow = per.map((x) => x.count);
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
