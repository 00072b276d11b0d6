/**
 * The MNIST lab's test-set evaluation while training: a pass over the 10,000 test images in chunks,
 * one chunk per heavy readout, so a snapshot never waits for a whole pass. Until a pass completes,
 * its figures are a running estimate: the errors so far out of the images measured so far.
 * Holds no tensors (the chunks' confusion matrices are read back at once).
 */
import { classMetrics, MNIST_CLASSES, type ClassMetrics } from '../shared/schema';
import type { MnistEvaluation } from './evaluation';

/** Test images evaluated per heavy readout once training has started. */
export const EVAL_CHUNK = 1000;

/** What a pass needs of the run. */
export interface PassSource {
  readonly step: number;
  evaluateChunk(start: number, size: number): Promise<{ biasCorrected: boolean; confusions: Int32Array[] }>;
}

export class EvaluationPass {
  /** Test images measured so far. */
  done = 0;
  biasCorrected: boolean;
  private readonly confusions: Int32Array[];

  constructor(
    /** The step at which the pass started. */
    readonly fromStep: number,
    readonly total: number,
    students: number,
    biasCorrected = false,
  ) {
    this.biasCorrected = biasCorrected;
    this.confusions = Array.from({ length: students }, () => new Int32Array(MNIST_CLASSES * MNIST_CLASSES));
  }

  /** A pass already complete: a full `evaluate()` (the first readout of a run). */
  static of(ev: MnistEvaluation, total: number): EvaluationPass {
    const pass = new EvaluationPass(ev.step, total, ev.students.length, ev.biasCorrected);
    ev.students.forEach((m, i) => pass.confusions[i]!.set(m.confusion));
    pass.done = total;
    return pass;
  }

  get complete(): boolean {
    return this.done >= this.total;
  }

  /** Measures the next chunk of test images (up to `chunk`). */
  async advance(source: PassSource, chunk = EVAL_CHUNK): Promise<void> {
    if (this.complete) return;
    const size = Math.min(chunk, this.total - this.done);
    const { biasCorrected, confusions } = await source.evaluateChunk(this.done, size);
    confusions.forEach((c, i) => {
      const acc = this.confusions[i]!;
      for (let k = 0; k < c.length; k++) acc[k]! += c[k]!;
    });
    this.biasCorrected = biasCorrected;
    this.done += size;
  }

  /** Each student's metrics over the images measured so far. */
  students(): ClassMetrics[] {
    return this.confusions.map((c) => classMetrics(Int32Array.from(c)));
  }
}
