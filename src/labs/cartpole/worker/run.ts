/**
 * The CartPole lab's run: a frozen teacher and two students of the same shape and first weights,
 * on environments with the same seeds. Each update, each student's environments take
 * `batchSize` steps between them:
 * - the distilled student learns T² · KL(teacher ‖ student) on the states it visits itself, or on
 *   those a teacher-driven batch visits (`states`), its own episodes then only measured;
 * - the reward-only student learns by REINFORCE with a baseline on the episodes that ended.
 * Acting uses plain copies of the weights (./actor.ts); each update's new weights are read back
 * asynchronously and used from the next update they have arrived by (`sync` waits for them).
 */
import * as tf from '@tensorflow/tfjs';
import { buildMlp } from '../../../../models/mlp';
import { setModelWeights } from '../../../../models/cartpole/teacher-policy';
import { optimized, retune, type Optimized } from '../../../../workers/objectives/optimizer';
import { klPerRow } from '../../../../workers/objectives/hinton';
import { predictAll } from '../../../../workers/predict-all';
import { distillationStepFlops } from '../../../cost/flops';
import { mulberry32 } from '../../../shared/random';
import { ACTIONS, STATE_SIZE } from '../shared/env';
import { copyPolicy, glorotFlat, layerShapes, policyFromFlat, type PolicyWeights } from '../shared/policy';
import type { StudentReadout, StudentRole } from '../shared/readouts';
import { ENVIRONMENTS, type CartpoleExperiment, type Knobs } from '../shared/schema';
import { Actor } from './actor';
import { paddedRows, policyDistillationLoss, reinforceLoss, whiten } from './objectives';

interface Student extends Optimized {
  role: StudentRole;
  model: tf.LayersModel;
  variables: tf.Variable[];
  actor: Actor;
}

/** What an update leaves for the readout: scalars kept until the next update replaces them. */
interface Kept {
  distilledLoss: tf.Scalar;
  distilledKl: tf.Scalar;
  rewardKl: tf.Scalar;
}

/** Seeds of the environments' start states and of the action draws, the same for every actor. */
export function environmentSeed(seed: number): number {
  return (seed * 9973 + 12_345) >>> 0;
}

export class CartpoleRun {
  readonly studentParameters: number;
  step = 0;
  examplesSeen = 0;
  flopsDone = 0;

  private knobs: Knobs;
  private readonly teacher: tf.LayersModel;
  private readonly teacherHidden: number[];
  private readonly studentHidden: number[];
  private readonly shapes: [number, number][];
  private readonly activation: CartpoleExperiment['student']['activation'];
  private readonly distilled: Student;
  private readonly rewardOnly: Student;
  /** Drives the environments whose states the distilled student learns on when `states` is `teacher`. */
  private readonly teacherActor: Actor;
  private kept: Kept | null = null;
  private rewardLoss: tf.Scalar | null = null;
  /** Weight reads in flight, by update; the newest arrived is installed. */
  private readonly pending = new Map<Promise<void>, tf.Tensor>();
  private installed = 0;
  private disposed = false;

  /** `teacher` is borrowed (the engine caches it); `teacherPolicy` is its plain copy. */
  constructor(config: CartpoleExperiment, teacher: tf.LayersModel, teacherPolicy: PolicyWeights) {
    this.knobs = { ...config.knobs };
    this.teacher = teacher;
    this.teacherHidden = teacherPolicy.layers.slice(0, -1).map((l) => l.outputs);
    this.studentHidden = [...config.student.hidden];
    this.activation = config.student.activation;
    this.shapes = layerShapes(STATE_SIZE, this.studentHidden, ACTIONS);
    // Both students start from the very same weights: only their objectives differ.
    const first = glorotFlat(this.shapes, mulberry32(config.seed * 7919 + 17));
    this.studentParameters = first.length;
    const envSeed = environmentSeed(config.seed);
    this.distilled = this.makeStudent('distilled', first, envSeed, false);
    this.rewardOnly = this.makeStudent('rewardOnly', first, envSeed, true);
    this.teacherActor = new Actor(ENVIRONMENTS, envSeed, teacherPolicy, false);
  }

  private makeStudent(role: StudentRole, first: Float32Array, envSeed: number, keepEpisodes: boolean): Student {
    const model = buildMlp({ inputs: STATE_SIZE, hidden: this.studentHidden, outputs: ACTIONS, activation: this.activation, seed: 1, name: role === 'distilled' ? 'distilled' : 'reward_only' });
    setModelWeights(model, first);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const actor = new Actor(ENVIRONMENTS, envSeed, policyFromFlat(first.slice(), this.shapes, this.activation), keepEpisodes);
    return { role, model, variables, actor, ...optimized(this.knobs.optimizer, this.knobs.learningRate) };
  }

  get currentKnobs(): Knobs {
    return { ...this.knobs };
  }

  configure(patch: Partial<Knobs>): void {
    this.knobs = { ...this.knobs, ...patch };
    retune([this.distilled, this.rewardOnly], this.knobs);
  }

  /** One update of each student on `batchSize` new environment steps each. Synchronous and tidy. */
  trainStep(): void {
    const { batchSize, temperature, states } = this.knobs;
    const perEnvironment = batchSize / ENVIRONMENTS;
    const distilledStates = new Float32Array(batchSize * STATE_SIZE);
    if (states === 'teacher') {
      this.teacherActor.collect(perEnvironment, distilledStates);
      // The student still plays its own episodes, to measure its returns; it does not learn from them.
      this.distilled.actor.collect(perEnvironment, null);
    } else {
      this.distilled.actor.collect(perEnvironment, distilledStates);
    }
    const rewardStates = new Float32Array(batchSize * STATE_SIZE);
    this.rewardOnly.actor.collect(perEnvironment, rewardStates);
    const episodes = this.rewardOnly.actor.takeEpisodes();

    const previous = this.kept;
    const previousReward = episodes ? this.rewardLoss : null;
    const update = this.step + 1;
    const result = tf.tidy(() => {
      const xd = tf.tensor2d(distilledStates, [batchSize, STATE_SIZE]);
      const teacherOnDistilled = predictAll(this.teacher, xd);
      let distilledKl!: tf.Scalar;
      const d = this.distilled;
      const { value: distilledLoss, grads } = tf.variableGrads(() => {
        const z = d.model.apply(xd, { training: true }) as tf.Tensor2D;
        distilledKl = tf.keep(tf.mean(klPerRow(teacherOnDistilled, z, 1)) as tf.Scalar);
        return policyDistillationLoss(z, teacherOnDistilled, temperature);
      }, d.variables);
      d.optimizer.applyGradients(grads);
      tf.dispose(grads);

      const r = this.rewardOnly;
      let rewardLoss: tf.Scalar | undefined;
      if (episodes) {
        const rows = paddedRows(episodes.count);
        const x = new Float32Array(rows * STATE_SIZE);
        x.set(episodes.features);
        const oneHot = new Float32Array(rows * ACTIONS);
        for (let t = 0; t < episodes.count; t++) oneHot[t * ACTIONS + episodes.actions[t]!] = 1;
        const advantages = new Float32Array(rows);
        advantages.set(whiten(episodes.returnsToGo));
        const mask = new Float32Array(rows).fill(1, 0, episodes.count).fill(0, episodes.count);
        const xr = tf.tensor2d(x, [rows, STATE_SIZE]);
        const ar = tf.tensor2d(oneHot, [rows, ACTIONS]);
        const adv = tf.tensor1d(advantages);
        const m = tf.tensor1d(mask);
        const out = tf.variableGrads(() => reinforceLoss(r.model.apply(xr, { training: true }) as tf.Tensor2D, ar, adv, m), r.variables);
        r.optimizer.applyGradients(out.grads);
        tf.dispose(out.grads);
        rewardLoss = out.value;
      }
      // How far the reward-only student's policy is from the teacher's, on the states it visited (a measure only).
      const xr = tf.tensor2d(rewardStates, [batchSize, STATE_SIZE]);
      const rewardKl = tf.mean(klPerRow(predictAll(this.teacher, xr), predictAll(r.model, xr), 1)) as tf.Scalar;
      const packed = tf.concat([...d.variables, ...r.variables].map((v) => v.flatten()));
      return { kept: { distilledLoss, distilledKl, rewardKl }, rewardLoss, packed };
    });
    this.kept = result.kept;
    if (result.rewardLoss) this.rewardLoss = result.rewardLoss;
    if (previous) tf.dispose([previous.distilledLoss, previous.distilledKl, previous.rewardKl]);
    if (previousReward) previousReward.dispose();
    this.readBack(result.packed, update);
    this.step = update;
    this.examplesSeen += batchSize;
    this.flopsDone += this.stepFlops(batchSize);
  }

  /** Reads an update's weights without blocking, and installs them in the actors once there. */
  private readBack(packed: tf.Tensor, update: number): void {
    const read: Promise<void> = packed
      .data()
      .then((values) => {
        if (this.disposed || update <= this.installed) return;
        this.installed = update;
        const flat = values as Float32Array;
        const half = this.studentParameters;
        this.distilled.actor.setPolicy(policyFromFlat(flat.slice(0, half), this.shapes, this.activation));
        this.rewardOnly.actor.setPolicy(policyFromFlat(flat.slice(half, 2 * half), this.shapes, this.activation));
      })
      // A read of a run disposed meanwhile may fail: nothing is waiting for those weights.
      .catch(() => undefined)
      .finally(() => {
        packed.dispose();
        this.pending.delete(read);
      });
    this.pending.set(read, packed);
  }

  /** Resolves when every update so far has finished and its weights are in the actors. */
  async sync(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending.keys()]);
  }

  stepFlops(batchSize = this.knobs.batchSize): number {
    // Teacher forward and both students' forward and backward passes on one update's steps (on
    // average the reward-only student trains on as many steps as it takes). Acting is not counted.
    return distillationStepFlops({
      inputs: STATE_SIZE,
      studentHidden: this.studentHidden,
      teacherHidden: this.teacherHidden,
      outputs: ACTIONS,
      batchSize,
      labelsOnly: true,
    }).total;
  }

  /** Both students' readouts (one device read for all their scalars). */
  async studentReadouts(): Promise<Record<StudentRole, StudentReadout>> {
    await this.sync();
    let values: number[] = [NaN, NaN, NaN, NaN];
    if (this.kept) {
      const k = this.kept;
      const packed = tf.tidy(() => tf.stack([k.distilledLoss, k.distilledKl, this.rewardLoss ?? tf.scalar(NaN), k.rewardKl]));
      values = Array.from((await packed.data()) as Float32Array);
      packed.dispose();
    }
    const of = (s: Student, loss: number, kl: number): StudentReadout => ({
      episodes: s.actor.returns.episodes,
      lastReturn: s.actor.returns.lastReturn,
      meanReturn: s.actor.returns.meanReturn,
      window: s.actor.returns.windowSize,
      solvedAt: s.actor.returns.solvedAt,
      loss,
      klToTeacher: kl,
      policy: copyPolicy(s.actor.policy),
    });
    return { distilled: of(this.distilled, values[0]!, values[1]!), rewardOnly: of(this.rewardOnly, values[2]!, values[3]!) };
  }

  dispose(): void {
    this.disposed = true;
    for (const packed of this.pending.values()) packed.dispose();
    for (const s of [this.distilled, this.rewardOnly]) {
      s.optimizer.dispose();
      s.model.dispose();
    }
    if (this.kept) tf.dispose([this.kept.distilledLoss, this.kept.distilledKl, this.kept.rewardKl]);
    this.rewardLoss?.dispose();
    this.kept = null;
    this.rewardLoss = null;
  }
}
