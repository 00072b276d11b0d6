/** The CartPole lab's `distill-step` event detail: what an embedding page can build on. Pure. */
import { commonStepDetail } from '../../step-detail';
import type { StepDetailCommon } from '../../types';
import type { CartpoleSnapshot, StudentReadout } from '../shared/readouts';
import type { StateSource } from '../shared/schema';

export interface StudentStepDetail {
  episodes: number;
  lastReturn: number;
  /** Mean return of the last (up to) 100 episodes. */
  meanReturn: number;
  /** Environment steps at which the mean of 100 first reached 475, or null. */
  solvedAt: number | null;
  klToTeacher: number;
  loss: number;
}

export interface CartpoleStepDetail extends StepDetailCommon {
  lab: 'cartpole';
  temperature: number;
  states: StateSource;
  distilled: StudentStepDetail;
  rewardOnly: StudentStepDetail;
}

function student(s: StudentReadout): StudentStepDetail {
  return { episodes: s.episodes, lastReturn: s.lastReturn, meanReturn: s.meanReturn, solvedAt: s.solvedAt, klToTeacher: s.klToTeacher, loss: s.loss };
}

export function stepDetail(s: CartpoleSnapshot): CartpoleStepDetail {
  return {
    ...commonStepDetail(s),
    lab: 'cartpole',
    temperature: s.knobs.temperature,
    states: s.knobs.states,
    distilled: student(s.distilled),
    rewardOnly: student(s.rewardOnly),
  };
}
