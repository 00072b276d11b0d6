/**
 * Backend selection: webgpu → webgl → wasm → cpu. Each candidate is probed before use
 * (`requestAdapter()` for WebGPU, `setBackend`'s boolean for all), and every backend is imported
 * only when tried (the browser build's tfjs carries none: workers/tfjs-slim.ts), so a page that
 * never needs WebGPU or WebGL never downloads it.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_PREFERENCE, type BackendChoice, type BackendName } from '../src/state/common';
import { softwareRenderer, type BackendProbe } from '../src/state/backend-choice';
import type { BackendInfo } from './trainer-api';

export type WasmPaths = Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;

export interface BackendOptions {
  /** Where the wasm binaries are served from (our own build); Node finds them itself. */
  wasmPaths?: WasmPaths;
}

interface GpuAdapterLike {
  info?: Record<string, string | boolean>;
  /** Older Chromium put the flag on the adapter; newer puts it in `info`. */
  isFallbackAdapter?: boolean;
}

interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

function webgpuApi(): GpuLike | undefined {
  return (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
}

/** Readable adapter names, e.g. "swiftshader" or "nvidia · ampere". */
function describeGpuAdapter(info: Record<string, string | boolean> | undefined): string {
  if (!info) return 'unknown adapter';
  const parts = [info.vendor, info.architecture, info.device, info.description]
    .filter((p): p is string => typeof p === 'string' && p.length > 0);
  return [...new Set(parts)].join(' · ') || 'unknown adapter';
}

let wasmPathsSet = false;

export async function tryBackend(name: BackendName, options: BackendOptions): Promise<{ adapter: string } | { reason: string }> {
  try {
    switch (name) {
      case 'webgpu': {
        const gpu = webgpuApi();
        if (!gpu) return { reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
        const adapter = await gpu.requestAdapter();
        if (!adapter) return { reason: 'WebGPU found no usable GPU adapter' };
        await import('@tensorflow/tfjs-backend-webgpu');
        if (!(await tf.setBackend('webgpu'))) return { reason: 'the WebGPU backend failed to start' };
        return { adapter: describeGpuAdapter(adapter.info) };
      }
      case 'webgl': {
        if (typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') {
          return { reason: 'WebGL needs OffscreenCanvas, which this browser lacks in workers' };
        }
        await import('@tensorflow/tfjs-backend-webgl');
        if (!(await tf.setBackend('webgl'))) return { reason: 'WebGL is not available' };
        return { adapter: webglRenderer() };
      }
      case 'wasm': {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        if (options.wasmPaths && !wasmPathsSet) {
          wasm.setWasmPaths(options.wasmPaths);
          wasmPathsSet = true;
        }
        if (!(await tf.setBackend('wasm'))) return { reason: 'WebAssembly backend failed to start' };
        return { adapter: await wasmAdapter(wasm.getThreadsCount()) };
      }
      case 'cpu': {
        await import('@tensorflow/tfjs-backend-cpu');
        if (!(await tf.setBackend('cpu'))) return { reason: 'the plain JavaScript backend failed to start' };
        return { adapter: 'plain JavaScript' };
      }
    }
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * "SIMD · 2 threads", or why there is one: the threaded binary needs SharedArrayBuffer, which a
 * browser grants only to a cross-origin isolated page (COOP + COEP headers; Node never threads).
 */
async function wasmAdapter(threadCount: number): Promise<string> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  const threaded = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const n = Math.max(1, threadCount);
  const threads = `${n} thread${n === 1 ? '' : 's'}`;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (threaded) return `${simd} · ${threads}`;
  return `${simd} · ${threads}${isolated === false ? ' (page not cross-origin isolated)' : ''}`;
}

function webglRenderer(): string {
  try {
    const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
    const gl = backend.gpgpu?.gl;
    if (!gl) return 'WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return `WebGL ${tf.env().getNumber('WEBGL_VERSION')} · ${String(renderer)}`;
  } catch {
    return 'WebGL';
  }
}

/**
 * Whether each backend can start here and what device it would use, without starting tfjs on it:
 * WebGPU's adapter info (software adapters say so), WebGL's unmasked renderer from a throwaway
 * context. Cheap (a few milliseconds), so `auto` can set aside software renderers before timing.
 */
export async function probeBackends(): Promise<BackendProbe[]> {
  return [await probeWebgpu(), probeWebgl(), probeWasm(), { name: 'cpu', available: true, adapter: 'plain JavaScript' }];
}

async function probeWebgpu(): Promise<BackendProbe> {
  const gpu = webgpuApi();
  if (!gpu) return { name: 'webgpu', available: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { name: 'webgpu', available: false, reason: 'WebGPU found no usable GPU adapter' };
    const adapterName = describeGpuAdapter(adapter.info);
    const fallback = adapter.isFallbackAdapter === true || adapter.info?.isFallbackAdapter === true;
    return { name: 'webgpu', available: true, adapter: adapterName, software: softwareRenderer(adapterName, fallback) };
  } catch (error) {
    return { name: 'webgpu', available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function probeWebgl(): BackendProbe {
  if (typeof OffscreenCanvas === 'undefined') {
    return { name: 'webgl', available: false, reason: 'WebGL needs OffscreenCanvas, which this browser lacks in workers' };
  }
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { name: 'webgl', available: false, reason: 'WebGL is not available' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { name: 'webgl', available: true, adapter: renderer, software: softwareRenderer(renderer) };
  } catch (error) {
    return { name: 'webgl', available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function probeWasm(): BackendProbe {
  return typeof WebAssembly === 'object'
    ? { name: 'wasm', available: true }
    : { name: 'wasm', available: false, reason: 'this browser has no WebAssembly' };
}

/** The candidates tried for a choice: the requested one first, then the rest in preference order. */
export function candidatesFor(choice: BackendChoice): BackendName[] {
  if (choice === 'auto') return [...BACKEND_PREFERENCE];
  return [choice, ...BACKEND_PREFERENCE.filter((b) => b !== choice)];
}

/**
 * Start the first backend that works. Never fails outright: the cpu backend always starts, and
 * when the requested backend was skipped, `fallbackReason` says why.
 */
export async function selectBackend(choice: BackendChoice, options: BackendOptions = {}): Promise<BackendInfo> {
  const reasons: string[] = [];
  for (const name of candidatesFor(choice)) {
    const result = await tryBackend(name, options);
    if ('adapter' in result) {
      await tf.ready();
      const info: BackendInfo = { name, requested: choice, adapter: result.adapter };
      const skipped = choice === 'auto' ? reasons.length > 0 && name !== BACKEND_PREFERENCE[0] : name !== choice;
      if (skipped && reasons.length > 0) info.fallbackReason = reasons.join('; ');
      return info;
    }
    reasons.push(`${name}: ${result.reason}`);
  }
  throw new Error(`No tfjs backend could start (${reasons.join('; ')})`);
}

/** Resolves when the WebGPU device behind the current backend is lost (driver reset, GPU removed). */
export function onDeviceLost(callback: (message: string) => void): void {
  const backend = tf.backend() as unknown as { device?: { lost?: Promise<{ reason?: string; message?: string }> } };
  backend.device?.lost?.then((info) => {
    // 'destroyed' is our own doing (the backend was disposed), not a failure.
    if (info.reason === 'destroyed') return;
    callback(info.message || 'the GPU device was lost');
  });
}
