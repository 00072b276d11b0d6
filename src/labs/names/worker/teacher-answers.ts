/**
 * What the frozen teacher says on the lab's fixed inputs: its log-probabilities on the validation
 * positions (for every student's KL), its validation NLL, and the names it writes at each stream
 * temperature. The same for every run on a backend, so the worker face computes them once per load
 * and every run borrows them (a reset then costs no teacher pass over the validation set).
 */
import * as tf from '@tensorflow/tfjs';
import { oneHotContexts } from '../../../../models/names/network';
import { mulberry32 } from '../../../shared/random';
import { CONTEXT, VOCAB, noveltyShares, type Novelty } from '../shared/corpus';
import type { NamesData } from '../shared/data';
import { perplexity } from '../shared/lm-math';
import type { ValidationFigures } from '../shared/readouts';
import { sampleNames } from './generate';

/** Names the teacher writes per stream temperature, for its novelty shares. */
export const TEACHER_SAMPLES = 256;

export interface TeacherStream {
  samples: string[];
  novelty: Record<Novelty, number>;
}

export class TeacherAnswers {
  /** The validation positions, one-hot `[rows, 8, 27]`, and their targets one-hot `[rows, 27]`. */
  readonly valX: tf.Tensor3D;
  readonly valY: tf.Tensor2D;
  private valLogP: tf.Tensor2D | null = null;
  private figures: ValidationFigures | null = null;
  private readonly streams = new Map<number, TeacherStream>();

  constructor(
    private readonly teacher: tf.LayersModel,
    private readonly data: NamesData,
  ) {
    const v = data.validation;
    this.valX = tf.tidy(() => oneHotContexts(tf.tensor2d(v.contexts, [v.rows, CONTEXT], 'int32')));
    this.valY = tf.tidy(() => tf.oneHot(tf.tensor1d(v.targets, 'int32'), VOCAB) as tf.Tensor2D);
  }

  /** log p_teacher on the validation positions, computed on first use and kept. */
  validationLogP(): tf.Tensor2D {
    this.valLogP ??= tf.tidy(() => tf.logSoftmax(this.teacher.apply(this.valX) as tf.Tensor2D) as tf.Tensor2D);
    return this.valLogP;
  }

  async validation(): Promise<ValidationFigures> {
    if (!this.figures) {
      const logP = this.validationLogP();
      const t = tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(this.valY, logP), 1))));
      const nll = (await t.data())[0]!;
      t.dispose();
      this.figures = { nll, perplexity: perplexity(nll) };
    }
    return { ...this.figures };
  }

  /** The teacher's names at `tau` (seeded by `tau`, so the same on every run). */
  async stream(tau: number): Promise<TeacherStream> {
    let s = this.streams.get(tau);
    if (!s) {
      const samples = await sampleNames(this.teacher, TEACHER_SAMPLES, tau, mulberry32(9_176 + Math.round(tau * 10)));
      s = { samples, novelty: noveltyShares(samples, this.data.trainNames, this.data.heldOutNames) };
      this.streams.set(tau, s);
    }
    return s;
  }

  dispose(): void {
    tf.dispose([this.valX, this.valY]);
    this.valLogP?.dispose();
    this.valLogP = null;
  }
}
