/**
 * What the 2-D lab's snapshots show, computed here from logits read back once: test-set metrics,
 * probe distributions and decision regions. Each model's logits are one small read (600 test
 * points, a few probes, the 48 × 48 map, × classes floats), and the softmaxes, KLs and argmaxes
 * below cost microseconds in JavaScript. As tensor ops they were ~25 kernels per model and
 * readout, most of a snapshot's cost. With this and one forward pass per model
 * (workers/predict-all.ts), on the CPU backend the test metrics went from 8.5 to 2.9–3.6 ms and
 * the map from 20.6 to 9.5 ms; on WebAssembly 3.2 to 0.33 ms and 8.5 to 0.5 ms (timed in the
 * benchmark's bare worker). Log-probabilities come from a log-sum-exp in double precision.
 */
import type { ModelMetrics } from './readouts';

/** Row-wise log-softmax of `logits / temperature` (`rows × classes`, row-major). */
export function logSoftmaxRows(logits: ArrayLike<number>, classes: number, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  for (let r = 0; r < logits.length; r += classes) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[r + c]! / temperature);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logits[r + c]! / temperature - max);
    const logSum = max + Math.log(sum);
    for (let c = 0; c < classes; c++) out[r + c] = logits[r + c]! / temperature - logSum;
  }
  return out;
}

/** Row-wise softmax of `logits / temperature`. */
export function softmaxRows(logits: ArrayLike<number>, classes: number, temperature = 1): Float32Array {
  return Float32Array.from(logSoftmaxRows(logits, classes, temperature), Math.exp);
}

/** KL(p ‖ q) per row, from both sides' log-probabilities. */
export function klRows(logP: Float64Array, logQ: Float64Array, classes: number): Float32Array {
  const out = new Float32Array(logP.length / classes);
  for (let i = 0, r = 0; i < out.length; i++, r += classes) {
    let kl = 0;
    for (let c = 0; c < classes; c++) kl += Math.exp(logP[r + c]!) * (logP[r + c]! - logQ[r + c]!);
    out[i] = kl;
  }
  return out;
}

/** Index of each row's first largest logit, as `tf.argMax`. */
function argmaxOf(logits: ArrayLike<number>, r: number, classes: number): number {
  let best = 0;
  for (let c = 1; c < classes; c++) if (logits[r + c]! > logits[r + best]!) best = c;
  return best;
}

/**
 * Mean KL(teacher ‖ model) at T = 1 (0 without `teacherLogProbs`), mean cross-entropy against
 * `labels`, and accuracy (the first largest logit is the prediction).
 */
export function metricsOf(
  logits: ArrayLike<number>,
  classes: number,
  labels: ArrayLike<number>,
  teacherLogProbs: Float64Array | null,
): ModelMetrics {
  const rows = labels.length;
  if (logits.length !== rows * classes) throw new RangeError(`expected ${rows} × ${classes} logits, got ${logits.length}`);
  const logQ = logSoftmaxRows(logits, classes);
  const kl = teacherLogProbs ? klRows(teacherLogProbs, logQ, classes).reduce((a, b) => a + b, 0) : 0;
  let ce = 0;
  let correct = 0;
  for (let i = 0, r = 0; i < rows; i++, r += classes) {
    if (argmaxOf(logits, r, classes) === labels[i]) correct++;
    ce -= logQ[r + labels[i]!]!;
  }
  return { klToTeacher: kl / rows, hardLoss: ce / rows, accuracy: correct / rows };
}

/** Each row's predicted class, and its probability scaled to 0–255 (a decision-region map). */
export function regionCells(logits: ArrayLike<number>, classes: number): { argmax: Uint8Array; confidence: Uint8Array } {
  const cells = logits.length / classes;
  const argmax = new Uint8Array(cells);
  const confidence = new Uint8Array(cells);
  for (let i = 0, r = 0; i < cells; i++, r += classes) {
    const best = argmaxOf(logits, r, classes);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logits[r + c]! - logits[r + best]!);
    argmax[i] = best;
    confidence[i] = Math.round(255 / sum);
  }
  return { argmax, confidence };
}
