/**
 * The names lab's training run: a frozen character-level teacher and 1–3 students of one shape,
 * each learning through one access level. Every step, the `full`, `topk` and `data` students train
 * on the same batch of training names (the teacher scores them: its distribution, or its top-k, at
 * every position), and each `text` student on a fresh batch of names the teacher writes. No timers,
 * no messaging: the trainer drives it, and so does the headless bench (tests/bench/api.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { targetKlPerRow, type TargetDistribution } from '../../../../workers/objectives/access';
import { setLearningRate } from '../../../../workers/objectives/optimizer';
import { buildNamesNet, namesNetParameters, oneHotContexts } from '../../../../models/names/network';
import { mulberry32, shuffledIndices } from '../../../shared/random';
import { CONTEXT, MAX_POSITIONS, VOCAB, contextAt, encode, noveltyShares, type Novelty } from '../shared/corpus';
import type { NamesData } from '../shared/data';
import { namesForwardFlops } from '../shared/flops';
import { perplexity } from '../shared/lm-math';
import { QueryMeter } from '../shared/meter';
import type { NamesExperiment, NamesKnobs, NamesStudentSpec } from '../shared/schema';
import type { StudentReadout, ValidationFigures } from '../shared/readouts';
import { generateNames, sampleNames, type GeneratedBatch } from './generate';
import { TeacherAnswers, type TeacherStream } from './teacher-answers';
import { fullTarget, topkTarget } from './targets';

/** Names each model writes for the stream (and the novelty shares) per heavy readout. */
export const STREAM_SAMPLES = 64;
/**
 * Writing names takes 16 sequential passes per model: the stream is refreshed at most this often
 * (wall clock), while the validation figures come with every heavy readout.
 */
const STREAM_INTERVAL_MS = 1500;

export interface RunOptions {
  /**
   * Teacher queries each student may make (the bench's fixed budget). Scoring students then train
   * on the first `queryBudget` names of the run's order only; a `text` student reuses the names it
   * has bought. Unset in the lab: queries grow as training goes on.
   */
  queryBudget?: number;
}

interface Student {
  spec: NamesStudentSpec;
  model: tf.LayersModel;
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
  meter: QueryMeter;
  /** `text` students: the teacher's sampling stream and the characters written so far (on the backend). */
  rand: () => number;
  written: tf.Variable | null;
  bank: GeneratedBatch[];
  bankCursor: number;
  samples: string[];
  novelty: Record<Novelty, number>;
  validation: ValidationFigures & { kl: number };
}

const EMPTY_NOVELTY: Record<Novelty, number> = { train: 0, heldOut: 0, new: 0 };

export class NamesRun {
  step = 0;
  examplesSeen = 0;
  flopsDone = 0;
  evaluatedAt = -1;
  readonly studentParameters: number;

  private knobs: NamesKnobs;
  private readonly students: Student[];
  private readonly teacher: tf.LayersModel;
  private readonly teacherHidden: number[];
  private readonly teacherEmbed: number;
  private readonly shape: NamesExperiment['shape'];
  private readonly pool: Uint32Array;
  private order: Uint32Array;
  private cursor = 0;
  private readonly rand: () => number;
  private readonly streamRand: () => number;
  private losses: tf.Scalar[] | null = null;
  private prefixText = '';
  /** The teacher's answers on the fixed inputs: borrowed from the worker face, or the run's own. */
  private readonly answers: TeacherAnswers;
  private readonly budget: number | undefined;
  private readonly ownsAnswers: boolean;
  private teacherValidation: ValidationFigures | null = null;
  private teacherStream: TeacherStream | null = null;
  private streamAt = -Infinity;
  private streamTemperature = NaN;

  /** `teacher` and `answers` (when given) are borrowed: the run never disposes them. */
  constructor(
    e: NamesExperiment,
    teacher: tf.LayersModel,
    private readonly data: NamesData,
    options: RunOptions = {},
    answers?: TeacherAnswers,
  ) {
    this.knobs = { ...e.knobs };
    this.shape = { ...e.shape };
    this.teacher = teacher;
    this.teacher.trainable = false;
    const dense = teacher.layers.filter((l) => l.getClassName() === 'Dense');
    this.teacherEmbed = (dense[0]!.outputShape as number[]).at(-1)!;
    this.teacherHidden = dense.slice(1, -1).map((l) => (l.outputShape as number[]).at(-1)!);
    this.rand = mulberry32(e.seed * 7919 + 23);
    this.streamRand = mulberry32(e.seed * 104_729 + 5);
    const all = shuffledIndices(data.train.count, this.rand);
    // 0 or unset: no limit.
    this.budget = options.queryBudget && options.queryBudget > 0 ? options.queryBudget : undefined;
    this.pool = this.budget ? all.slice(0, Math.min(this.budget, all.length)) : all;
    this.order = this.pool.slice();
    this.studentParameters = namesNetParameters({ embed: e.shape.embed, hidden: [e.shape.hidden] });
    this.students = e.students.map((spec, i) => {
      // Every student starts from the same weights (same seed): only what it learns from differs.
      const model = buildNamesNet({ embed: e.shape.embed, hidden: [e.shape.hidden], seed: e.seed, name: `student${i + 1}` });
      return {
        spec: { ...spec },
        model,
        variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
        optimizer: tf.train.adam(this.knobs.learningRate),
        meter: new QueryMeter(data.train.count),
        rand: mulberry32(e.seed * 31 + 1009 * (i + 1)),
        written: spec.access === 'text' ? tf.tidy(() => tf.variable(tf.scalar(0), false)) : null,
        bank: [],
        bankCursor: 0,
        samples: [],
        novelty: { ...EMPTY_NOVELTY },
        validation: { nll: NaN, perplexity: NaN, kl: NaN },
      };
    });
    this.ownsAnswers = !answers;
    this.answers = answers ?? new TeacherAnswers(teacher, data);
  }

  get currentKnobs(): NamesKnobs {
    return { ...this.knobs };
  }

  get specs(): NamesStudentSpec[] {
    return this.students.map((s) => ({ ...s.spec }));
  }

  configure(patch: Partial<NamesKnobs>): void {
    this.knobs = { ...this.knobs, ...patch };
    for (const s of this.students) setLearningRate(s.optimizer, 'adam', this.knobs.learningRate);
  }

  setPrefix(text: string): void {
    this.prefixText = text;
  }

  get prefix(): string {
    return this.prefixText;
  }

  /** The next `size` training names of the run's order (the budget's names only, with one). */
  private nextNames(size: number): number[] {
    const out: number[] = [];
    for (let b = 0; b < size; b++) {
      if (this.cursor >= this.order.length) {
        const perm = shuffledIndices(this.pool.length, this.rand);
        this.order = Uint32Array.from(perm, (i) => this.pool[i]!);
        this.cursor = 0;
      }
      out.push(this.order[this.cursor++]!);
    }
    return out;
  }

  private scoringBatch(names: number[]): { contexts: Int32Array; targets: Int32Array; weights: Float32Array } {
    const { train } = this.data;
    const rows = names.length * MAX_POSITIONS;
    const contexts = new Int32Array(rows * CONTEXT);
    const targets = new Int32Array(rows);
    const weights = new Float32Array(rows);
    names.forEach((n, b) => {
      contexts.set(train.contexts.subarray(n * MAX_POSITIONS * CONTEXT, (n + 1) * MAX_POSITIONS * CONTEXT), b * MAX_POSITIONS * CONTEXT);
      targets.set(train.targets.subarray(n * MAX_POSITIONS, (n + 1) * MAX_POSITIONS), b * MAX_POSITIONS);
      weights.set(train.weights.subarray(n * MAX_POSITIONS, (n + 1) * MAX_POSITIONS), b * MAX_POSITIONS);
    });
    return { contexts, targets, weights };
  }

  /** Names the teacher writes for a `text` student: fresh while its budget lasts, then its bank again. */
  private textBatch(s: Student, size: number): GeneratedBatch {
    const budget = this.budget;
    if (budget !== undefined && s.meter.queries + size > budget && s.bank.length > 0) {
      const kept = s.bank[s.bankCursor % s.bank.length]!;
      s.bankCursor++;
      return kept;
    }
    const batch = generateNames(this.teacher, size, this.knobs.samplingTemperature, s.rand);
    s.meter.generate(size, 0);
    s.written!.assign(tf.add(s.written!, tf.sum(batch.weights)));
    if (budget !== undefined) {
      s.bank.push({ contexts: tf.keep(batch.contexts), targets: tf.keep(batch.targets), weights: tf.keep(batch.weights) });
    }
    return batch;
  }

  /** One step for every student. Synchronous and tidy: only weights, optimizer state and the losses outlive it. */
  trainStep(): void {
    const { batchSize, temperature, missingMass } = this.knobs;
    const names = this.nextNames(batchSize);
    const scoring = this.students.some((s) => s.spec.access !== 'text');
    const batch = scoring ? this.scoringBatch(names) : null;
    for (const s of this.students) {
      if (s.spec.access === 'full' || s.spec.access === 'topk') for (const n of names) s.meter.score(n, this.data.train.positions[n]!);
    }
    const previous = this.losses;
    this.losses = tf.tidy(() => {
      const rows = batchSize * MAX_POSITIONS;
      let x: tf.Tensor3D | null = null;
      let y: tf.Tensor2D | null = null;
      let w: tf.Tensor1D | null = null;
      let teacherLogits: tf.Tensor2D | null = null;
      if (batch) {
        x = oneHotContexts(tf.tensor2d(batch.contexts, [rows, CONTEXT], 'int32'));
        y = tf.oneHot(tf.tensor1d(batch.targets, 'int32'), VOCAB) as tf.Tensor2D;
        w = tf.tensor1d(batch.weights);
        if (this.students.some((s) => s.spec.access === 'full' || s.spec.access === 'topk')) teacherLogits = this.teacher.apply(x) as tf.Tensor2D;
      }
      return this.students.map((s) => {
        let target: TargetDistribution | null = null;
        let sx = x!;
        let sy = y;
        let sw = w!;
        if (s.spec.access === 'text') {
          const g = this.textBatch(s, batchSize);
          sx = oneHotContexts(g.contexts);
          sy = tf.oneHot(g.targets, VOCAB) as tf.Tensor2D;
          sw = g.weights;
        } else if (s.spec.access === 'full') target = fullTarget(teacherLogits!, temperature);
        else if (s.spec.access === 'topk') target = topkTarget(teacherLogits!, s.spec.k, missingMass, temperature);
        const total = tf.sum(sw);
        const { value, grads } = tf.variableGrads(() => {
          const logits = s.model.apply(sx, { training: true }) as tf.Tensor2D;
          const perRow = target
            ? tf.mul(targetKlPerRow(target, logits), target.temperature * target.temperature)
            : tf.neg(tf.sum(tf.mul(sy!, tf.logSoftmax(logits)), 1));
          return tf.div(tf.sum(tf.mul(perRow, sw)), total) as tf.Scalar;
        }, s.variables);
        s.optimizer.applyGradients(grads);
        tf.dispose(grads);
        return value;
      });
    });
    if (previous) tf.dispose(previous);
    this.step += 1;
    this.examplesSeen += batchSize;
    this.flopsDone += this.stepFlops();
  }

  async sync(): Promise<void> {
    if (this.losses?.[0]) await this.losses[0].data();
  }

  /** Each student's forward and backward pass over the padded rows, and the teacher's forward passes. */
  stepFlops(batchSize = this.knobs.batchSize): number {
    const rows = batchSize * MAX_POSITIONS;
    const student = namesForwardFlops(this.shape.embed, [this.shape.hidden]);
    const teacher = namesForwardFlops(this.teacherEmbed, this.teacherHidden);
    const scores = this.students.some((s) => s.spec.access === 'full' || s.spec.access === 'topk') ? 1 : 0;
    const writers = this.students.filter((s) => s.spec.access === 'text').length;
    return rows * (3 * student * this.students.length + teacher * (scores + writers));
  }

  /** Validation NLL and KL(teacher ‖ student) for every student (one read back), and new samples when due. */
  async evaluate(): Promise<void> {
    const { valX, valY } = this.answers;
    const teacherLogP = this.answers.validationLogP();
    const packed = tf.tidy(() =>
      tf.concat(
        this.students.map((s) => {
          const logQ = tf.logSoftmax(s.model.apply(valX) as tf.Tensor2D);
          const nll = tf.neg(tf.mean(tf.sum(tf.mul(valY, logQ), 1)));
          const kl = tf.mean(tf.sum(tf.mul(tf.exp(teacherLogP), tf.sub(teacherLogP, logQ)), 1));
          return tf.stack([nll, kl]);
        }),
      ),
    );
    const values = await readAndDispose(packed);
    this.students.forEach((s, i) => {
      const nll = values[2 * i]!;
      s.validation = { nll, perplexity: perplexity(nll), kl: values[2 * i + 1]! };
    });
    this.teacherValidation ??= await this.answers.validation();
    const tau = this.knobs.streamTemperature;
    const now = performance.now();
    this.evaluatedAt = this.step;
    if (tau === this.streamTemperature && now - this.streamAt < STREAM_INTERVAL_MS) return;
    this.streamAt = now;
    this.streamTemperature = tau;
    for (const s of this.students) {
      s.samples = await sampleNames(s.model, STREAM_SAMPLES, tau, this.streamRand);
      s.novelty = noveltyShares(s.samples, this.data.trainNames, this.data.heldOutNames);
    }
    this.teacherStream = await this.answers.stream(tau);
  }

  teacherFigures(): { validation: ValidationFigures; samples: string[]; novelty: Record<Novelty, number> } {
    return {
      validation: this.teacherValidation ?? { nll: NaN, perplexity: NaN },
      samples: this.teacherStream?.samples.slice(0, STREAM_SAMPLES) ?? [],
      novelty: this.teacherStream?.novelty ?? { ...EMPTY_NOVELTY },
    };
  }

  /** The next-character distributions after the prefix: teacher's, then each student's. */
  async prefixDistributions(): Promise<{ teacher: Float32Array; students: Float32Array }> {
    const codes = encode(this.prefixText);
    const ctx = Int32Array.from(contextAt(codes, codes.length));
    const packed = tf.tidy(() => {
      const x = oneHotContexts(tf.tensor2d(ctx, [1, CONTEXT], 'int32'));
      return tf.concat([this.teacher, ...this.students.map((s) => s.model)].map((m) => tf.softmax(m.apply(x) as tf.Tensor2D).flatten()));
    });
    const values = await readAndDispose(packed);
    return { teacher: values.slice(0, VOCAB), students: values.slice(VOCAB) };
  }

  async studentReadouts(): Promise<StudentReadout[]> {
    const losses = this.losses ? await Promise.all(this.losses.map((l) => l.data())) : null;
    const written = await Promise.all(this.students.map((s) => (s.written ? s.written.data() : null)));
    return this.students.map((s, i) => {
      if (written[i]) s.meter.tokens = written[i]![0]!;
      return {
        access: s.spec.access,
        k: s.spec.k,
        trainLoss: losses ? losses[i]![0]! : NaN,
        validation: { ...s.validation },
        meter: s.meter.reading(this.knobs.price),
        samples: s.samples.slice(),
        novelty: { ...s.novelty },
      };
    });
  }

  dispose(): void {
    for (const s of this.students) {
      s.optimizer.dispose();
      s.model.dispose();
      s.written?.dispose();
      for (const b of s.bank) tf.dispose([b.contexts, b.targets, b.weights]);
    }
    if (this.losses) tf.dispose(this.losses);
    this.losses = null;
    if (this.ownsAnswers) this.answers.dispose();
  }
}

async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
