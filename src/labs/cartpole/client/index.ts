/** The CartPole lab's client face: its panel element (defined on import) and its `distill-step` detail. */
import type { LabClient } from '../../types';
import type { CartpoleSnapshot } from '../shared/readouts';
import './distill-cartpole-lab';
import { stepDetail } from './step-detail';

export { DistillCartpoleLab } from './distill-cartpole-lab';
export type { CartpoleStepDetail } from './step-detail';

export const client: LabClient = {
  tag: 'distill-cartpole-lab',
  stepDetail: (s) => stepDetail(s as CartpoleSnapshot),
};
