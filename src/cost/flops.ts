/**
 * FLOP counting from layer shapes. Pure arithmetic: no DOM, no tfjs, no worker globals, so the
 * worker, the widgets and the unit tests all share one count.
 *
 * The convention (the one behind Kaplan et al.'s 6·N·D, and the one the cost widget states):
 * - A multiply-add is 2 FLOPs. A dense layer with fan-in i and fan-out o costs 2·i·o FLOPs
 *   forward per example.
 * - Only the matrix products are counted. Bias additions, activations, softmax and the loss grow
 *   with the number of *units*, not weights; they are left out (as in 6·N·D, where N counts
 *   weights). For the 2-D lab's smallest students that undercounts by about 10 %; for the teacher
 *   by about 3 %.
 * - Backward ≈ 2 × forward: one product for the gradient with respect to the layer's input and
 *   one for the gradient with respect to its weights. Training ≈ 3 × forward = 6 FLOPs per
 *   weight per example. (The first layer needs no input gradient; we count it anyway, as 6·N·D does.)
 * - Layers that are only evaluated (a frozen teacher) pay the forward pass alone.
 */

/** FLOPs per multiply-add. */
export const FLOPS_PER_MULTIPLY_ADD = 2;
/** Backward pass ÷ forward pass: input gradients + weight gradients. */
export const BACKWARD_TO_FORWARD = 2;
/** Training (forward + backward) ÷ forward. */
export const TRAINING_TO_FORWARD = 1 + BACKWARD_TO_FORWARD;

function checkCount(name: string, x: number): void {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${x}`);
}

/** Forward FLOPs of one dense layer for one example: 2·i·o. */
export function denseForwardFlops(inputs: number, outputs: number): number {
  checkCount('inputs', inputs);
  checkCount('outputs', outputs);
  return FLOPS_PER_MULTIPLY_ADD * inputs * outputs;
}

/** Layer widths of a multi-layer perceptron: [inputs, ...hidden, outputs]. */
export function mlpWidths(inputs: number, hidden: readonly number[], outputs: number): number[] {
  return [inputs, ...hidden, outputs];
}

/** Weights (not biases) of an MLP: Σ fanIn·fanOut. Training costs 6 FLOPs per weight per example. */
export function mlpWeightCount(inputs: number, hidden: readonly number[], outputs: number): number {
  const widths = mlpWidths(inputs, hidden, outputs);
  let total = 0;
  for (let l = 1; l < widths.length; l++) total += widths[l - 1]! * widths[l]!;
  return total;
}

/** Forward FLOPs of an MLP for one example: Σ 2·fanIn·fanOut over its dense layers. */
export function mlpForwardFlops(inputs: number, hidden: readonly number[], outputs: number): number {
  const widths = mlpWidths(inputs, hidden, outputs);
  let total = 0;
  for (let l = 1; l < widths.length; l++) total += denseForwardFlops(widths[l - 1]!, widths[l]!);
  return total;
}

/** Training FLOPs (forward + backward) from forward FLOPs: 3 × forward. */
export function trainingFlopsFromForward(forwardFlops: number): number {
  checkCount('forwardFlops', forwardFlops);
  return TRAINING_TO_FORWARD * forwardFlops;
}

/** Output size of a convolution along one axis ('same' keeps ⌈n / stride⌉, 'valid' drops the border). */
export function convOutputSize(inputSize: number, kernel: number, stride = 1, padding: 'same' | 'valid' = 'valid'): number {
  checkCount('inputSize', inputSize);
  if (kernel < 1 || stride < 1) throw new RangeError('kernel and stride must be ≥ 1');
  return padding === 'same' ? Math.ceil(inputSize / stride) : Math.max(0, Math.floor((inputSize - kernel) / stride) + 1);
}

export interface Conv2dShape {
  kernelHeight: number;
  kernelWidth: number;
  inputChannels: number;
  outputChannels: number;
  outputHeight: number;
  outputWidth: number;
}

/**
 * Forward FLOPs of a 2-D convolution for one example: every output position of every output
 * channel is a dot product over kh·kw·cin inputs, so 2·kh·kw·cin·cout·outH·outW.
 */
export function conv2dForwardFlops(s: Conv2dShape): number {
  for (const [k, v] of Object.entries(s)) checkCount(k, v);
  return FLOPS_PER_MULTIPLY_ADD * s.kernelHeight * s.kernelWidth * s.inputChannels * s.outputChannels * s.outputHeight * s.outputWidth;
}

export type RecurrentCell = 'rnn' | 'gru' | 'lstm';

/** Weight matrices per cell: a simple RNN has one (input→hidden and hidden→hidden), a GRU three gates, an LSTM four. */
export const RECURRENT_GATES: Readonly<Record<RecurrentCell, number>> = { rnn: 1, gru: 3, lstm: 4 };

/**
 * Forward FLOPs of one recurrent cell for one example and one time step: each gate multiplies
 * the input (i) and the previous hidden state (h) by its weights, 2·(i·h + h·h) per gate.
 * Element-wise gate arithmetic (sigmoids, products) is left out, like activations elsewhere.
 */
export function rnnCellForwardFlops(cell: RecurrentCell, inputs: number, hidden: number): number {
  checkCount('inputs', inputs);
  checkCount('hidden', hidden);
  return RECURRENT_GATES[cell] * FLOPS_PER_MULTIPLY_ADD * (inputs * hidden + hidden * hidden);
}

/** Forward FLOPs of a recurrent layer over a sequence of `steps` time steps, for one example. */
export function rnnSequenceForwardFlops(cell: RecurrentCell, inputs: number, hidden: number, steps: number): number {
  checkCount('steps', steps);
  return steps * rnnCellForwardFlops(cell, inputs, hidden);
}

/**
 * Attention's forward FLOPs per token that 2·N leaves out (Kaplan et al. 2020, Table 1):
 * 2·layers·context·dAttention. The DeepSeek-V3 utilisation shown by the cost widget ignores this
 * term, so it is an underestimate.
 */
export function attentionForwardFlopsPerToken(layers: number, context: number, attentionWidth: number): number {
  checkCount('layers', layers);
  checkCount('context', context);
  checkCount('attentionWidth', attentionWidth);
  return FLOPS_PER_MULTIPLY_ADD * layers * context * attentionWidth;
}

/** Training FLOPs of a model with N weights on D tokens (or examples): 6·N·D. */
export function trainingFlops(parameters: number, tokens: number): number {
  checkCount('parameters', parameters);
  checkCount('tokens', tokens);
  return FLOPS_PER_MULTIPLY_ADD * TRAINING_TO_FORWARD * parameters * tokens;
}

/** Forward-only FLOPs of a model with N weights on D tokens: 2·N·D (a teacher writing a transfer set). */
export function inferenceFlops(parameters: number, tokens: number): number {
  checkCount('parameters', parameters);
  checkCount('tokens', tokens);
  return FLOPS_PER_MULTIPLY_ADD * parameters * tokens;
}

export interface DistillationStepSpec {
  /** Input features (2 in the 2-D lab). */
  inputs: number;
  /** Hidden widths of the student (and of the labels-only student, which has the same shape). */
  studentHidden: readonly number[];
  /** Hidden widths of the frozen teacher. */
  teacherHidden: readonly number[];
  /** Classes. */
  outputs: number;
  /** Examples per training step. */
  batchSize: number;
  /** Whether a labels-only student of the student's shape trains on the same batches. */
  labelsOnly: boolean;
  /** A FitNets hint regressor (student hidden → teacher hidden), trained with the student. */
  hintRegressor?: { inputs: number; outputs: number };
}

export interface DistillationStepFlops {
  /** The frozen teacher's forward pass over the batch (no backward: it does not learn). */
  teacherForward: number;
  /** The student's forward and backward pass over the batch. */
  studentTrain: number;
  /** The labels-only student's forward and backward pass (0 when it is off). */
  labelsOnlyTrain: number;
  /** Extra objectives: the hint regressor's forward and backward pass (0 without one). */
  objective: number;
  /** Everything above: FLOPs of one training step. */
  total: number;
}

/**
 * FLOPs of one distillation training step (one batch), by the convention at the top of this file.
 *
 * The 2-D lab's default (inputs 2, student [16, 16], teacher [64, 64], 3 classes, batch 32,
 * labels-only on) costs 282,624 + 64,512 + 64,512 = 411,648 FLOPs per step: see tests/unit/flops.test.ts.
 */
export function distillationStepFlops(spec: DistillationStepSpec): DistillationStepFlops {
  checkCount('batchSize', spec.batchSize);
  const teacherForward = spec.batchSize * mlpForwardFlops(spec.inputs, spec.teacherHidden, spec.outputs);
  const studentTrain = spec.batchSize * trainingFlopsFromForward(mlpForwardFlops(spec.inputs, spec.studentHidden, spec.outputs));
  const labelsOnlyTrain = spec.labelsOnly ? studentTrain : 0;
  const hint = spec.hintRegressor;
  const objective = hint ? spec.batchSize * trainingFlopsFromForward(denseForwardFlops(hint.inputs, hint.outputs)) : 0;
  return {
    teacherForward,
    studentTrain,
    labelsOnlyTrain,
    objective,
    total: teacherForward + studentTrain + labelsOnlyTrain + objective,
  };
}
