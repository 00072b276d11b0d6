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

export async function measureApp(context, baseUrl, backend, opts) {
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
