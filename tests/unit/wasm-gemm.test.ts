/**
 * The generated WebAssembly GEMM (workers/wasm-gemm/): against a plain triple loop on raw memory
 * (panels of 6 rows and the rows left over, 8-column blocks and the scalar column tail, k blocks),
 * then as a tfjs kernel on the wasm backend: the same values as tf.matMul, the dense layer's
 * gradients equal to tfjs's own, and an MNIST run on it with tf.memory().numTensors flat.
 * (Node has SIMD but not relaxed SIMD: the unfused variant runs here; the e2e suite runs the fused
 * one in Chromium.)
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemm } from '../../workers/wasm-gemm/gemm';
import { gemmModuleBytes, hasSimd } from '../../workers/wasm-gemm/gemm-module';
import { wasmGemmReady, wasmMatMul } from '../../workers/wasm-gemm/kernel';
import { denseFor, gemmDense, inputDenseFor, gemmInputDense, plainDense } from '../../src/labs/mnist/worker/dense';
import { MnistRun, type MnistData } from '../../src/labs/mnist/worker/run';
import { defaultMnistExperiment, student } from '../../src/labs/mnist/shared/schema';
import { mulberry32 } from '../../src/shared/random';

type Shape = [m: number, n: number, k: number, transposeA: boolean];

function naive(f32: Float32Array, [m, n, k, tA]: Shape, a: number, b: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += f32[a + (tA ? q * m + i : i * k + q)]! * f32[b + q * n + j]!;
      out[i * n + j] = s;
    }
  return out;
}

describe('generated GEMM on raw memory', () => {
  it('this engine has WebAssembly SIMD', () => expect(hasSimd()).toBe(true));

  const shapes: Shape[] = [
    [1, 1, 1, false],
    [6, 8, 1, false],
    [7, 10, 300, false], // a panel and 1 row left; one 8-block and a 2-column tail; 3 k blocks
    [13, 19, 260, true],
    [128, 80, 129, false], // k blocks of 128 and 1
    [250, 10, 64, false],
    [40, 33, 128, true],
  ];
  for (const shape of shapes) {
    it(`${shape[0]}×${shape[2]}${shape[3] ? 'ᵀ' : ''} · ${shape[2]}×${shape[1]} matches a plain loop and writes nothing past C`, () => {
      const [m, n, k, tA] = shape;
      const memory = new WebAssembly.Memory({ initial: 64 });
      const f32 = new Float32Array(memory.buffer);
      const rand = mulberry32(m * 7 + n * 3 + k);
      const a = 4, b = a + m * k + 3, c = b + k * n + 5;
      for (let i = a; i < c; i++) f32[i] = rand() * 2 - 1;
      f32.fill(NaN, c, c + m * n + 16);
      f32.fill(12345, c + m * n, c + m * n + 16);
      gemm(memory, { m, n, k, transposeA: tA }, a * 4, b * 4, c * 4);
      const want = naive(f32, shape, a, b);
      let worst = 0;
      for (let i = 0; i < m * n; i++) worst = Math.max(worst, Math.abs(want[i]! - f32[c + i]!));
      expect(worst).toBeLessThan(1e-4 * Math.sqrt(k));
      expect(Array.from(f32.subarray(c + m * n, c + m * n + 16))).toEqual(new Array(16).fill(12345));
    });
  }

  it('refuses an empty shape or a bad panel height', () => {
    expect(() => gemmModuleBytes({ m: 0, n: 1, k: 1, transposeA: false }, { rows: 1, fused: false, sharedMemory: false })).toThrow(RangeError);
    expect(() => gemmModuleBytes({ m: 4, n: 1, k: 1, transposeA: false }, { rows: 7, fused: false, sharedMemory: false })).toThrow(RangeError);
  });

  it('writes a module a shared memory (the threaded build) can be imported into', () => {
    const bytes = gemmModuleBytes({ m: 6, n: 8, k: 4, transposeA: false }, { rows: 6, fused: false, sharedMemory: true });
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } })).not.toThrow();
  });
});

function syntheticSet(count: number, seed: number): MnistData {
  const rand = mulberry32(seed);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    for (let p = 0; p < 784; p++) images[i * 784 + p] = ((p * (i % 10) + p) % 97) * 2 + Math.floor(rand() * 40);
  }
  return { images, labels, count, rows: 28, cols: 28 };
}

describe('the GEMM as a tfjs kernel on the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it('is ready on wasm, and the MNIST dense layers use it', () => {
    expect(wasmGemmReady()).toBe(true);
    expect(denseFor('wasm')).toBe(gemmDense);
    expect(inputDenseFor('wasm')).toBe(gemmInputDense);
  });

  it('gives tf.matMul values, plain and with A transposed', () => {
    const a = tf.randomUniform([37, 90], -1, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomUniform([90, 21], -1, 1, 'float32', 2) as tf.Tensor2D;
    const at = tf.transpose(a);
    const fast = wasmMatMul(a, b);
    const fastT = wasmMatMul(at, b, true);
    const want = tf.matMul(a, b);
    expect(fast.shape).toEqual([37, 21]);
    expect(tf.max(tf.abs(tf.sub(fast, want))).dataSync()[0]).toBeLessThan(1e-4);
    expect(tf.max(tf.abs(tf.sub(fastT, want))).dataSync()[0]).toBeLessThan(1e-4);
    tf.dispose([a, b, at, fast, fastT, want]);
  });

  it("the dense layer's gradients equal tfjs's own", () => {
    const x = tf.randomUniform([20, 30], -1, 1, 'float32', 3) as tf.Tensor2D;
    const w = tf.randomUniform([30, 12], -1, 1, 'float32', 4) as tf.Tensor2D;
    const bias = tf.randomUniform([12], -1, 1, 'float32', 5) as tf.Tensor1D;
    const loss = (dense: typeof plainDense) => (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) =>
      tf.sum(tf.square(dense(xs as tf.Tensor2D, ws as tf.Tensor2D, bs as tf.Tensor1D)));
    const want = tf.grads(loss(plainDense))([x, w, bias]);
    const got = tf.grads(loss(gemmDense))([x, w, bias]);
    for (let i = 0; i < 3; i++) expect(tf.max(tf.abs(tf.sub(got[i]!, want[i]!))).dataSync()[0]).toBeLessThan(1e-3);
    const gotInput = tf.grads(loss(gemmInputDense))([x, w, bias]);
    for (let i = 1; i < 3; i++) expect(tf.max(tf.abs(tf.sub(gotInput[i]!, want[i]!))).dataSync()[0]).toBeLessThan(1e-3);
    tf.dispose([x, w, bias, ...want, ...got, ...gotInput]);
  });

  it('an MNIST run trains on it and keeps tf.memory().numTensors flat', async () => {
    const base = defaultMnistExperiment();
    const teacher = tf.sequential();
    teacher.add(tf.layers.dense({ units: 40, activation: 'relu', inputShape: [784], name: 'hidden1', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
    teacher.add(tf.layers.dense({ units: 10, name: 'logits', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }));
    const e = {
      ...base,
      students: [student([32, 16], 'labels'), student([32, 16], 'kd'), student([24], 'hints')],
      transfer: { size: 300, excludeDigits: [] },
      knobs: { ...base.knobs, batchSize: 32, hintSteps: 10, temperature: 4 },
    };
    const run = new MnistRun(e, teacher, { train: syntheticSet(400, 1), test: syntheticSet(100, 2) });
    for (let i = 0; i < 20; i++) run.trainStep();
    await run.sync();
    await run.evaluate();
    const start = tf.memory().numTensors;
    for (let i = 0; i < 40; i++) run.trainStep();
    await run.sync();
    await run.evaluate();
    expect(tf.memory().numTensors).toBe(start);
    const losses = await run.readLosses();
    expect(losses).toHaveLength(3);
    for (const l of losses) expect(Number.isFinite(l.total)).toBe(true);
    run.dispose();
    teacher.dispose();
  });
});
