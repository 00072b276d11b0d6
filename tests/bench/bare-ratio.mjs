/**
 * app / bare for one backend (tests/bench/bench.mjs): the app's windows against the bare-loop
 * runs taken before, between and after them. Pure: no browser.
 *
 * Each window is compared with the two bare runs beside it, and the ratio is the median of the
 * windows'. A host whose speed drifts (bare runs of unchanged code at 155–236 ex/s within one
 * WebGPU row on the EPYC Zen 5, 26,000–39,000 on WebAssembly) moves a window and its neighbours
 * together, so comparing them cancels most of the drift. The earlier pooled ratio (all windows
 * over the median bare run, slowed bare runs left out but slowed windows kept) counted a slow
 * minute against the app only: 0.77 on WebGPU where the windows' own ratios were 0.88–1.03.
 *
 * When one neighbour ran under SLOWED_BARE × the other (on WebGPU a bare run next to the paused
 * app once ran at half speed), the window is compared with the faster one alone, so a slowed bare
 * run never flatters the app.
 */
import { median, round } from './util.mjs';

export const SLOWED_BARE = 0.8;

/** The bare rate a window is compared with, from the runs before and after it (either may be missing). */
export function bareBeside(before, after) {
  const runs = [before, after].filter((x) => x > 0);
  if (!runs.length) return undefined;
  if (runs.length === 1) return runs[0];
  const [lo, hi] = runs[0] < runs[1] ? runs : [runs[1], runs[0]];
  return lo >= SLOWED_BARE * hi ? (lo + hi) / 2 : hi;
}

/**
 * row.bareRuns: [{ bareExamplesPerSecond, ... }] (one before each window and one after the last);
 * row.windows: [{ examples, seconds, rate }]. Returns the fields bench.mjs puts on the row:
 * ratio (median of the windows' ratios), windowRatios, pooledRatio (all windows' examples over
 * their seconds, against the median bare run), bareExamplesPerSecond (median of the runs),
 * bareRates, and the last good run's details.
 */
export function compareWithBare(row) {
  const runs = row.bareRuns ?? [];
  const rates = runs.map((b) => (b?.bareExamplesPerSecond > 0 ? b.bareExamplesPerSecond : undefined));
  const good = rates.filter((x) => x !== undefined);
  const out = { bareRates: rates.map((x) => (x === undefined ? null : Math.round(x))) };
  const lastGood = [...runs].reverse().find((b) => b?.bareExamplesPerSecond > 0) ?? runs.at(-1);
  if (lastGood) {
    for (const k of ['bareSteps', 'bareBackend', 'bareAdapter', 'bareNote', 'bare']) if (lastGood[k] !== undefined) out[k] = lastGood[k];
  }
  const reason = runs.find((b) => b?.bareReason)?.bareReason;
  if (!good.length) {
    out.bareReason = reason ?? 'no bare-loop run';
    return out;
  }
  out.bareExamplesPerSecond = median(good);
  const windows = row.windows ?? [];
  const ratios = [];
  windows.forEach((w, i) => {
    const bare = bareBeside(rates[i], rates[i + 1]);
    if (w.seconds > 0 && bare) ratios.push(w.examples / w.seconds / bare);
  });
  if (ratios.length) {
    out.ratio = median(ratios);
    out.windowRatios = ratios.map((r) => round(r, 3));
  }
  const counted = windows.filter((w) => w.seconds > 0);
  if (counted.length) {
    out.pooledRatio = counted.reduce((a, w) => a + w.examples, 0) / counted.reduce((a, w) => a + w.seconds, 0) / out.bareExamplesPerSecond;
  }
  const fastest = Math.max(...good);
  const slowed = good.filter((x) => x < SLOWED_BARE * fastest);
  if (slowed.length) out.bareSlowed = slowed.map(Math.round);
  return out;
}
