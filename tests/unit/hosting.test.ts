import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CROSS_ORIGIN_ISOLATION, tfjsKeysLoops, wasmThreadsSelfContained } from '../../vite.config';
// @ts-expect-error plain ESM helper without types
import { ISOLATION_HEADERS, startStaticServer } from '../e2e/static-server.mjs';

describe('served cross-origin isolated', () => {
  it('the test server sends COOP + COEP (as vite start / preview do), and leaves them off when asked', async () => {
    expect(ISOLATION_HEADERS).toEqual(CROSS_ORIGIN_ISOLATION);
    expect(CROSS_ORIGIN_ISOLATION).toEqual({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    const server = await startStaticServer({});
    try {
      const isolated = await fetch(`${server.url}/package.json`);
      expect(isolated.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(isolated.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      const plain = await fetch(`${server.url}/package.json?isolation=off`);
      expect(plain.headers.get('cross-origin-opener-policy')).toBeNull();
      expect(plain.headers.get('cross-origin-embedder-policy')).toBeNull();
      const gz = await fetch(`${server.url}/models/mnist/teacher/weights.bin.gz`);
      // Sent as it is: no Content-Encoding, so the worker inflates it itself.
      expect(gz.headers.get('content-encoding')).toBeNull();
      expect(Number(gz.headers.get('content-length'))).toBe((await gz.arrayBuffer()).byteLength);
    } finally {
      await server.close();
    }
  });

  it("the build keeps tfjs's threaded wasm module self-contained and its pthread pool to the threads it uses", async () => {
    const require = createRequire(import.meta.url);
    const id = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
    const code = await readFile(id, 'utf8');
    const transform = wasmThreadsSelfContained.transform as (this: { error(m: string): never }, code: string, id: string) => { code: string } | null;
    const ctx = { error: (m: string): never => { throw new Error(m); } };
    const out = transform.call(ctx, code, id)!;
    expect(out.code).not.toMatch(/var _scriptDir = /);
    expect(out.code).toContain('typeof _scriptDir !== "undefined" && _scriptDir');
    expect(out.code).not.toContain('var pthreadPoolSize=8;');
    expect(out.code).toContain('var pthreadPoolSize=Math.min(8,Math.max(1,Math.floor(');
    expect(transform.call(ctx, code, '/x/other.js')).toBeNull();
    expect(() => transform.call(ctx, 'var x = 1;', id)).toThrow(/review/);
  });

  it("the build walks tfjs's tape with Object.keys, not for…in (no deoptimisation loop in Chromium)", async () => {
    const require = createRequire(import.meta.url);
    const transform = tfjsKeysLoops.transform as (this: { error(m: string): never }, code: string, id: string) => { code: string } | null;
    const ctx = { error: (m: string): never => { throw new Error(m); } };
    const tape = require.resolve('@tensorflow/tfjs-core/dist/tape.js');
    const util = require.resolve('@tensorflow/tfjs-core/dist/tensor_util.js');
    for (const [id, loops] of [[tape, 4], [util, 1]] as const) {
      const code = await readFile(id, 'utf8');
      const out = transform.call(ctx, code, id)!.code;
      expect(out).not.toMatch(/for \(const \w+ in /);
      expect(out.match(/ of Object\.keys\(/g)?.length).toBe(loops);
    }
    expect(transform.call(ctx, 'for (const k in o) {}', '/x/other.js')).toBeNull();
    expect(() => transform.call(ctx, 'var x = 1;', tape)).toThrow(/review/);
  });
});
