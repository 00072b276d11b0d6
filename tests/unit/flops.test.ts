import { describe, expect, it } from 'vitest';
import {
  attentionForwardFlopsPerToken,
  conv2dForwardFlops,
  convOutputSize,
  denseForwardFlops,
  distillationStepFlops,
  inferenceFlops,
  mlpForwardFlops,
  mlpWeightCount,
  rnnCellForwardFlops,
  rnnSequenceForwardFlops,
  trainingFlops,
  trainingFlopsFromForward,
} from '../../src/cost/flops';

describe('FLOPs of known layers, counted by hand', () => {
  it('a 784 → 1200 dense layer: 2 · 784 · 1200 = 1,881,600 forward per example', () => {
    expect(denseForwardFlops(784, 1200)).toBe(1_881_600);
    // Training: forward + backward (input and weight gradients) = 3 × forward = 6 per weight.
    expect(trainingFlopsFromForward(denseForwardFlops(784, 1200))).toBe(5_644_800);
    expect(trainingFlopsFromForward(denseForwardFlops(784, 1200))).toBe(6 * 784 * 1200);
  });

  it("Hinton's MNIST teacher 784 → 1200 → 1200 → 10", () => {
    // Weights 940,800 + 1,440,000 + 12,000 = 2,392,800; forward 2 × that.
    expect(mlpWeightCount(784, [1200, 1200], 10)).toBe(2_392_800);
    expect(mlpForwardFlops(784, [1200, 1200], 10)).toBe(4_785_600);
  });

  it('a 2 → 64 → 64 → 3 MLP: 2 · (128 + 4096 + 192) = 8,832 forward per example', () => {
    expect(mlpWeightCount(2, [64, 64], 3)).toBe(4416);
    expect(mlpForwardFlops(2, [64, 64], 3)).toBe(8832);
    expect(trainingFlopsFromForward(mlpForwardFlops(2, [64, 64], 3))).toBe(26_496);
  });

  it('an MLP with no hidden layer is one dense layer', () => {
    expect(mlpForwardFlops(10, [], 4)).toBe(denseForwardFlops(10, 4));
  });

  it('a 3 × 3 convolution, 3 → 16 channels, on 32 × 32 with "same" padding', () => {
    expect(convOutputSize(32, 3, 1, 'same')).toBe(32);
    expect(convOutputSize(32, 3, 1, 'valid')).toBe(30);
    expect(convOutputSize(28, 5, 2, 'valid')).toBe(12);
    // Each of 32 · 32 · 16 outputs is a dot product of 3 · 3 · 3 = 27 terms: 2 · 27 · 16,384 = 884,736.
    const flops = conv2dForwardFlops({
      kernelHeight: 3,
      kernelWidth: 3,
      inputChannels: 3,
      outputChannels: 16,
      outputHeight: 32,
      outputWidth: 32,
    });
    expect(flops).toBe(884_736);
  });

  it('recurrent cells, per example and time step', () => {
    // Simple RNN, 10 inputs, 20 hidden: 2 · (10·20 + 20·20) = 1,200.
    expect(rnnCellForwardFlops('rnn', 10, 20)).toBe(1200);
    // GRU: three gates; LSTM: four.
    expect(rnnCellForwardFlops('gru', 10, 20)).toBe(3600);
    expect(rnnCellForwardFlops('lstm', 10, 20)).toBe(4800);
    expect(rnnSequenceForwardFlops('lstm', 10, 20, 7)).toBe(7 * 4800);
  });

  it('6·N·D and 2·N·D', () => {
    expect(trainingFlops(37e9, 14.8e12)).toBeCloseTo(3.2856e24, -18);
    expect(inferenceFlops(37e9, 1e12)).toBe(7.4e22);
    // Kaplan's attention term: 2 · layers · context · d_attn.
    expect(attentionForwardFlopsPerToken(12, 1024, 768)).toBe(2 * 12 * 1024 * 768);
  });

  it('rejects nonsense sizes', () => {
    expect(() => denseForwardFlops(-1, 3)).toThrow(RangeError);
    expect(() => mlpForwardFlops(2, [Number.NaN], 3)).toThrow(RangeError);
  });
});

describe('distillationStepFlops', () => {
  it("the 2-D lab's default step, counted by hand", () => {
    /*
     * inputs 2, student [16, 16], teacher [64, 64], 3 classes, batch 32, labels-only on.
     * Teacher forward per example: 2·(2·64 + 64·64 + 64·3) = 2·4,416 = 8,832; × 32 = 282,624.
     * Student forward per example: 2·(2·16 + 16·16 + 16·3) = 2·336 = 672;
     *   training = 3 × 672 = 2,016; × 32 = 64,512.
     * Labels-only student: same shape, same batch: 64,512.
     * No hint regressor: 0.
     * Total: 282,624 + 64,512 + 64,512 = 411,648 FLOPs per step.
     */
    const step = distillationStepFlops({
      inputs: 2,
      studentHidden: [16, 16],
      teacherHidden: [64, 64],
      outputs: 3,
      batchSize: 32,
      labelsOnly: true,
    });
    expect(step).toEqual({
      teacherForward: 282_624,
      studentTrain: 64_512,
      labelsOnlyTrain: 64_512,
      objective: 0,
      total: 411_648,
    });
  });

  it('without the labels-only student, and with a hint regressor', () => {
    const base = { inputs: 2, studentHidden: [8], teacherHidden: [64, 64], outputs: 2, batchSize: 16 } as const;
    const off = distillationStepFlops({ ...base, labelsOnly: false });
    // Student: 2·(2·8 + 8·2) = 64 forward, 192 training, × 16 = 3,072.
    expect(off.studentTrain).toBe(3072);
    expect(off.labelsOnlyTrain).toBe(0);
    // Teacher: 2·(128 + 4096 + 128) = 8,704 × 16 = 139,264.
    expect(off.teacherForward).toBe(139_264);
    expect(off.total).toBe(139_264 + 3072);
    // A regressor from the student's 8 hidden units to the teacher's 64: 6 · 8 · 64 · 16 = 49,152.
    const hint = distillationStepFlops({ ...base, labelsOnly: false, hintRegressor: { inputs: 8, outputs: 64 } });
    expect(hint.objective).toBe(49_152);
    expect(hint.total).toBe(off.total + 49_152);
  });
});
