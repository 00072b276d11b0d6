/**
 * The lesson at first sight (issue #9): how soon after Play each lab's headline shows the teacher's
 * gain, in headless Chromium on WebAssembly, on the built app.
 *
 *   npm run bench:first-sight                  # every lab, 2 runs each
 *   node tests/bench/first-sight.mjs --labs=toy2d,mnist --runs=3 --seconds=20
 *
 * For each lab it opens `/?lab=<id>&backend=wasm` in a fresh context, waits for the run to be
 * ready, presses Play and then reads the "What the teacher added" headline every 100 ms: the time
 * until it shows a gain (some figure has the distilled student ahead by more than the lab's noise
 * band, none has it behind) and keeps showing one for 2 s, and what the headline says 10 s after Play. The target is
 * printed beside each figure (≤ 10 s). Measures only; nothing here is a test.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const labs = (args.labs ?? 'toy2d,mnist,cartpole,names').split(',');
const runs = Number(args.runs ?? 2);
const seconds = Number(args.seconds ?? 30);
const port = Number(args.port ?? 4190);
const TARGET_S = 10;

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--bypass-lock'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await sleep(200);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

/** The headline's first figure: its text and tone (better / worse / even), or null. */
async function headline(page) {
  return page.evaluate(() => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'DISTILL-GAIN') return el;
        if (el.shadowRoot) {
          const inner = find(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    const gain = find(document);
    const figures = [...(gain?.shadowRoot?.querySelectorAll('.figure') ?? [])];
    if (figures.length === 0) return null;
    const tones = figures.map((f) => ['better', 'worse', 'even'].find((t) => f.classList.contains(t)) ?? 'none');
    // A gain: some figure says the distilled student is ahead, and none that it is behind.
    const tone = tones.includes('worse') ? 'worse' : tones.includes('better') ? 'better' : tones[0];
    return { tone, text: figures.map((f) => f.textContent.replace(/\s+/g, ' ').trim()).join(' · ') };
  });
}

const rows = [];
for (const lab of labs) {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__steps = [];
      addEventListener('distill-step', (e) => window.__steps.push(e.detail.step));
    });
    const t0 = Date.now();
    await page.goto(`${base}/?lab=${lab}&backend=wasm`);
    await page.waitForFunction(() => window.__steps.length > 0, null, { timeout: 120_000 });
    const ready = (Date.now() - t0) / 1000;
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const played = Date.now();
    let firstGain = null;
    let since = null;
    let at10 = null;
    while (Date.now() - played < seconds * 1000) {
      const h = await headline(page);
      const t = (Date.now() - played) / 1000;
      if (h?.tone === 'better') {
        since ??= t;
        if (firstGain === null && t - since >= 2) firstGain = { seconds: since, text: h.text };
      } else since = null;
      if (at10 === null && t >= TARGET_S) at10 = h ? `${h.text} [${h.tone}]` : 'no figure yet';
      if (firstGain && at10) break;
      await sleep(100);
    }
    const step = await page.evaluate(() => window.__steps.at(-1));
    rows.push({ lab, run, ready, firstGain, at10, step });
    console.log(
      `${lab.padEnd(9)} run ${run}: ready ${ready.toFixed(1)} s · gain shown ${firstGain ? `${firstGain.seconds.toFixed(1)} s after Play (target ≤ ${TARGET_S} s)` : `not within ${seconds} s (target ≤ ${TARGET_S} s)`} · at ${TARGET_S} s: ${at10 ?? 'n/a'} · last step ${step}`,
    );
    await context.close();
  }
}
await browser.close();
server.kill();

console.log('\n| lab | ready (s) | gain on the headline, s after Play (target ≤ 10) | headline 10 s after Play |');
console.log('| --- | --- | --- | --- |');
for (const lab of labs) {
  const mine = rows.filter((r) => r.lab === lab);
  const gains = mine.map((r) => (r.firstGain ? r.firstGain.seconds.toFixed(1) : `> ${seconds}`)).join(', ');
  console.log(`| ${lab} | ${mine.map((r) => r.ready.toFixed(1)).join(', ')} | ${gains} | ${mine[0]?.at10 ?? 'n/a'} |`);
}
