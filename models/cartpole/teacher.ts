/**
 * The CartPole teacher's constants and model card, shared by the browser worker and the Node
 * scripts. Pure: no fs, no tfjs.
 */
import type { ActivationName } from '../../src/state/common';

export const CARTPOLE_TEACHER_HIDDEN = [32, 32] as const;
export const CARTPOLE_TEACHER_ACTIVATION: ActivationName = 'tanh';
export const CARTPOLE_TEACHER_ARCHITECTURE = '4 → 32 → 32 → 2, tanh, logits';
/** Folder of the teacher, relative to `models/`. */
export const CARTPOLE_TEACHER_DIR = 'cartpole/teacher';
/**
 * Seed base of the 100 evaluation episodes (`episodeSeed(EVALUATION_SEED, i)`): never used in
 * training, and far from the students' seeds (1–999 999 in the UI).
 */
export const EVALUATION_SEED = 20_151_106;
export const EVALUATION_EPISODES = 100;
/** The bar: the 500-step cap in at least this many of the 100 evaluation episodes. */
export const EVALUATION_PASS = 95;

export interface EvaluationCard {
  seedBase: number;
  episodes: number;
  reachedCap: number;
  meanReturn: number;
  minReturn: number;
}

/** What `models/cartpole/teacher/model-card.json` holds. */
export interface CartpoleModelCard {
  name: string;
  lab: 'cartpole';
  architecture: string;
  hidden: number[];
  activation: ActivationName;
  parameters: number;
  inputs: string;
  outputs: string;
  training: {
    method: string;
    seed: number;
    population: number;
    elite: number;
    episodesPerCandidate: number;
    iterations: number;
    /** Every environment step the training took: candidates' episodes and the checks between iterations. */
    environmentSteps: number;
    seconds: number;
  };
  /** The teacher acting as the students see it: sampling its own action distribution (T = 1). */
  evaluationSampled: EvaluationCard;
  /** The teacher taking its more probable action. */
  evaluationGreedy: EvaluationCard;
  backend: string;
  tfjsVersion: string;
  command: string;
  createdAt: string;
}
