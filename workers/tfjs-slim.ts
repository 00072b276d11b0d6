/**
 * What the browser build gets for `import * as tf from '@tensorflow/tfjs'` (vite.config.ts aliases
 * it here; Node and vitest keep the full package): tfjs-core with its gradients and chained ops,
 * plus tfjs-layers. Left out: the converter and tf.data (nothing here uses them) and the backends,
 * which `workers/backend.ts` imports only when it tries one (WebGL's 0.4 MB and the CPU backend are
 * then never downloaded by a visitor on WebAssembly). Saves about 1 MB of the worker.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
