/**
 * Where "this run" trains, in words that follow the backend in use: "on your GPU (WebGL)" only
 * when a GPU really does the work; WebAssembly, plain JavaScript and software renderers (a GPU API
 * drawn by the CPU, such as SwiftShader) run on this device's CPU. Pure, so vitest checks it.
 */
import type { RunMeasurement } from '../../cost/cost-model';
import { msg } from '../../i18n/index';
import { type BackendTrial, softwareRenderer } from '../../state/backend-choice';
import type { BackendName } from '../../state/common';

/** What does the work: a GPU API on a GPU, on a software renderer, or the CPU directly. */
export type RunDevice =
  | { kind: 'gpu'; backend: 'webgpu' | 'webgl' }
  | { kind: 'software'; backend: 'webgpu' | 'webgl' }
  | { kind: 'cpu'; backend: 'wasm' | 'cpu' }
  | { kind: 'unknown'; backend: string };

/**
 * The device behind `backend`: a GPU backend counts as software when its adapter string names a
 * software renderer, or when `auto`'s trials set it aside as one.
 */
export function runDevice(backend: string, adapter?: string, trials?: readonly BackendTrial[]): RunDevice {
  if (backend === 'wasm' || backend === 'cpu') return { kind: 'cpu', backend };
  if (backend === 'webgpu' || backend === 'webgl') {
    const software =
      softwareRenderer(adapter) !== null || (trials ?? []).some((t) => t.name === backend && t.outcome === 'software');
    return { kind: software ? 'software' : 'gpu', backend };
  }
  return { kind: 'unknown', backend };
}

/** "on your GPU (WebGL)", "on this device's CPU (WebAssembly)", … for the measured run. */
export function deviceText(run: Pick<RunMeasurement, 'backend' | 'adapter' | 'software'>): string {
  const t = msg.cost.device;
  const d = runDevice(run.backend, run.adapter);
  const kind = d.kind === 'gpu' && run.software ? 'software' : d.kind;
  const name = (b: string): string => msg.controls.backendNames[b as BackendName] ?? b;
  if (kind === 'cpu') return d.backend === 'wasm' ? t.wasm : t.cpu;
  if (kind === 'gpu') return t.gpu(name(d.backend));
  if (kind === 'software') return t.software(name(d.backend));
  return t.other(name(d.backend));
}
