/**
 * The MNIST lab's test-set evaluation while training: a pass over the 10,000 test images in chunks,
 * one chunk per heavy readout, so a snapshot never waits for a whole pass. Until a pass completes,
 * its figures are a running estimate: the errors so far out of the images measured so far.
 * A run's first pass also measures the teacher (frozen, so once); a test set that is still
 * streaming in (the browser fetches it after training has started) is measured as far as it has
 * arrived. Holds no tensors (the chunks' confusion matrices are read back at once).
 */
import { classMetrics, MNIST_CLASSES, type ClassMetrics } from '../shared/schema';

/**
 * Test images evaluated per heavy readout once training has started: 250 through three 2×800
 * students are ~1.9 GFLOP (~0.2 s on wasm here), so within the pacing's 2 % share for heavy
 * snapshots (workers/pacing.ts) the running estimate still moves every several seconds, where
 * 1,000 at a time would move it every half minute.
 */
export const EVAL_CHUNK = 250;

/** What a pass needs of the run: confusions of the students (and, asked, the teacher last). */
export interface PassSource {
  readonly step: number;
  evaluateChunk(start: number, size: number, withTeacher?: boolean): Promise<{ biasCorrected: boolean; confusions: Int32Array[] }>;
}

export class EvaluationPass {
  /** Test images measured so far. */
  done = 0;
  biasCorrected: boolean;
  private readonly confusions: Int32Array[];
  /** The teacher's, while it has not been measured on the whole set yet (it is frozen: once is enough). */
  private readonly teacherConfusion: Int32Array | null;

  constructor(
    /** The step at which the pass started. */
    readonly fromStep: number,
    readonly total: number,
    students: number,
    biasCorrected = false,
    withTeacher = false,
  ) {
    this.biasCorrected = biasCorrected;
    this.confusions = Array.from({ length: students }, () => new Int32Array(MNIST_CLASSES * MNIST_CLASSES));
    this.teacherConfusion = withTeacher ? new Int32Array(MNIST_CLASSES * MNIST_CLASSES) : null;
  }

  get complete(): boolean {
    return this.done >= this.total;
  }

  /** Whether the pass can measure more now: images left that have arrived (`available` of them so far). */
  canAdvance(available = this.total): boolean {
    return this.done < Math.min(this.total, available);
  }

  /**
   * Measures the next chunk of test images (up to `chunk`), among the first `available` (a test
   * set still streaming in); nothing when none has arrived beyond those measured.
   */
  async advance(source: PassSource, chunk = EVAL_CHUNK, available = this.total): Promise<void> {
    const size = Math.min(chunk, Math.min(this.total, available) - this.done);
    if (size <= 0) return;
    const withTeacher = this.teacherConfusion !== null;
    const { biasCorrected, confusions } = await source.evaluateChunk(this.done, size, withTeacher);
    const into = withTeacher ? [...this.confusions, this.teacherConfusion!] : this.confusions;
    confusions.forEach((c, i) => {
      const acc = into[i]!;
      for (let k = 0; k < c.length; k++) acc[k]! += c[k]!;
    });
    this.biasCorrected = biasCorrected;
    this.done += size;
  }

  /** Each student's metrics over the images measured so far. */
  students(): ClassMetrics[] {
    return this.confusions.map((c) => classMetrics(Int32Array.from(c)));
  }

  /** The teacher's metrics over the images measured so far (null when this pass does not measure it). */
  teacher(): ClassMetrics | null {
    return this.teacherConfusion ? classMetrics(Int32Array.from(this.teacherConfusion)) : null;
  }
}
