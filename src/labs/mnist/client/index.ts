/** The MNIST lab's client face: its panel element (defined on import) and its `distill-step` detail. */
import type { LabClient } from '../../types';
import type { MnistSnapshot } from '../shared/readouts';
import './distill-mnist-lab';
import { stepDetail } from './step-detail';

export { DistillMnistLab } from './distill-mnist-lab';
export type { MnistStepEventDetail } from './step-detail';

export const client: LabClient = {
  tag: 'distill-mnist-lab',
  stepDetail: (s) => stepDetail(s as MnistSnapshot),
};
