/**
 * The 2-D lab's training run: a frozen teacher, a distilled student and (optionally) a
 * labels-only student that sees the very same batches. No timers, no messaging: the trainer
 * drives it, and so does the bare benchmark loop, so both time the same step.
 */
import * as tf from '@tensorflow/tfjs';
import { optimized, retune } from '../../../../workers/objectives/optimizer';
import { buildMlp } from '../../../../models/mlp';
import { predictAll } from '../../../../workers/predict-all';
import { mlpParameterCount, type OptimizerName } from '../../../state/common';
import { DATASET_CLASSES, type ExperimentConfig, type Knobs } from '../shared/schema';
import { distillationStepFlops } from '../../../cost/flops';
import { crossEntropyPerRow, distillationLoss } from '../../../../workers/objectives/hinton';
import type { LabeledPoints, ModelMetrics, ProbeReadout, RegionsReadout, TeacherMetrics } from '../shared/readouts';
import { mulberry32, shuffledIndices } from '../../../shared/random';
import { klRows, logSoftmaxRows, metricsOf, regionCells, softmaxRows } from '../shared/logit-math';
import { EXTENT, gridPoints, labelledIndices, testSet, trainSet, type Points2D } from '../shared/datasets';

export const REGION_GRID = 48;

interface Student {
  model: tf.LayersModel;
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
  optimizerName: OptimizerName;
}

export interface StepLosses {
  total: tf.Scalar;
  soft: tf.Scalar;
  hard: tf.Scalar;
}


function toLabeled(points: Points2D): LabeledPoints {
  return { x: points.x, y: points.y, count: points.count };
}

export class Toy2dRun {
  readonly classes: number;
  readonly train: Points2D;
  readonly test: Points2D;
  readonly studentParameters: number;
  step = 0;
  examplesSeen = 0;
  /** Training FLOPs of all steps so far. */
  flopsDone = 0;

  private readonly teacher: tf.LayersModel;
  private readonly teacherHidden: number[];
  private readonly studentHidden: number[];
  private readonly student: Student;
  private readonly labelsOnly: Student | null;
  private readonly testX: tf.Tensor2D;
  /** The teacher's test-set logits and log-probabilities (T = 1), read once per run. */
  private teacherTest: Promise<{ logits: Float32Array; logProbs: Float64Array }> | null = null;
  private readonly trainOneHot: Float32Array;
  private readonly grid: tf.Tensor2D;
  private probes: tf.Tensor2D;
  private probePoints: Float32Array;
  private knobs: Knobs;
  private readonly rand: () => number;
  private order: Uint32Array;
  private cursor = 0;
  /** 1 where a training point's true label may be used, 0 where only the teacher's answer is known. */
  private readonly labelMask: Float32Array;
  /** The labelled points, when not every point is: the labels-only student draws its own batches from these. */
  private readonly labelledSet: Uint32Array | null;
  private labelledOrder: Uint32Array = new Uint32Array(0);
  private labelledCursor = 0;
  private lastLosses: StepLosses | null = null;
  private teacherStats: TeacherMetrics | null = null;

  /** `teacher` is borrowed: the run never disposes it (the trainer caches teachers). */
  constructor(config: ExperimentConfig, teacher: tf.LayersModel, probePoints: Float32Array) {
    this.classes = DATASET_CLASSES[config.dataset];
    this.train = trainSet(config.dataset, config.seed);
    this.test = testSet(config.dataset, config.seed);
    this.knobs = { ...config.knobs };
    this.teacher = teacher;
    this.teacher.trainable = false;
    // Hidden widths of the teacher as loaded (every dense layer but the last).
    this.teacherHidden = teacher.layers.slice(0, -1).map((l) => (l.outputShape as number[])[1]!);
    this.studentHidden = [...config.student.hidden];
    this.rand = mulberry32(config.seed * 7919 + 17);
    this.order = shuffledIndices(this.train.count, this.rand);
    const labelled = labelledIndices(this.train, config.labelled);
    this.labelMask = new Float32Array(this.train.count);
    for (const i of labelled) this.labelMask[i] = 1;
    this.labelledSet = labelled.length < this.train.count ? labelled : null;

    const spec = { inputs: 2, hidden: config.student.hidden, outputs: this.classes, activation: config.student.activation };
    this.studentParameters = mlpParameterCount(2, config.student.hidden, this.classes);
    // Both students start from identical weights (same seed): only the objective differs.
    this.student = this.makeStudent(buildMlp({ ...spec, seed: config.seed, name: 'student' }));
    this.labelsOnly = config.labelsOnly ? this.makeStudent(buildMlp({ ...spec, seed: config.seed, name: 'labels_only' })) : null;

    this.trainOneHot = oneHot(this.train.y, this.classes);
    this.testX = tf.tensor2d(this.test.x, [this.test.count, 2]);
    this.grid = tf.tensor2d(gridPoints(REGION_GRID), [REGION_GRID * REGION_GRID, 2]);
    this.probePoints = probePoints;
    this.probes = tf.tensor2d(probePoints, [probePoints.length / 2, 2]);
  }

  private makeStudent(model: tf.LayersModel): Student {
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    return {
      model,
      variables,
      ...optimized(this.knobs.optimizer, this.knobs.learningRate),
    };
  }

  get hasLabelsOnly(): boolean {
    return this.labelsOnly !== null;
  }

  get currentKnobs(): Knobs {
    return { ...this.knobs };
  }

  /** Live knobs: T, α and batch size are read at every step; optimizer changes rebuild its state. */
  configure(patch: Partial<Knobs>): void {
    this.knobs = { ...this.knobs, ...patch };
    retune(this.students(), this.knobs);
  }

  private students(): Student[] {
    return this.labelsOnly ? [this.student, this.labelsOnly] : [this.student];
  }

  /** Next batch: an epoch-wise shuffle of the training set, drawn from the run's own seed. */
  private nextBatch(size: number): { x: Float32Array; y: Float32Array; mask: Float32Array } {
    const indices = new Uint32Array(size);
    for (let b = 0; b < size; b++) {
      if (this.cursor >= this.order.length) {
        this.order = shuffledIndices(this.train.count, this.rand);
        this.cursor = 0;
      }
      indices[b] = this.order[this.cursor++]!;
    }
    return this.gather(indices);
  }

  /** The labels-only student's batch when only some points are labelled: a shuffle of those alone. */
  private nextLabelledBatch(set: Uint32Array, size: number): { x: Float32Array; y: Float32Array } {
    const indices = new Uint32Array(size);
    for (let b = 0; b < size; b++) {
      if (this.labelledCursor >= this.labelledOrder.length) {
        this.labelledOrder = shuffledIndices(set.length, this.rand).map((k) => set[k]!);
        this.labelledCursor = 0;
      }
      indices[b] = this.labelledOrder[this.labelledCursor++]!;
    }
    return this.gather(indices);
  }

  private gather(indices: Uint32Array): { x: Float32Array; y: Float32Array; mask: Float32Array } {
    const size = indices.length;
    const x = new Float32Array(size * 2);
    const y = new Float32Array(size * this.classes);
    const mask = new Float32Array(size);
    indices.forEach((i, b) => {
      x[b * 2] = this.train.x[i * 2]!;
      x[b * 2 + 1] = this.train.x[i * 2 + 1]!;
      y.set(this.trainOneHot.subarray(i * this.classes, (i + 1) * this.classes), b * this.classes);
      mask[b] = this.labelMask[i]!;
    });
    return { x, y, mask };
  }

  /**
   * One training step for every student, on one shared batch. Synchronous and tidy: the only
   * tensors that outlive it are the weights, the optimizer state and the last step's losses.
   */
  trainStep(): void {
    const { temperature, alpha, batchSize } = this.knobs;
    const batch = this.nextBatch(batchSize);
    const own = this.labelledSet && this.labelsOnly ? this.nextLabelledBatch(this.labelledSet, batchSize) : null;
    const labelledInBatch = batch.mask.reduce((a, b) => a + b, 0);
    const previous = this.lastLosses;
    this.lastLosses = tf.tidy(() => {
      const xb = tf.tensor2d(batch.x, [batchSize, 2]);
      const yb = tf.tensor2d(batch.y, [batchSize, this.classes]);
      const teacherLogits = predictAll(this.teacher, xb);

      let soft!: tf.Scalar;
      let hard!: tf.Scalar;
      const student = this.student;
      const { value, grads } = tf.variableGrads(() => {
        const logits = student.model.apply(xb, { training: true }) as tf.Tensor2D;
        const loss = this.labelledSet
          ? distillationLoss(logits, teacherLogits, yb, temperature, alpha, { mask: tf.tensor1d(batch.mask), count: labelledInBatch })
          : distillationLoss(logits, teacherLogits, yb, temperature, alpha);
        soft = tf.keep(loss.soft);
        hard = tf.keep(loss.hard);
        return loss.total;
      }, student.variables);
      student.optimizer.applyGradients(grads);
      tf.dispose(grads);

      if (this.labelsOnly) {
        const other = this.labelsOnly;
        const [xo, yo] = own ? [tf.tensor2d(own.x, [batchSize, 2]), tf.tensor2d(own.y, [batchSize, this.classes])] : [xb, yb];
        const result = tf.variableGrads(
          () => tf.mean(crossEntropyPerRow(yo, other.model.apply(xo, { training: true }) as tf.Tensor2D)) as tf.Scalar,
          other.variables,
        );
        other.optimizer.applyGradients(result.grads);
        tf.dispose(result.grads);
      }
      // soft and hard were kept inside the gradient scope; returning them hands them to our caller.
      return { total: value, soft, hard };
    });
    if (previous) tf.dispose([previous.total, previous.soft, previous.hard]);
    this.step += 1;
    this.examplesSeen += batchSize;
    this.flopsDone += this.stepFlops(batchSize);
  }

  /**
   * Waits until the device has finished the queued steps. On GPU backends a step returns as soon as
   * it is queued; without this, a fast loop could queue minutes of work ahead of a pause.
   */
  async sync(): Promise<void> {
    if (this.lastLosses) await this.lastLosses.total.data();
  }

  /** FLOPs of one training step at `batchSize` (teacher forward, each student's forward and backward). */
  stepFlops(batchSize = this.knobs.batchSize): number {
    return distillationStepFlops({
      inputs: 2,
      studentHidden: this.studentHidden,
      teacherHidden: this.teacherHidden,
      outputs: this.classes,
      batchSize,
      labelsOnly: this.labelsOnly !== null,
    }).total;
  }

  /** The last step's training losses, read asynchronously. */
  async readLosses(): Promise<{ total: number; soft: number; hard: number }> {
    if (!this.lastLosses) return { total: NaN, soft: NaN, hard: NaN };
    const { total, soft, hard } = this.lastLosses;
    const [t, s, h] = await Promise.all([total.data(), soft.data(), hard.data()]);
    return { total: t[0]!, soft: s[0]!, hard: h[0]! };
  }

  /** The teacher is frozen: its test metrics are computed once per run. */
  async teacherMetrics(): Promise<TeacherMetrics> {
    if (!this.teacherStats) {
      const { hardLoss, accuracy } = metricsOf((await this.teacherOnTest()).logits, this.classes, this.test.y, null);
      this.teacherStats = { hardLoss, accuracy };
    }
    return { ...this.teacherStats };
  }

  private teacherOnTest(): Promise<{ logits: Float32Array; logProbs: Float64Array }> {
    this.teacherTest ??= readAndDispose(tf.tidy(() => predictAll(this.teacher, this.testX))).then(
      (logits) => ({ logits, logProbs: logSoftmaxRows(logits, this.classes) }),
      (error: unknown) => {
        // A failed read (a lost device) is not kept: the next readout tries again.
        this.teacherTest = null;
        throw error;
      },
    );
    return this.teacherTest;
  }

  /** Each student's test-set metrics: their logits in one read, the metrics in JavaScript. */
  async studentMetrics(): Promise<{ student: ModelMetrics; labelsOnly: ModelMetrics | null }> {
    const models = this.students();
    const logits = await readAndDispose(tf.tidy(() => tf.concat(models.map((s) => predictAll(s.model, this.testX)))));
    const teacher = (await this.teacherOnTest()).logProbs;
    const size = this.test.count * this.classes;
    const at = (k: number): ModelMetrics => metricsOf(logits.subarray(k * size, (k + 1) * size), this.classes, this.test.y, teacher);
    return { student: at(0), labelsOnly: this.labelsOnly ? at(1) : null };
  }

  setProbes(points: Float32Array): void {
    this.probes.dispose();
    this.probePoints = points;
    this.probes = tf.tensor2d(points, [points.length / 2, 2]);
  }

  async probeReadout(): Promise<ProbeReadout> {
    const T = this.knobs.temperature;
    const models = [this.teacher, ...this.students().map((s) => s.model)];
    const count = this.probePoints.length / 2;
    const K = this.classes;
    // Every model's logits on the probes in one read; the distributions and KLs in JavaScript.
    const logits = await readAndDispose(tf.tidy(() => tf.concat(models.map((m) => predictAll(m, this.probes)))));
    const size = count * K;
    const of = (k: number) => logits.subarray(k * size, (k + 1) * size);
    // Each model's log-probabilities at T = 1, once: its distribution at 1 and its KL come from them.
    const logP = models.map((_, k) => logSoftmaxRows(of(k), K));
    const at1 = (k: number) => Float32Array.from(logP[k]!, Math.exp);
    const klTo = (k: number) => klRows(logP[0]!, logP[k]!, K);
    const labelsOnly = this.labelsOnly !== null;
    return {
      count,
      classes: K,
      points: this.probePoints.slice(),
      temperature: T,
      teacherAtT: softmaxRows(of(0), K, T),
      studentAtT: softmaxRows(of(1), K, T),
      labelsOnlyAtT: labelsOnly ? softmaxRows(of(2), K, T) : null,
      teacherAt1: at1(0),
      studentAt1: at1(1),
      labelsOnlyAt1: labelsOnly ? at1(2) : null,
      klStudent: klTo(1),
      klLabelsOnly: labelsOnly ? klTo(2) : null,
    };
  }

  async teacherRegions(): Promise<RegionsReadout> {
    return this.regionsOf(this.teacher);
  }

  async studentRegions(): Promise<{ student: RegionsReadout; labelsOnly: RegionsReadout | null }> {
    const student = await this.regionsOf(this.student.model);
    const labelsOnly = this.labelsOnly ? await this.regionsOf(this.labelsOnly.model) : null;
    return { student, labelsOnly };
  }

  private async regionsOf(model: tf.LayersModel): Promise<RegionsReadout> {
    const logits = await readAndDispose(tf.tidy(() => predictAll(model, this.grid)));
    return { size: REGION_GRID, extent: [...EXTENT], ...regionCells(logits, this.classes) };
  }

  trainPoints(): LabeledPoints {
    const points = toLabeled(this.train);
    return this.labelledSet ? { ...points, labelled: Uint8Array.from(this.labelMask) } : points;
  }

  /** How many training points carry their label. */
  get labelledCount(): number {
    return this.labelledSet ? this.labelledSet.length : this.train.count;
  }

  testPoints(): LabeledPoints {
    return toLabeled(this.test);
  }

  dispose(): void {
    for (const s of this.students()) {
      s.optimizer.dispose();
      s.model.dispose();
    }
    if (this.lastLosses) tf.dispose([this.lastLosses.total, this.lastLosses.soft, this.lastLosses.hard]);
    this.lastLosses = null;
    tf.dispose([this.testX, this.grid, this.probes]);
  }
}

function oneHot(labels: Uint8Array, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  labels.forEach((c, i) => {
    out[i * classes + c] = 1;
  });
  return out;
}

async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
