#!/usr/bin/env node
/**
 * What a visitor downloads before a lab's first training step, per lab: every response the page
 * and its workers receive, counted as delivered by a static server that does not compress
 * (tests/e2e/static-server.mjs, cross-origin isolated as the app is meant to be served).
 *
 *   npm run bench:payload                  # builds dist/ first
 *   node tests/bench/payload.mjs [--labs=mnist,toy2d] [--backend=wasm] [--after-seconds=30] [--dist=dist]
 *
 * For each lab: opens /?lab=<id>&backend=<b>&speed=0 in a fresh context, presses Play as soon as
 * the page has it, and sums the body bytes of every finished request until the first snapshot
 * with step ≥ 1 ("before the first step"), then keeps counting until the network has been quiet
 * for 3 s (at most --after-seconds more): what streams in after training has started (MNIST's
 * test images). Prints a table (target: MNIST ≤ 5 MB before its first step) and the largest files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPageRecorders, launchBrowser } from './browser.mjs';
import { REPO_ROOT } from './options.mjs';
import { log, round, shortError } from './util.mjs';

export const PAYLOAD_TARGET_BYTES = { mnist: 5e6 };

/** Lab ids in registry order, read from src/labs/registry.ts (one `export { … as <id> }` per lab). */
export function registryLabs() {
  const text = readFileSync(join(REPO_ROOT, 'src/labs/registry.ts'), 'utf8');
  return [...text.matchAll(/^export \{ \w+ as (\w+) \}/gm)].map((m) => m[1]);
}

const MB = (bytes) => (bytes / 1e6).toFixed(2);

async function measureLab(browser, baseUrl, lab, opts) {
  const context = await browser.newContext();
  await context.addInitScript(installPageRecorders);
  const files = [];
  let firstStepAt = null;
  let lastFinished = Date.now();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(shortError(e)));
  // Every response, by its Content-Length (this server never compresses and always sends it),
  // stamped when its headers arrive: a file requested before the first step counts as before it,
  // even if its body ends later. ('requestfinished' misses streamed fetches in workers.)
  context.on('response', (response) => {
    if (!response.url().startsWith('http')) return; // blob: and data: URLs are not downloads
    const at = Date.now();
    lastFinished = at;
    const length = Number(response.headers()['content-length']);
    files.push({ url: response.url(), at, bytes: Number.isFinite(length) ? length : 0 });
  });
  await page.exposeFunction('__payloadFirstStep', () => {
    firstStepAt ??= Date.now();
  });
  await page.addInitScript(() => {
    window.addEventListener('distill-step', (e) => {
      if ((e.detail?.step ?? 0) >= 1) window.__payloadFirstStep();
    });
  });
  const started = Date.now();
  const row = { lab };
  try {
    await page.goto(`${baseUrl}/?lab=${lab}&backend=${opts.backend}&speed=0`, { waitUntil: 'load', timeout: 60_000 });
    row.crossOriginIsolated = await page.evaluate(() => crossOriginIsolated);
    // Play as a visitor would, at once: the page carries it out as soon as the run is ready.
    await page.getByRole('button', { name: 'Play', exact: true }).first().click({ timeout: 30_000 });
    const deadline = Date.now() + opts.firstStepSeconds * 1000;
    while (firstStepAt === null && Date.now() < deadline) await page.waitForTimeout(100);
    if (firstStepAt === null) throw new Error(`no training step within ${opts.firstStepSeconds} s`);
    row.firstStepSeconds = round((firstStepAt - started) / 1000, 1);
    const until = Date.now() + opts.afterSeconds * 1000;
    while (Date.now() < until && Date.now() - lastFinished < 3000) await page.waitForTimeout(250);
    await page.waitForTimeout(3000);
  } catch (error) {
    row.reason = shortError(error);
  } finally {
    const settled = [...files];
    await context.close().catch(() => {});
    const before = settled.filter((f) => firstStepAt !== null && f.at <= firstStepAt);
    const sum = (list) => list.reduce((a, f) => a + f.bytes, 0);
    row.bytesBeforeFirstStep = firstStepAt === null ? undefined : sum(before);
    row.bytesTotal = sum(settled);
    row.requests = settled.length;
    if (process.env.PAYLOAD_DEBUG) console.log(settled.map((f) => `${f.url.split("/").pop()} ${f.bytes} ${f.at - started}`).join("\n"));
    row.largest = [...settled]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8)
      .map((f) => ({ file: new URL(f.url).pathname.split('/').pop(), bytes: f.bytes, beforeFirstStep: before.includes(f) }));
    if (problems.length) row.note = problems[0];
  }
  return row;
}

export async function measurePayloads({ browser, labs, backend = 'wasm', afterSeconds = 30, firstStepSeconds = 120, dist }) {
  const { startStaticServer } = await import('../e2e/static-server.mjs');
  const server = await startStaticServer({ root: dist });
  const rows = [];
  try {
    for (const lab of labs) {
      log(`payload: ${lab} ...`);
      rows.push(await measureLab(browser, server.url, lab, { backend, afterSeconds, firstStepSeconds }));
    }
  } finally {
    await server.close();
  }
  return rows;
}

export function printPayloadTable(rows) {
  const header = ['lab', 'before first step', 'target', 'all (after streaming)', 'requests', 'first step after', 'isolated'];
  const lines = rows.map((r) => [
    r.lab,
    r.bytesBeforeFirstStep === undefined ? `n/a${r.reason ? ` (${r.reason})` : ''}` : `${MB(r.bytesBeforeFirstStep)} MB`,
    PAYLOAD_TARGET_BYTES[r.lab] ? `≤ ${MB(PAYLOAD_TARGET_BYTES[r.lab])} MB` : '—',
    `${MB(r.bytesTotal ?? 0)} MB`,
    String(r.requests ?? 'n/a'),
    r.firstStepSeconds === undefined ? 'n/a' : `${r.firstStepSeconds} s`,
    r.crossOriginIsolated === undefined ? 'n/a' : r.crossOriginIsolated ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log('Payload (bytes delivered by a static server that does not compress; this machine, localhost):');
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) {
    const files = (r.largest ?? []).map((f) => `${f.file} ${(f.bytes / 1e3).toFixed(0)} kB${f.beforeFirstStep ? '' : ' (after)'}`);
    console.log(`  - ${r.lab}: ${files.join(', ')}`);
  }
  console.log('');
}

const isMain = process.argv[1] && import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const labs = args.labs ? args.labs.split(',') : registryLabs();
  const dist = args.dist ?? join(REPO_ROOT, 'dist');
  const { browser } = await launchBrowser();
  try {
    const rows = await measurePayloads({ browser, labs, backend: args.backend ?? 'wasm', afterSeconds: Number(args['after-seconds'] ?? 30), dist });
    printPayloadTable(rows);
  } finally {
    await browser.close();
  }
}
