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
 * Test images evaluated in the first heavy readout of a pass once training has started: 250
 * through three 2×800 students are ~1.9 GFLOP (~0.2 s on wasm here), within the pacing's 2 %
 * share for heavy snapshots (workers/pacing.ts). Later chunks are sized by what one cost.
 */
export const EVAL_CHUNK = 250;
/** About how long one heavy readout's chunk of the students' pass should take (the worker sizes chunks to it). */
export const CHUNK_TARGET_MS = 50;
/**
 * Test images the (frozen, large) teacher is measured on per heavy readout, in a pass of its own,
 * so that no heavy readout costs much more than the students' own (the teacher's forward pass is
 * ~20× a 100-unit student's) and the students' errors, behind the curves and the headline, move
 * on every heavy readout.
 */
export const TEACHER_CHUNK = 250;

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
    // The source answers for all its students, then the teacher last; a pass may keep fewer (a
    // teacher-only pass keeps none of the students').
    const add = (acc: Int32Array, c: Int32Array) => {
      for (let k = 0; k < c.length; k++) acc[k]! += c[k]!;
    };
    this.confusions.forEach((acc, i) => add(acc, confusions[i]!));
    if (withTeacher) add(this.teacherConfusion!, confusions.at(-1)!);
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
