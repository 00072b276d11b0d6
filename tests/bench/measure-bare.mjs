/**
 * The bare-loop measurement (tests/bench/bench.mjs, (c)): dist/tests/bench/bench.html
 * (bench.html → bare-loop.ts → bare.worker.ts), read back from window.__bareBench.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, pageProblems } from './browser.mjs';
import { shortError } from './util.mjs';

export async function measureBare(context, baseUrl, backend, opts) {
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
