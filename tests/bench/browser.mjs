/**
 * The benchmark's server and browser: `vite preview` on a free port, Debian's Chromium (flags:
 * tests/e2e/chromium.ts), the recorders installed in every page, the backend probe and the page
 * helpers (bounded page.evaluate, page errors) the measurements share.
 */
import { createServer } from 'node:net';
import { REPO_ROOT } from './options.mjs';
import { shortError, withTimeout } from './util.mjs';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startPreview(distDir) {
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local?.[0] ?? `http://127.0.0.1:${port}/`;
  return { url: url.replace(/\/$/, ''), close: () => server.close() };
}

/**
 * `gpuFlags: false` leaves out the WebGPU/Vulkan and WebGL/SwiftShader flags: what a laptop
 * without a usable GPU gets (no WebGPU; Chromium still offers WebGL, drawn by SwiftShader).
 */
export async function launchBrowser({ gpuFlags = true } = {}) {
  const { chromium } = await import('@playwright/test');
  // chromium.ts is TypeScript; tsx (a dev dependency) lets plain Node import it.
  const { tsImport } = await import('tsx/esm/api');
  const { CHROMIUM_ARGS, QUIET_ARGS, chromiumPath } = await tsImport('../e2e/chromium.ts', import.meta.url);
  const executablePath = chromiumPath();
  // ForceEagerMeasureMemory: performance.measureUserAgentSpecificMemory() answers at once instead
  // of at the next garbage collection (the labs' memory, measure-labs.mjs).
  const args = [...(gpuFlags ? CHROMIUM_ARGS : QUIET_ARGS), '--enable-blink-features=ForceEagerMeasureMemory'];
  const browser = await chromium.launch({ executablePath, args, headless: true });
  return { browser, executablePath, args };
}

/**
 * Runs in every page before its own scripts: collects main-thread long tasks and the playground's
 * events from the very start (the init snapshot can arrive before the bench could attach anything).
 * The events are bubbling and composed, so a window listener sees them out of the shadow DOM.
 */
export function installPageRecorders() {
  const longTasks = [];
  const steps = [];
  const backends = [];
  const errors = [];
  const define = (name, value) => Object.defineProperty(window, name, { value, configurable: true });
  define('__longTasks', longTasks);
  define('__benchSteps', steps);
  define('__benchBackends', backends);
  define('__benchErrors', errors);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    define('__longTasksUnsupported', true);
  }
  // Snapshots and, between them on a slow device, progress pulses: both say where training is.
  for (const type of ['distill-step', 'distill-progress']) {
    window.addEventListener(type, (e) => {
      const d = e.detail ?? {};
      steps.push({ t: performance.now(), step: d.step, seen: d.examplesSeen, eps: d.examplesPerSecond, running: d.running, pulse: type === 'distill-progress' });
    });
  }
  window.addEventListener('distill-backend', (e) => backends.push({ t: performance.now(), ...(e.detail ?? {}) }));
  window.addEventListener('distill-error', (e) => errors.push({ t: performance.now(), ...(e.detail ?? {}) }));
}

/** Describes the hardware behind a backend as this page sees it; `available: false` skips it. */
export async function probeBackend(page, backend) {
  return page.evaluate(async (b) => {
    if (b === 'webgpu') {
      if (!('gpu' in navigator)) return { available: false, reason: 'navigator.gpu missing (WebGPU off)' };
      const adapter = await navigator.gpu.requestAdapter().catch(() => null);
      if (!adapter) return { available: false, reason: 'no WebGPU adapter' };
      const info = adapter.info ?? {};
      const fallback = adapter.isFallbackAdapter ?? info.isFallbackAdapter;
      const name = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
      return { available: true, adapter: `${name || 'unknown'}${fallback ? ' (fallback)' : ''}`, info: { ...info } };
    }
    if (b === 'webgl') {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return { available: false, reason: 'no WebGL2 context' };
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      const api = renderer.match(/Vulkan|OpenGL|D3D11|D3D9|Metal/)?.[0] ?? 'ANGLE';
      const short = /swiftshader/i.test(renderer) ? `SwiftShader (${api} via ANGLE)` : renderer;
      return { available: true, adapter: short, info: { renderer } };
    }
    if (b === 'wasm') {
      return {
        available: typeof WebAssembly === 'object',
        reason: 'no WebAssembly',
        adapter: crossOriginIsolated ? 'wasm (threads possible)' : 'wasm (no threads: not COI)',
        info: { crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency },
      };
    }
    return { available: true, adapter: 'JS (cpu backend)', info: {} };
  }, backend);
}

/** page.evaluate has no timeout of its own: a page stuck in a long task must not hang the bench. */
export function evaluate(page, fn, arg, seconds = 30) {
  return withTimeout(page.evaluate(fn, arg), seconds * 1000, 'page.evaluate');
}

export function pageProblems(page) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${shortError(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isFaviconNoise(msg)) problems.push(`console error: ${shortError(msg.text())}`);
  });
  page.on('crash', () => problems.push('page crashed'));
  return problems;
}

/** Chromium asks for /favicon.ico by itself; its 404 says nothing about the app. */
function isFaviconNoise(msg) {
  return /\/favicon\.ico(\?|$)/.test(msg.location()?.url ?? '');
}
