/**
 * The page's side of the worker bridge: one module worker, one `Remote<TrainerApi>` held for the
 * client's lifetime. tfjs is never imported here; only the API's types are.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { TrainerApi, TrainerListener } from '../../workers/trainer-api';
// `?worker&url` gives the built worker's URL, so a cross-origin embed can start it through a blob.
import workerUrl from '../../workers/trainer.worker.ts?worker&url';

/**
 * Start the trainer worker. Browsers refuse `new Worker(url)` for another origin (a page embedding
 * our built module from a CDN): there, a same-origin blob module imports the real worker instead.
 */
export function startTrainerWorker(): Worker {
  const href = new URL(workerUrl, import.meta.url).href;
  if (new URL(href).origin === globalThis.location?.origin) {
    return new Worker(href, { type: 'module', name: 'distill-trainer' });
  }
  const trampoline = new Blob([`import ${JSON.stringify(href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(trampoline), { type: 'module', name: 'distill-trainer' });
}

export class TrainerClient {
  readonly remote: Remote<TrainerApi>;
  private readonly worker: Worker;
  private listenerProxy: TrainerListener | null = null;

  constructor(onCrash: (message: string) => void, worker: Worker = startTrainerWorker()) {
    this.worker = worker;
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      onCrash(event.message || 'the training worker failed to start');
    });
    this.remote = wrap<TrainerApi>(this.worker);
  }

  /** Wraps the listener once, so the worker can call back into the page. */
  listener(callbacks: TrainerListener): TrainerListener {
    this.listenerProxy = proxy(callbacks);
    return this.listenerProxy;
  }

  dispose(): void {
    void this.remote.dispose().catch(() => undefined);
    this.remote[releaseProxy]();
    this.worker.terminate();
  }
}
