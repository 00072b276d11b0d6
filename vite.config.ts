/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';
import type { BuildEnvironmentOptions, Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * One config, three jobs:
 * - `vite` / `vite build`: the playground app (index.html) into dist/;
 * - `vite build --mode lib`: the embeddable widgets as one ES module plus the worker and wasm
 *   files beside it, all referenced by relative URLs, into dist-lib/;
 * - `vitest`: unit tests in Node.
 */
/** The headers that make a page cross-origin isolated (`crossOriginIsolated === true`). */
export const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Two fixes to tfjs-backend-wasm's threaded module, for the build:
 * - it starts its pthreads from `factory.toString()`: the function must not lean on anything
 *   outside itself. Its one outer variable, `_scriptDir`, is read behind a `typeof` guard, which
 *   a minifier drops once it sees the variable declared around the function; the threads then die
 *   with "e is not defined". Declared nowhere, it stays a guarded free name (undefined in a worker,
 *   which is what the threads expect);
 * - it starts a pool of 8 workers whatever the device (~17 MB each), while XNNPACK uses
 *   min(8, max(1, cores / 2)) threads: the pool gets that many (one on a 2-core laptop: ~120 MB less).
 */
export const wasmThreadsSelfContained: Plugin = {
  name: 'tfjs-wasm-threads-self-contained',
  apply: 'build',
  transform(code, id) {
    if (!/tfjs-backend-wasm-threaded-simd\.js$/.test(id)) return null;
    const header = /var _scriptDir = typeof document[^\n]*\n[^\n]*__filename[^\n]*\n/;
    const pool = 'var pthreadPoolSize=8;';
    if (!header.test(code) || !code.includes(pool)) this.error('tfjs-backend-wasm-threaded-simd.js is not as this plugin expects: review it');
    const threads = 'Math.min(8,Math.max(1,Math.floor(((typeof navigator!="undefined"&&navigator.hardwareConcurrency)||2)/2)))';
    return { code: code.replace(header, '').replace(pool, `var pthreadPoolSize=${threads};`), map: null };
  },
};

/**
 * tfjs's tape walks each op's inputs with `for…in` at every gradient (`getFilteredNodesXToY`,
 * `backpropagateGradients`) and every tidy (`walkTensorContainer`). Over objects of many shapes
 * ({a, b}, {x}, {x, alpha}…) Chromium's optimising compilers (Maglev, TurboFan) deoptimise those
 * loops on a map check, reoptimise them and deoptimise again: measured on the 2-D step in a
 * worker, ~150 deoptimisations a second for as long as training runs, and ~250 ms of background
 * compiling per second on the cores the page needs. `Object.keys` visits the same own keys (these
 * objects inherit none) and compiles once. Errors if tfjs's files no longer hold the loops.
 */
const FOR_IN_LOOPS: Record<string, number> = { 'tape.js': 4, 'tensor_util.js': 1 };
export const tfjsKeysLoops: Plugin = {
  name: 'tfjs-keys-loops',
  transform(code, id) {
    const file = /tfjs-core\/dist\/(tape|tensor_util)\.js$/.exec(id.split('?')[0]!);
    if (!file) return null;
    const loop = /for \(const (\w+) in ([\w.]+)\) \{/g;
    const found = code.match(loop)?.length ?? 0;
    if (found !== FOR_IN_LOOPS[`${file[1]}.js`]) this.error(`tfjs-core/dist/${file[1]}.js has ${found} for…in loops, not the ones this plugin expects: review it`);
    return { code: code.replace(loop, 'for (const $1 of Object.keys($2)) {'), map: null };
  },
};

export default defineConfig(({ mode }) => {
  const lib = mode === 'lib';
  const build: BuildEnvironmentOptions = lib
    ? {
        // Not Vite's "library mode": that inlines every asset as base64 (the wasm binaries and
        // teacher weights would triple the worker). A plain build with a JS entry keeps them as
        // files beside the module, found through relative URLs.
        outDir: 'dist-lib',
        target: 'es2022',
        copyPublicDir: false,
        assetsInlineLimit: 0,
        rollupOptions: {
          input: { 'distill-playground': 'src/index.ts' },
          preserveEntrySignatures: 'exports-only',
          output: {
            entryFileNames: '[name].js',
            chunkFileNames: 'assets/[name]-[hash].js',
            assetFileNames: 'assets/[name]-[hash][extname]',
          },
        },
      }
    : {
        outDir: 'dist',
        target: 'es2022',
        assetsInlineLimit: 0,
        rollupOptions: {
          // The app, plus the benchmarks' bare training loop and MNIST step (never linked from the app).
          input: { main: 'index.html', bench: 'tests/bench/bench.html', native: 'tests/bench/native.html' },
        },
      };

  return {
    // The browser build's tfjs without the converter, tf.data and eagerly registered backends
    // (workers/tfjs-slim.ts); vitest keeps the whole package.
    resolve: mode === 'test' ? {} : { alias: [{ find: /^@tensorflow\/tfjs$/, replacement: fileURLToPath(new URL('./workers/tfjs-slim.ts', import.meta.url)) }] },
    // Relative asset and worker URLs, so the build works from any folder or host.
    base: './',
    plugins: [wasmThreadsSelfContained, tfjsKeysLoops],
    worker: { format: 'es', plugins: () => [wasmThreadsSelfContained, tfjsKeysLoops] },
    // Cross-origin isolated (COOP + COEP), so the wasm backend may use its threaded SIMD binary
    // (SharedArrayBuffer); a host must send the same two headers (README, "Hosting").
    server: { host: '127.0.0.1', port: 5173, headers: CROSS_ORIGIN_ISOLATION },
    preview: { host: '127.0.0.1', port: 4173, headers: CROSS_ORIGIN_ISOLATION },
    // The wasm backend mixes ESM and CommonJS files: let Vite pre-bundle it. Its .wasm files are
    // located through setWasmPaths (workers/wasm-paths.ts), so bundling does not break them.
    // `npm start` pre-bundles tfjs (the dependency optimizer), where the plugins above never run:
    // the tape's loops are rewritten there too.
    // The worker's tfjs is listed too: found only when the worker loads, it made the first visit
    // after `npm ci` reload the page (and lose a Play pressed at once).
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-webgl',
        '@tensorflow/tfjs-backend-webgpu',
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops',
        '@tensorflow/tfjs-core/dist/register_all_gradients',
        '@tensorflow/tfjs-layers',
      ],
      rolldownOptions: { plugins: [tfjsKeysLoops] },
    },
    build,
    test: {
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // tfjs keeps one global engine per process: run files in separate forks, one at a time on 2 cores.
      pool: 'forks',
      fileParallelism: false,
    },
  };
});
