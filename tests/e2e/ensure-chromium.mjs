#!/usr/bin/env node
/**
 * Makes sure a Chromium exists for the browser tests, and says which one is used.
 *
 * Search order (same as tests/e2e/chromium.ts): $CHROMIUM_PATH or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
 * then Debian's /usr/bin/chromium, then Playwright's own download if it is on disk.
 * If none is found: as root, `apt-get install -y chromium` (Debian); otherwise
 * `npx playwright install chromium` (needs the internet, which our machines usually lack).
 * Exits 1 with the command a person should run when nothing works.
 *
 * Plain Node ESM; @playwright/test is optional (this may run before `npm ci`).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const MANUAL_FIX =
  'sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium' +
  '   (or set CHROMIUM_PATH=/path/to/chromium)';

const log = (msg) => console.log(`[ensure-chromium] ${msg}`);

async function playwrightChromiumPath() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // @playwright/test not installed yet, or no browser registered
  }
}

async function findChromium() {
  for (const name of ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const value = process.env[name];
    if (!value) continue;
    if (existsSync(value)) return { path: value, source: `$${name}` };
    // An explicit choice that is wrong should fail loudly, not silently test another browser.
    console.error(`[ensure-chromium] $${name} is set to ${value}, but no such file exists.`);
    process.exit(1);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'Debian package' };
  const bundled = await playwrightChromiumPath();
  if (bundled) return { path: bundled, source: "Playwright's download" };
  return undefined;
}

/** Runs a command with its output streamed; returns true on exit code 0. */
function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) log(`${command}: ${result.error.message}`);
  return result.status === 0;
}

function installWithApt() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update'], { env }) &&
    run('apt-get', ['install', '-y', 'chromium'], { env })
  );
}

function installWithPlaywright() {
  // Downloads from Playwright's CDN; give up after 10 minutes rather than hang on a closed network.
  return run('npx', ['--no-install', 'playwright', 'install', 'chromium'], { timeout: 10 * 60_000 });
}

function printVersion(path) {
  // Debian's wrapper script prints a harmless shell warning on stderr; keep only stdout.
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = (result.stdout ?? '').trim();
  if (result.status !== 0 || !version) {
    console.error(`[ensure-chromium] ${path} --version failed: ${(result.stderr ?? result.error?.message ?? '').trim()}`);
    return false;
  }
  log(`version: ${version}`);
  return true;
}

let found = await findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  log(`no Chromium found (checked $CHROMIUM_PATH, $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, ${DEBIAN_CHROMIUM}, Playwright's cache).`);
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('running as root: installing Debian package "chromium" with apt-get.');
    installWithApt();
  } else {
    log('not root (or no apt-get): trying `npx playwright install chromium`.');
    installWithPlaywright();
  }
  found = await findChromium();
  if (!found) {
    console.error('[ensure-chromium] Could not install Chromium. Run this, then try again:');
    console.error(`  ${MANUAL_FIX}`);
    process.exit(1);
  }
}

log(`using ${found.path} (${found.source})`);
if (!printVersion(found.path)) {
  console.error(`[ensure-chromium] Chromium at ${found.path} does not run. Try: ${MANUAL_FIX}`);
  process.exit(1);
}
