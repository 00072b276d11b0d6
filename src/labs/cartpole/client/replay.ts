/**
 * The page's replay of one episode at a time: the student's weights from the latest snapshot act in
 * a seeded CartPole, and at each state the teacher's choice and both policies' probabilities are
 * worked out beside it. Pure (no DOM, no tfjs): the plain forward pass of shared/policy.
 */
import { mulberry32 } from '../../../shared/random';
import { CartPoleBatch, dynamics, STATE_SIZE } from '../shared/env';
import { episodeSeed } from '../shared/evaluate';
import { greedyAction, logits, rightProbability, sampleAction, type PolicyWeights } from '../shared/policy';

export interface ReplayFrame {
  /** Steps taken so far in this episode. */
  step: number;
  /** x, ẋ, θ, θ̇ of the state shown. */
  state: [number, number, number, number];
  seed: number;
  /** p(push right) at T = 1 and at the distillation temperature. */
  studentRight: number;
  teacherRight: number;
  studentRightAtT: number;
  teacherRightAtT: number;
  /** The action the student takes in this state (drawn from its policy), and the teacher's more probable one. */
  studentAction: number;
  teacherChoice: number;
  /** States acted in so far where the student's action was the teacher's choice. */
  agreed: number;
  /** null while the episode goes on; then whether it failed (false: it reached the cap). */
  ended: { failed: boolean } | null;
}

export class Replay {
  private env: CartPoleBatch;
  private draw: () => number;
  private readonly x = new Float32Array(STATE_SIZE);
  private readonly zs = new Float32Array(2);
  private readonly zt = new Float32Array(2);
  private episode = 0;
  private current!: ReplayFrame;

  constructor(
    private student: PolicyWeights,
    private readonly teacher: PolicyWeights,
    private readonly baseSeed: number,
    private temperature = 1,
  ) {
    this.env = new CartPoleBatch(1, 1);
    this.draw = mulberry32(1);
    this.restart(student);
  }

  /** A fresh episode (the next seed) played by `student`. */
  restart(student = this.student): ReplayFrame {
    this.student = student;
    const seed = episodeSeed(this.baseSeed, this.episode++);
    this.env = new CartPoleBatch(1, seed);
    this.draw = mulberry32(seed ^ 0x5bd1e995);
    this.current = { ...this.look(), step: 0, seed, agreed: 0, ended: null };
    return this.current;
  }

  setTemperature(t: number): void {
    this.temperature = t;
    // The logits of the state shown are still in zs and zt (an ended episode keeps its last ones).
    this.current = { ...this.current, studentRightAtT: rightProbability(this.zs, t), teacherRightAtT: rightProbability(this.zt, t) };
  }

  get frame(): ReplayFrame {
    return this.current;
  }

  /** Probabilities in the environment's current state. */
  private look(): Pick<ReplayFrame, 'state' | 'studentRight' | 'teacherRight' | 'studentRightAtT' | 'teacherRightAtT' | 'studentAction' | 'teacherChoice'> {
    const s = this.env.state;
    this.env.features(this.x);
    logits(this.student, this.x, 0, this.zs);
    logits(this.teacher, this.x, 0, this.zt);
    return {
      studentAction: sampleAction(rightProbability(this.zs), this.draw()),
      teacherChoice: greedyAction(this.zt),
      state: [s[0]!, s[1]!, s[2]!, s[3]!],
      studentRight: rightProbability(this.zs),
      teacherRight: rightProbability(this.zt),
      studentRightAtT: rightProbability(this.zs, this.temperature),
      teacherRightAtT: rightProbability(this.zt, this.temperature),
    };
  }

  /** The student acts once (sampling its policy). At an episode's end the frame stays there. */
  advance(): ReplayFrame {
    const f = this.current;
    if (f.ended) return f;
    const action = f.studentAction;
    const teacherChoice = f.teacherChoice;
    // The state the push leads to, kept on screen when the episode ends (the batch resets at once).
    const after = new Float64Array(STATE_SIZE);
    dynamics(this.env.state, action, after);
    const { terminated, truncated } = this.env.stepOne(0, action);
    const step = f.step + 1;
    const agreed = f.agreed + (action === teacherChoice ? 1 : 0);
    if (terminated || truncated) {
      const state: ReplayFrame['state'] = [after[0]!, after[1]!, after[2]!, after[3]!];
      this.current = { ...f, state, step, agreed, ended: { failed: terminated } };
      return this.current;
    }
    this.current = { ...this.look(), step, seed: f.seed, agreed, ended: null };
    return this.current;
  }
}

