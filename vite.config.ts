/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

/**
 * One config, three jobs:
 * - `vite` / `vite build`: the playground app (index.html) into dist/;
 * - `vite build --mode lib`: the embeddable widgets as one ES module plus the worker and wasm
 *   files beside it, all referenced by relative URLs, into dist-lib/;
 * - `vitest`: unit tests in Node.
 */
export default defineConfig(({ mode }) => {
  const lib = mode === 'lib';
  return {
    // Relative asset and worker URLs, so the build works from any folder or host.
    base: './',
    worker: { format: 'es' },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    // The wasm backend mixes ESM and CommonJS files: let Vite pre-bundle it. Its .wasm files are
    // located through setWasmPaths (workers/wasm-paths.ts), so bundling does not break them.
    optimizeDeps: { include: ['@tensorflow/tfjs-backend-wasm'] },
    build: lib
      ? {
          outDir: 'dist-lib',
          target: 'es2022',
          copyPublicDir: false,
          lib: {
            entry: 'src/index.ts',
            formats: ['es'],
            fileName: () => 'distill-playground.js',
          },
          // Keep the wasm binaries as files: inlined, they would bloat the module 10×.
          assetsInlineLimit: 0,
        }
      : {
          outDir: 'dist',
          target: 'es2022',
          assetsInlineLimit: 0,
        },
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
