/**
 * The benchmark's report: the throughput table with its notes, the startup table
 * (tests/bench/startup.mjs) and bench-results/bench-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLOWED_BARE } from './bare-ratio.mjs';
import { printStartupTable } from './startup.mjs';
import { log } from './util.mjs';

/** "WebGL 2 · ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...)))" → "WebGL 2 · SwiftShader (Vulkan)". */
export function shortAdapter(adapter) {
  if (!adapter) return 'n/a';
  const text = String(adapter);
  if (/swiftshader/i.test(text) && /ANGLE/.test(text)) {
    const api = text.match(/Vulkan|OpenGL|D3D11|Metal/)?.[0];
    return `${text.split(' · ')[0]} · SwiftShader${api ? ` (${api})` : ''}`;
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function fmtRate(value) {
  if (value === undefined || value === null || !Number.isFinite(value)) return 'n/a';
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

/** " (windows 0.94–0.99)": each window's ratio against the bare runs beside it (bare-ratio.mjs). */
function windowRange(ratios) {
  if (!ratios || ratios.length < 2) return '';
  return ` (windows ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

export function printTable(rows, appSeconds) {
  const header = ['backend', 'adapter', 'app ex/s', 'bare ex/s', 'app/bare, median of windows (target ≥ 0.95)', `long tasks > 50 ms (worst ${appSeconds} s window)`, 'steps', 'ex/s the app shows'];
  const lines = rows.map((r) => [
    r.backend,
    shortAdapter(r.adapter ?? r.bareAdapter ?? r.probeAdapter),
    fmtRate(r.appExamplesPerSecondFromSteps),
    fmtRate(r.bareExamplesPerSecond),
    r.ratio === undefined ? 'n/a' : `${r.ratio.toFixed(2)} ${r.ratio >= 0.95 ? 'met' : 'not met'}${windowRange(r.windowRatios)}`,
    r.longTasks ? `${r.longTasks.count} (${r.longTasks.totalMs} ms, max ${r.longTasks.maxMs})${r.longTasks.perWindow?.length > 1 ? `; per window ${r.longTasks.perWindow.join(', ')}` : ''}` : 'n/a',
    r.steps === undefined ? 'n/a' : `${r.steps} in ${r.checkSeconds.toFixed(1)} s`,
    fmtRate(r.appExamplesPerSecond),
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
      r.bareSlowed && `${r.backend} bare: runs of ${r.bareSlowed.map(fmtRate).join(', ')} ex/s ran under ${SLOWED_BARE} × the fastest: something else slowed them (a window is compared with its faster neighbour when the other ran under ${SLOWED_BARE} × it)`,
      r.pooledRatio !== undefined && Math.abs(r.pooledRatio - r.ratio) >= 0.03 && `${r.backend}: pooled over all windows against the median bare run, ${r.pooledRatio.toFixed(2)}: the host's speed drifted during the measurement`,
    ].filter(Boolean),
  );
  if (notes.length) {
    console.log('');
    for (const n of notes) console.log(`  - ${n}`);
  }
  console.log('');
}

export function printTables(opts, rows, startupRows) {
  if (opts.startup !== 'only') printTable(rows, opts.appSeconds);
  else console.log('');
  if (opts.startup !== 'skip') printStartupTable(startupRows);
}

export function writeResults(opts, meta, rows, startupRows, extra = {}) {
  mkdirSync(opts.outDir, { recursive: true });
  const stamp = meta.started.replace(/[:]/g, '-').replace(/\..*$/, '');
  const file = join(opts.outDir, `bench-${stamp}.json`);
  const results = opts.startup === 'only' ? {} : { results: rows };
  if (opts.startup !== 'skip') results.startup = startupRows;
  Object.assign(results, extra);
  writeFileSync(file, `${JSON.stringify({ meta, ...results }, null, 2)}\n`);
  log(`wrote ${file}`);
}
