/** The wasm backend's binaries, emitted by our own build (never a CDN) and located by URL. */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmPaths } from './backend';

const resolve = (url: string) => new URL(url, import.meta.url).href;

export const wasmPaths: WasmPaths = {
  'tfjs-backend-wasm.wasm': resolve(wasmPlain),
  'tfjs-backend-wasm-simd.wasm': resolve(wasmSimd),
  'tfjs-backend-wasm-threaded-simd.wasm': resolve(wasmThreadedSimd),
};
