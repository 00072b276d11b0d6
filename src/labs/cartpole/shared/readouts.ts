/** The CartPole lab's readouts: what its snapshots and `init` carry. Types only. */
import type { LabInit } from '../../../../workers/trainer-api';
import type { LabSnapshot } from '../../types';
import type { PolicyWeights } from './policy';
import type { Knobs } from './schema';

export type StudentRole = 'distilled' | 'rewardOnly';
export const STUDENT_ROLES: readonly StudentRole[] = ['distilled', 'rewardOnly'];

export interface StudentReadout {
  /** Episodes the student has finished acting on its own. */
  episodes: number;
  /** Return of its last finished episode (NaN before one ends). */
  lastReturn: number;
  /** Mean return of its last (up to) 100 episodes, and how many that is. */
  meanReturn: number;
  window: number;
  /** Environment steps at which the mean of 100 first reached 475, or null. */
  solvedAt: number | null;
  /** Its objective on the last update (distillation: T² · KL; reward only: the REINFORCE loss). */
  loss: number;
  /** Mean KL(teacher ‖ student) at T = 1 over its last update's training states (for the distilled student on the teacher's states, those), in nats. */
  klToTeacher: number;
  /** Its current weights, for the page's replay (a copy; the worker keeps its own). */
  policy: PolicyWeights;
}

export interface CartpoleReadout {
  lab: 'cartpole';
  knobs: Knobs;
  distilled: StudentReadout;
  rewardOnly: StudentReadout;
}

export type CartpoleSnapshot = LabSnapshot<CartpoleReadout>;

export interface CartpoleTeacherInfo {
  name: string;
  architecture: string;
  parameters: number;
  /** Episodes of the card's 100-episode evaluation that reached the 500-step cap. */
  evaluationReachedCap: number;
  evaluationEpisodes: number;
  trainingSteps: number;
  policy: PolicyWeights;
}

export interface CartpoleInfo {
  lab: 'cartpole';
  teacher: CartpoleTeacherInfo;
  studentParameters: number;
  environments: number;
}

export type CartpoleInit = LabInit<CartpoleInfo, CartpoleReadout>;
