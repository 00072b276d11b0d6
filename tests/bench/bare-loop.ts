/**
 * Page side of the bare benchmark loop: starts the bare worker for `?backend=` and publishes its
 * result as `window.__bareBench` for tests/bench/bench.mjs.
 */
import type { BareResult } from './bare.worker';

declare global {
  interface Window {
    __bareBench?: BareResult | { error: string };
  }
}

const params = new URLSearchParams(location.search);
const worker = new Worker(new URL('./bare.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<BareResult | { error: string }>) => {
  window.__bareBench = event.data;
  document.getElementById('result')!.textContent = JSON.stringify(event.data);
};
worker.onerror = (event) => {
  window.__bareBench = { error: event.message || 'bare worker failed' };
};
worker.postMessage({ backend: params.get('backend') ?? 'auto', seconds: Number(params.get('seconds') ?? 5) });
