/** The trainer worker: a few lines that put the engine behind comlink (Squoosh's bridge pattern). */
import { expose, transfer } from 'comlink';
import type { LabWorker } from '../src/labs/types';
import { createTrainer } from './trainer';
import type { TrainerApi, TrainerListener } from './trainer-api';
import { transferables } from './transferables';
import { wasmPaths } from './wasm-paths';

/** Each lab's worker face, found by its folder name and loaded only when that lab is opened. */
const faces = import.meta.glob<{ default: LabWorker }>('../src/labs/*/worker/browser.ts');

async function lab(id: string): Promise<LabWorker | undefined> {
  const load = faces[`../src/labs/${id}/worker/browser.ts`];
  return load ? (await load()).default : undefined;
}

const trainer = createTrainer({ lab, wasmPaths });

const api: TrainerApi = {
  ...trainer,
  init(id, experiment, backend, listener) {
    const transferring: TrainerListener = {
      snapshot: (s) => void listener.snapshot(transfer(s, transferables(s))),
      pulse: (p) => void listener.pulse(p),
      error: (e) => void listener.error(e),
      backend: (b) => void listener.backend(b),
      progress: (p) => void listener.progress(p),
    };
    // The page's listener is already a comlink proxy; this local wrapper only adds transfers.
    return trainer.init(id, experiment, backend, transferring);
  },
};

expose(api);
