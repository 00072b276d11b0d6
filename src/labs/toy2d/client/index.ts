/** The 2-D lab's client face: its panel element (defined on import) and its `distill-step` detail. */
import type { LabClient } from '../../types';
import type { Toy2dSnapshot } from '../shared/readouts';
import './distill-toy2d-lab';
import { stepDetail } from './step-detail';

export { DistillToy2dLab } from './distill-toy2d-lab';
export type { StepEventDetail } from './step-detail';

export const client: LabClient = {
  tag: 'distill-toy2d-lab',
  stepDetail: (s) => stepDetail(s as Toy2dSnapshot),
};
