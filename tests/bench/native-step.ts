/** Page side of the browser half of `npm run bench:native`: runs native-step.worker.ts, publishes `window.__nativeStep`. */
import type { NativeStepResult } from './native-step.worker';

declare global {
  interface Window {
    __nativeStep?: NativeStepResult | { error: string };
  }
}

const steps = Number(new URLSearchParams(location.search).get('steps') ?? 30);
const worker = new Worker(new URL('./native-step.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<NativeStepResult | { error: string }>) => {
  window.__nativeStep = event.data;
  document.getElementById('result')!.textContent = JSON.stringify(event.data);
};
worker.onerror = (event) => {
  window.__nativeStep = { error: event.message || 'native-step worker failed' };
};
worker.postMessage({ steps });
