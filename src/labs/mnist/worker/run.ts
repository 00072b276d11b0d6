/**
 * The MNIST lab's training run: a frozen teacher (784 → 1200 → 1200 → 10) and one to three students,
 * each with its own objective (hard labels, Hinton's KD at an access level, or FitNets hints), all
 * trained on the very same batches of a transfer set. No timers, no messaging: the trainer (or the
 * headless bench) drives it, like the 2-D lab's Toy2dRun.
 */
import * as tf from '@tensorflow/tfjs';
import { makeOptimizer, optimized, retune } from '../../../../workers/objectives/optimizer';
import { buildMlp } from '../../../../models/mlp';
import { denseForwardFlops, mlpForwardFlops, trainingFlopsFromForward } from '../../../cost/flops';
import { en } from '../../../i18n/en';
import type { OptimizerName } from '../../../state/common';
import { mnistShared } from '../shared/lab';
import {
  cloneMnistExperiment,
  guidedLayerIndex,
  MNIST_CLASSES,
  MNIST_PIXELS,
  type ClassMetrics,
  type MnistExperiment,
  type MnistKnobs,
  type StudentSpec,
} from '../shared/schema';
import { accessDistillationLoss, targetDistribution, type TargetDistribution } from '../../../../workers/objectives/access';
import { crossEntropyPerRow } from '../../../../workers/objectives/hinton';
import { createRegressor, disposeRegressor, hintLoss, type HintRegressor } from '../../../../workers/objectives/hints';
import { denseFor, inputDenseFor, type DenseFn } from './dense';
import { biasVector, chunkConfusions, distributionsOf, type LogitsFn, type MnistDistributions, type MnistEvaluation, testMetrics, withBias } from './evaluation';
import { TeacherLogitCache } from './teacher-cache';
import { teacherForward, type Predictor } from './teacher-forward';
import { BatchStream, checkMnistData, imagesToFloat, selectTransferSet, type MnistData } from './transfer';

export type { MnistData } from './transfer';
export { EVAL_BATCH, type MnistDistributions, type MnistEvaluation } from './evaluation';

/** Where a student is in its schedule: hint-only (FitNets stage 1), or its main objective. */
export type StudentStage = 'labels' | 'kd' | 'hint' | 'kd+hint';

interface DenseParams {
  kernel: tf.Variable;
  bias: tf.Variable;
}

interface Student {
  spec: StudentSpec;
  /** Owns the weights (built by `buildMlp`, so same seed and shape ⇒ same initial weights). */
  model: tf.Sequential;
  /** hidden1, [hidden2,] logits. */
  layers: DenseParams[];
  regressor: HintRegressor | null;
  /** Index of the hidden layer the regressor reads (hint students only). */
  guided: number;
  optimizer: tf.Optimizer;
  optimizerName: OptimizerName;
  /**
   * The stage the optimizer's state belongs to. tfjs's Adam keeps its moments by the position of a
   * variable in the gradient map, not by name, so a stage that trains another set of variables
   * (FitNets stage 1 → 2, or a hint-mode switch) starts a fresh optimizer.
   */
  optimizerStage: StudentStage | null;
}

/** Losses of the last step, per student; NaN where a term is not part of its objective now. */
export interface StudentLosses {
  total: number;
  /** T² · KL to the target (kd, hints after stage 1). */
  soft: number;
  /** Cross-entropy with the true labels. */
  hard: number;
  /** FitNets hint loss (per-unit MSE). */
  hint: number;
}

function denseUnits(layer: tf.layers.Layer): number {
  const shape = layer.outputShape as number[];
  return shape[shape.length - 1]!;
}

export class MnistRun {
  readonly experiment: MnistExperiment;
  /** Training-set indices of the transfer set. */
  readonly transferIndices: Uint32Array;
  /** Parameters (weights + biases) of each student, regressors not included. */
  readonly studentParameters: number[];
  /** Hidden widths of the teacher's dense layers (e.g. [1200, 1200]). */
  readonly teacherHidden: number[];
  step = 0;
  examplesSeen = 0;
  /** Training FLOPs of all steps so far (teacher forward + each student's training + regressors). */
  flopsDone = 0;

  private readonly teacher: tf.LayersModel;
  /** The teacher's layers up to its hint layer (outputs that hidden layer). Null without hint students. */
  private readonly hintTeacher: Predictor | null;
  /** The teacher's logits: on wasm through the generated GEMM (teacher-forward.ts). */
  private readonly teacherOutput: Predictor;
  /** The teacher's logits on the transfer set, each image's computed once (`teacher-cache.ts`). */
  private readonly teacherLogits: TeacherLogitCache;
  private readonly students: Student[];
  private readonly train: MnistData;
  private readonly test: MnistData;
  private readonly batches: BatchStream;
  private readonly dense: DenseFn;
  /** The students' first layer: the same op without the (unneeded) gradient for the images. */
  private readonly inputDense: DenseFn;
  private knobs: MnistKnobs;
  /** [students, 4] losses (total, soft, hard, hint) of the last step. */
  private lastLosses: tf.Tensor2D | null = null;
  private teacherEval: ClassMetrics | null = null;
  private disposed = false;

  /** `teacher` is borrowed: the run never disposes it. */
  constructor(config: MnistExperiment, teacher: tf.LayersModel, data: { train: MnistData; test: MnistData }) {
    const problems = mnistShared.validate(config);
    if (problems.length) throw new RangeError(problems.map((p) => en.problems.sentence(p)).join(' '));
    checkMnistData(data.train, 'training set');
    checkMnistData(data.test, 'test set');
    this.experiment = cloneMnistExperiment(config);
    this.knobs = { ...config.knobs };
    this.train = data.train;
    this.test = data.test;
    this.teacher = teacher;
    this.teacher.trainable = false;
    this.teacherHidden = teacher.layers.filter((l) => l.getClassName() === 'Dense').slice(0, -1).map(denseUnits);
    this.dense = denseFor(tf.getBackend());
    this.inputDense = inputDenseFor(tf.getBackend());

    this.transferIndices = selectTransferSet(data.train.labels, config.transfer, config.seed);
    if (this.transferIndices.length === 0) throw new RangeError('the transfer set is empty');
    this.batches = new BatchStream(this.transferIndices, config.seed);

    const hintLayerName = `hidden${config.hintLayer}`;
    const needsHints = config.students.some((s) => s.objective === 'hints');
    this.hintTeacher = needsHints ? teacherForward(teacher, hintLayerName) : null;
    this.teacherOutput = teacherForward(teacher);
    this.teacherLogits = new TeacherLogitCache(this.teacherOutput, this.transferIndices, data.train.count, MNIST_CLASSES);
    const hintUnits = needsHints ? denseUnits(teacher.getLayer(hintLayerName)) : 0;

    this.students = config.students.map((spec, i) => {
      const model = buildMlp({ inputs: MNIST_PIXELS, hidden: spec.hidden, outputs: MNIST_CLASSES, activation: 'relu', seed: config.seed, name: `student${i + 1}` });
      const layers = model.layers.map((l) => {
        const [kernel, bias] = l.trainableWeights.map((w) => w.read() as tf.Variable);
        return { kernel: kernel!, bias: bias! };
      });
      const guided = guidedLayerIndex(spec.hidden, config.hintLayer);
      const regressor = spec.objective === 'hints' ? createRegressor(spec.hidden[guided]!, hintUnits, config.seed * 131 + guided) : null;
      return { spec: { ...spec, hidden: [...spec.hidden] }, model, layers, regressor, guided, ...optimized(this.knobs.optimizer, this.knobs.learningRate), optimizerStage: null };
    });
    this.studentParameters = config.students.map((s) => s.hidden.reduce((acc, u, l) => acc + ((l ? s.hidden[l - 1]! : MNIST_PIXELS) + 1) * u, 0) + (s.hidden.at(-1)! + 1) * MNIST_CLASSES);
  }

  get currentKnobs(): MnistKnobs {
    return { ...this.knobs };
  }

  get studentCount(): number {
    return this.students.length;
  }

  /** Live knobs: read at every step (and evaluation); an optimizer change restarts its state. */
  configure(patch: Partial<MnistKnobs>): void {
    const problems = mnistShared.validateKnobs(patch);
    if (problems.length) throw new RangeError(problems.map((p) => en.problems.sentence(p)).join(' '));
    this.knobs = { ...this.knobs, ...patch };
    retune(this.students, this.knobs);
  }

  /** What student `i` is training on at the current step. */
  stageOf(i: number, step = this.step): StudentStage {
    const s = this.students[i]!;
    if (s.spec.objective === 'labels') return 'labels';
    if (s.spec.objective === 'kd') return 'kd';
    if (this.knobs.hintMode === 'sum') return 'kd+hint';
    return step < this.knobs.hintSteps ? 'hint' : 'kd';
  }

  /** Hidden activations and logits; `upTo` stops after that hidden layer (logits left undefined). */
  private forward(s: Student, x: tf.Tensor2D, upTo = Infinity): { hidden: tf.Tensor2D[]; logits?: tf.Tensor2D } {
    const hidden: tf.Tensor2D[] = [];
    let h = x;
    for (let l = 0; l < s.layers.length - 1; l++) {
      h = tf.relu((l === 0 ? this.inputDense : this.dense)(h, s.layers[l]!.kernel as tf.Tensor2D, s.layers[l]!.bias as tf.Tensor1D));
      hidden.push(h);
      if (l >= upTo) return { hidden };
    }
    const out = s.layers.at(-1)!;
    return { hidden, logits: this.dense(h, out.kernel as tf.Tensor2D, out.bias as tf.Tensor1D) };
  }

  private regress(s: Student, hidden: tf.Tensor2D): tf.Tensor2D {
    return this.dense(hidden, s.regressor!.kernel as tf.Tensor2D, s.regressor!.bias as tf.Tensor1D);
  }

  /**
   * One training step for every student, on one shared batch. Synchronous and tidy: the only
   * tensors that outlive it are the weights, the optimizer states and the last step's losses.
   */
  trainStep(): void {
    if (this.disposed) throw new Error('MnistRun was disposed');
    const { batchSize, temperature, alpha, hintWeight } = this.knobs;
    const indices = this.batches.next(batchSize);
    const pixels = imagesToFloat(this.train.images, indices);
    const labels = new Int32Array(batchSize);
    for (let b = 0; b < batchSize; b++) labels[b] = this.train.labels[indices[b]!]!;
    const stages = this.students.map((_, i) => this.stageOf(i));
    const needsTeacher = stages.some((st) => st !== 'labels');
    const needsHint = stages.some((st) => st === 'hint' || st === 'kd+hint');
    const previous = this.lastLosses;
    let teacherRows = 0;

    this.lastLosses = tf.tidy(() => {
      const x = tf.tensor2d(pixels, [batchSize, MNIST_PIXELS]);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), MNIST_CLASSES).toFloat() as tf.Tensor2D;
      let teacherLogits: tf.Tensor2D | null = null;
      let teacherHint: tf.Tensor2D | null = null;
      if (needsTeacher) {
        const cached = this.teacherLogits.logitsFor(indices, this.train.images);
        teacherLogits = cached.logits;
        teacherRows = cached.computed;
      }
      if (needsHint) teacherHint = this.hintTeacher!.predict(x) as tf.Tensor2D;
      // One target per access level, shared by the students that use it (outside every gradient tape).
      const targets = new Map<string, TargetDistribution>();
      const targetFor = (spec: StudentSpec): TargetDistribution => {
        const key = spec.access === 'topk' ? `k${spec.k}` : spec.access;
        let t = targets.get(key);
        if (!t) targets.set(key, (t = targetDistribution(teacherLogits!, spec.access, temperature, spec.k)));
        return t;
      };
      const nan = tf.scalar(NaN);

      const rows = this.students.map((s, i) => {
        const stage = stages[i]!;
        if (s.optimizerStage !== null && s.optimizerStage !== stage) {
          s.optimizer.dispose();
          s.optimizer = makeOptimizer(s.optimizerName, this.knobs.learningRate);
        }
        s.optimizerStage = stage;
        const target = stage === 'kd' || stage === 'kd+hint' ? targetFor(s.spec) : null;
        let vars: tf.Variable[];
        if (stage === 'hint') vars = s.layers.slice(0, s.guided + 1).flatMap((p) => [p.kernel, p.bias]);
        else vars = s.layers.flatMap((p) => [p.kernel, p.bias]);
        if (stage === 'hint' || stage === 'kd+hint') vars.push(s.regressor!.kernel, s.regressor!.bias);

        let soft = nan;
        let hard = nan;
        let hint = nan;
        const { value, grads } = tf.variableGrads(() => {
          if (stage === 'hint') {
            const { hidden } = this.forward(s, x, s.guided);
            hint = tf.keep(hintLoss(this.regress(s, hidden[s.guided]!), teacherHint!));
            return hint;
          }
          const { hidden, logits } = this.forward(s, x);
          if (stage === 'labels') {
            hard = tf.keep(tf.mean(crossEntropyPerRow(y, logits!)) as tf.Scalar);
            return hard;
          }
          const loss = accessDistillationLoss(logits!, target!, y, alpha);
          soft = tf.keep(loss.soft);
          hard = tf.keep(loss.hard);
          if (stage === 'kd') return loss.total;
          hint = tf.keep(hintLoss(this.regress(s, hidden[s.guided]!), teacherHint!));
          return tf.add(loss.total, tf.mul(hint, hintWeight)) as tf.Scalar;
        }, vars);
        s.optimizer.applyGradients(grads);
        tf.dispose(grads);
        const row = tf.stack([value, soft, hard, hint]);
        // Kept scalars escape every tidy: free them here (the stacked row holds their values).
        for (const t of [soft, hard, hint]) if (t !== nan) t.dispose();
        return row;
      });
      return tf.stack(rows) as tf.Tensor2D;
    });
    previous?.dispose();
    this.flopsDone += this.stepFlops(batchSize, stages, teacherRows);
    this.step += 1;
    this.examplesSeen += batchSize;
  }

  /**
   * FLOPs of one step at `batchSize` (src/cost/flops.ts convention): the teacher's forward pass on
   * the images whose logits are not cached yet (`teacherRows`; by default the share of the batch
   * the cache is still missing, what the next step can expect), the hint layer's forward pass for
   * hint students, each student's training (only the layers up to the guided one in FitNets
   * stage 1), and each active regressor's training.
   */
  stepFlops(
    batchSize = this.knobs.batchSize,
    stages = this.students.map((_, i) => this.stageOf(i)),
    teacherRows = Math.round(batchSize * (1 - this.teacherLogits.fill)),
  ): number {
    const needsTeacher = stages.some((st) => st !== 'labels');
    let total = needsTeacher ? teacherRows * mlpForwardFlops(MNIST_PIXELS, this.teacherHidden, MNIST_CLASSES) : 0;
    if (stages.some((st) => st === 'hint' || st === 'kd+hint')) {
      // The teacher's layers up to the hint layer, on the whole batch.
      const k = this.experiment.hintLayer;
      total += batchSize * mlpForwardFlops(MNIST_PIXELS, this.teacherHidden.slice(0, k - 1), this.teacherHidden[k - 1]!);
    }
    this.students.forEach((s, i) => {
      const stage = stages[i]!;
      const hidden = s.spec.hidden;
      if (stage === 'hint') {
        // Layers up to the guided one: an MLP whose "output" is the guided layer.
        const lower = hidden.slice(0, s.guided);
        total += batchSize * trainingFlopsFromForward(mlpForwardFlops(MNIST_PIXELS, lower, hidden[s.guided]!));
      } else {
        total += batchSize * trainingFlopsFromForward(mlpForwardFlops(MNIST_PIXELS, hidden, MNIST_CLASSES));
      }
      if (stage === 'hint' || stage === 'kd+hint') {
        total += batchSize * trainingFlopsFromForward(denseForwardFlops(hidden[s.guided]!, this.teacherHidden[this.experiment.hintLayer - 1]!));
      }
    });
    return total;
  }

  /**
   * Waits until the device has finished the queued steps. On GPU backends a step returns as soon as
   * it is queued; without this a fast loop could queue minutes of work ahead of a pause.
   */
  async sync(): Promise<void> {
    if (this.lastLosses) await this.lastLosses.data();
  }

  /** The last step's losses per student, read asynchronously. */
  async readLosses(): Promise<StudentLosses[]> {
    if (!this.lastLosses) return this.students.map(() => ({ total: NaN, soft: NaN, hard: NaN, hint: NaN }));
    const v = await this.lastLosses.data();
    return this.students.map((_, i) => ({ total: v[i * 4]!, soft: v[i * 4 + 1]!, hard: v[i * 4 + 2]!, hint: v[i * 4 + 3]! }));
  }

  /** Each student's logits, plus the bias vector when there is one (called inside a tidy). */
  private studentLogits(bias: Float32Array | null): LogitsFn[] {
    return this.students.map((s) => (x: tf.Tensor2D) => withBias(this.forward(s, x).logits!, bias));
  }

  /**
   * Test errors on the whole test set, overall and per digit, with confusion matrices, for the
   * teacher (computed once: it is frozen) and every student (bias-corrected when the toggle is on).
   */
  async evaluate(): Promise<MnistEvaluation> {
    const bias = biasVector(this.knobs, this.experiment.transfer);
    const metrics = await testMetrics(this.test, this.studentLogits(bias), this.teacherEval === null ? this.teacherOutput : null);
    if (metrics.teacher) this.teacherEval = metrics.teacher;
    return { step: this.step, biasCorrected: bias !== null, teacher: this.teacherEval!, students: metrics.students };
  }

  /** The teacher's test metrics, once measured on the whole test set (it is frozen). */
  get teacherMetrics(): ClassMetrics | null {
    return this.teacherEval;
  }

  /** Set by a chunked pass that has measured the teacher on the whole test set. */
  set teacherMetrics(m: ClassMetrics | null) {
    if (m && m.count !== this.test.count) throw new RangeError(`teacher metrics on ${m.count} of ${this.test.count} test images`);
    this.teacherEval = m;
  }

  /**
   * The students' confusion matrices on test images [start, start + size) (bias-corrected as in
   * `evaluate`), and with `withTeacher` the teacher's last.
   */
  async evaluateChunk(start: number, size: number, withTeacher = false): Promise<{ biasCorrected: boolean; confusions: Int32Array[] }> {
    const bias = biasVector(this.knobs, this.experiment.transfer);
    return { biasCorrected: bias !== null, confusions: await chunkConfusions(this.test, start, size, this.studentLogits(bias), withTeacher ? this.teacherOutput : null) };
  }

  /**
   * Teacher and student distributions at T and at 1 for some images (the digit strip, the drawing
   * canvas). `images`: `count × 784` pixels scaled to 0–1. Students' logits are bias-corrected when
   * the toggle is on, as in `evaluate`.
   */
  async distributions(images: Float32Array): Promise<MnistDistributions> {
    const bias = biasVector(this.knobs, this.experiment.transfer);
    return distributionsOf(images, this.teacherOutput, this.studentLogits(bias), this.knobs.temperature);
  }

  /** Student `i`'s model (weights shared with the run: do not dispose it). */
  studentModel(i: number): tf.LayersModel {
    return this.students[i]!.model;
  }

  /** Frees the students, regressors, optimizers and the last losses. The teacher is not ours. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.students) {
      s.optimizer.dispose();
      s.model.dispose();
      if (s.regressor) disposeRegressor(s.regressor);
    }
    this.lastLosses?.dispose();
    this.lastLosses = null;
    this.teacherLogits.dispose();
    // hintTeacher and teacherOutput share the teacher's layers: this frees only what they made of them (packed kernels).
    this.hintTeacher?.dispose();
    this.teacherOutput.dispose();
  }
}
