/**
 * The generated WebAssembly kernels (workers/wasm-kernels/). The GEMM: against a plain triple loop on raw memory
 * (panels of 6 rows and the rows left over, 8-column blocks and the scalar column tail, k blocks;
 * B as stored and packed),
 * then as a tfjs kernel on the wasm backend: the same values as tf.matMul, the dense layer's
 * gradients equal to tfjs's own, and an MNIST run on it with tf.memory().numTensors flat. The
 * fused Adam: the same weights and moments as tfjs's Adam, step after step.
 * (Node has SIMD but not relaxed SIMD: the unfused variant runs here; the e2e suite runs the fused
 * one in Chromium.)
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemm, packB, panelPlan } from '../../workers/wasm-kernels/gemm';
import { gemmModuleBytes, hasSimd } from '../../workers/wasm-kernels/gemm-module';
import { wasmKernelsReady, wasmMatMul, wasmPackB, wasmPackedMatMul } from '../../workers/wasm-kernels/kernels';
import { denseFor, gemmDense, inputDenseFor, gemmInputDense, plainDense } from '../../src/labs/mnist/worker/dense';
import { MnistRun, type MnistData } from '../../src/labs/mnist/worker/run';
import { defaultMnistExperiment, student } from '../../src/labs/mnist/shared/schema';
import { mulberry32 } from '../../src/shared/random';
import { FusedAdamOptimizer } from '../../workers/objectives/fused-adam';
import { teacherForward } from '../../src/labs/mnist/worker/teacher-forward';

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

  it('compiles two panel functions whatever K is (V8 optimizes each new function only after it has run a while)', () => {
    const size = (k: number) => gemmModuleBytes({ m: 128, n: 1200, k, transposeA: false }, { rows: 6, fused: true, sharedMemory: false }).length;
    // Ten blocks of k against one: only the short loop that calls the panels grows.
    expect(size(1200)).toBeLessThan(size(128) * 2);
  });

  const shapes: Shape[] = [
    [1, 1, 1, false],
    [6, 8, 1, false],
    [7, 10, 300, false], // a panel and 1 row left; one 8-block and a 2-column tail; 3 k blocks
    [13, 19, 260, true],
    [128, 80, 129, false], // k blocks of 128 and 1
    [250, 10, 64, false],
    [40, 33, 128, true],
    [8, 16, 40, true], // 6 + 2 rows: two panels of 4
  ];
  for (const shape of shapes) {
    for (const packed of [false, true]) {
      it(`${shape[0]}×${shape[2]}${shape[3] ? 'ᵀ' : ''} · ${shape[2]}×${shape[1]}${packed ? ', B packed,' : ''} matches a plain loop and writes nothing past C`, () => {
        const [m, n, k, tA] = shape;
        const memory = new WebAssembly.Memory({ initial: 64 });
        const f32 = new Float32Array(memory.buffer);
        const rand = mulberry32(m * 7 + n * 3 + k);
        const a = 4, b = a + m * k + 3, c = b + k * n + 5, p = c + m * n + 16 + 7;
        for (let i = a; i < c; i++) f32[i] = rand() * 2 - 1;
        f32.fill(NaN, c, c + m * n + 16);
        f32.fill(12345, c + m * n, c + m * n + 16);
        // The packed copy: exactly K × N floats written, the guard after it untouched.
        f32.fill(-7, p, p + k * n + 16);
        if (packed) {
          packB(memory, k, n, b * 4, p * 4);
          expect(Array.from(f32.subarray(p + k * n, p + k * n + 16))).toEqual(new Array(16).fill(-7));
          expect(f32.subarray(p, p + k * n).includes(-7)).toBe(false);
        }
        gemm(memory, { m, n, k, transposeA: tA }, a * 4, (packed ? p : b) * 4, c * 4, packed);
        const want = naive(f32, shape, a, b);
        let worst = 0;
        for (let i = 0; i < m * n; i++) worst = Math.max(worst, Math.abs(want[i]! - f32[c + i]!));
        expect(worst).toBeLessThan(1e-4 * Math.sqrt(k));
        expect(Array.from(f32.subarray(c + m * n, c + m * n + 16))).toEqual(new Array(16).fill(12345));
      });
    }
  }

  it('cuts M into 6-row panels, and one or two rows left over with the last of them into two panels of 3–4', () => {
    const rows = (m: number) => panelPlan(m).reduce((sum, [r, p]) => sum + r * p, 0);
    expect(panelPlan(128)).toEqual([[6, 20], [4, 1], [4, 1]]);
    expect(panelPlan(7)).toEqual([[4, 1], [3, 1]]);
    expect(panelPlan(784)).toEqual([[6, 130], [4, 1]]);
    expect(panelPlan(5)).toEqual([[5, 1]]);
    expect(panelPlan(1)).toEqual([[1, 1]]);
    expect(panelPlan(12)).toEqual([[6, 2]]);
    for (let m = 1; m <= 40; m++) {
      expect(rows(m)).toBe(m);
      for (const [r] of panelPlan(m)) expect(r === 6 || m < 6 || r >= 3).toBe(true);
    }
  });

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
    expect(wasmKernelsReady()).toBe(true);
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

  it('gives tf.matMul values from a packed B, over several k blocks and a column tail', () => {
    const a = tf.randomUniform([20, 300], -1, 1, 'float32', 3) as tf.Tensor2D;
    const b = tf.randomUniform([300, 21], -1, 1, 'float32', 4) as tf.Tensor2D;
    const packed = wasmPackB(b);
    const fast = wasmPackedMatMul(a, packed);
    const want = tf.matMul(a, b);
    expect(packed.shape).toEqual([300, 21]);
    expect(tf.max(tf.abs(tf.sub(fast, want))).dataSync()[0]).toBeLessThan(1e-4);
    tf.dispose([a, b, packed, fast, want]);
  });

  // [batch, inputs, outputs]: dx as dy · Wᵀ (a small W), and as (W · dyᵀ)ᵀ (a W bigger than the batch's matrices).
  for (const [batch, inputs, outputs] of [[20, 30, 12], [4, 30, 20]]) {
    it(`the dense layer's gradients equal tfjs's own (batch ${batch}, ${inputs} → ${outputs})`, () => {
      const x = tf.randomUniform([batch, inputs], -1, 1, 'float32', 3) as tf.Tensor2D;
      const w = tf.randomUniform([inputs, outputs], -1, 1, 'float32', 4) as tf.Tensor2D;
      const bias = tf.randomUniform([outputs], -1, 1, 'float32', 5) as tf.Tensor1D;
      const loss = (dense: typeof plainDense) => (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) =>
        tf.sum(tf.square(dense(xs as tf.Tensor2D, ws as tf.Tensor2D, bs as tf.Tensor1D)));
      const want = tf.grads(loss(plainDense))([x, w, bias]);
      const got = tf.grads(loss(gemmDense))([x, w, bias]);
      for (let i = 0; i < 3; i++) {
        expect(got[i]!.shape).toEqual(want[i]!.shape);
        expect(tf.max(tf.abs(tf.sub(got[i]!, want[i]!))).dataSync()[0]).toBeLessThan(1e-3);
      }
      const gotInput = tf.grads(loss(gemmInputDense))([x, w, bias]);
      for (let i = 1; i < 3; i++) expect(tf.max(tf.abs(tf.sub(gotInput[i]!, want[i]!))).dataSync()[0]).toBeLessThan(1e-3);
      tf.dispose([x, w, bias, ...want, ...got, ...gotInput]);
    });
  }

  it("the teacher's forward pass on it gives the model's own logits and hidden layer", () => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 30, activation: 'relu', inputShape: [50], name: 'hidden1', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), biasInitializer: 'ones' }));
    model.add(tf.layers.dropout({ rate: 0.5 }));
    model.add(tf.layers.dense({ units: 10, name: 'logits', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
    const x = tf.randomUniform([17, 50], 0, 1, 'float32', 9) as tf.Tensor2D;
    const fast = teacherForward(model);
    expect(fast).not.toBe(model);
    const hidden = teacherForward(model, 'hidden1');
    const own = tf.model({ inputs: model.inputs, outputs: model.getLayer('hidden1').output as tf.SymbolicTensor });
    const pairs = [
      [fast.predict(x), model.predict(x)],
      [hidden.predict(x), own.predict(x)],
    ] as tf.Tensor[][];
    for (const [a, b] of pairs) {
      expect(a!.shape).toEqual(b!.shape);
      expect(tf.max(tf.abs(tf.sub(a!, b!))).dataSync()[0]).toBeLessThan(1e-5);
    }
    expect(() => teacherForward(model, 'nope')).toThrow(RangeError);
    tf.dispose([x, ...pairs.flat()]);
    // The packed kernels are the predictors' own: disposing them frees those and not the teacher's weights.
    const before = tf.memory().numTensors;
    fast.dispose();
    hidden.dispose();
    expect(tf.memory().numTensors).toBe(before - 3);
    expect(model.getWeights().every((w) => !w.isDisposed)).toBe(true);
    model.dispose();
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

describe('fused Adam on the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it("moves weights and moments as tfjs's Adam does, on sizes with and without a remainder of 4", () => {
    const rand = mulberry32(7);
    const shapes = [[7], [4, 3], [33, 5], [1]];
    const init = shapes.map((s) => Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rand() - 0.5));
    const make = (tag: string) => shapes.map((s, i) => tf.variable(tf.tensor(init[i]!, s), true, `${tag}${i}`));
    const ours = make('fused');
    const theirs = make('tfjs');
    const fused = new FusedAdamOptimizer(0.01);
    const plain = tf.train.adam(0.01);
    const grads = (vars: tf.Variable[], step: number) =>
      Object.fromEntries(vars.map((v, i) => [v.name, tf.tidy(() => tf.sin(tf.add(tf.mul(v, 3 + i), step)))]));
    const start = tf.memory().numTensors;
    for (let step = 0; step < 12; step++) {
      if (step === 6) {
        // The learning-rate knob sets the field in place (workers/objectives/optimizer.ts).
        (fused as unknown as { learningRate: number }).learningRate = 0.003;
        (plain as unknown as { learningRate: number }).learningRate = 0.003;
      }
      const a = grads(ours, step);
      const b = grads(theirs, step);
      fused.applyGradients(a);
      plain.applyGradients(b);
      tf.dispose([...Object.values(a), ...Object.values(b)]);
      if (step === 2) expect(tf.memory().numTensors).toBeGreaterThan(start);
    }
    for (let i = 0; i < shapes.length; i++) {
      const x = ours[i]!.dataSync();
      const y = theirs[i]!.dataSync();
      for (let j = 0; j < x.length; j++) expect(Math.abs(x[j]! - y[j]!)).toBeLessThan(1e-6);
      // It really moved.
      expect(Math.abs(x[0]! - init[i]![0]!)).toBeGreaterThan(1e-3);
    }
    const stateOf = (o: tf.Optimizer) => (o as unknown as { accumulatedSecondMoment: { variable: tf.Variable }[] }).accumulatedSecondMoment.map((m) => m.variable.dataSync());
    const [vo, vt] = [stateOf(fused), stateOf(plain)];
    for (let i = 0; i < shapes.length; i++) for (let j = 0; j < vo[i]!.length; j++) expect(Math.abs(vo[i]![j]! - vt[i]![j]!)).toBeLessThan(1e-7);
    // Flat after the first step made the moments: one more step adds no tensor.
    const before = tf.memory().numTensors;
    const g = grads(ours, 99);
    fused.applyGradients(g);
    tf.dispose(Object.values(g));
    expect(tf.memory().numTensors).toBe(before);
    fused.dispose();
    plain.dispose();
    tf.dispose([...ours, ...theirs]);
  });
});
