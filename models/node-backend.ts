/**
 * The backend for the teachers' training scripts in Node: wasm, the one every teacher was trained
 * on, through the worker's own `selectBackend` (there is no WebGPU or WebGL in Node, so the only
 * fallback is the much slower cpu backend, with a warning). Returns the backend's name.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../workers/backend';

export async function selectNodeBackend(): Promise<string> {
  const info = await selectBackend('wasm');
  if (info.name !== 'wasm') {
    console.warn(`WARNING: wasm backend unavailable (${info.fallbackReason ?? 'unknown reason'}); falling back to the (much slower) ${info.name} backend.`);
  }
  return tf.getBackend();
}
