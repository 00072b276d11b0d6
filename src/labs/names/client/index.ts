/** The names lab's client face: its panel element (defined on import) and its `distill-step` detail. */
import type { LabClient } from '../../types';
import type { NamesSnapshot } from '../shared/readouts';
import './distill-names-lab';
import { stepDetail } from './step-detail';

export { DistillNamesLab } from './distill-names-lab';
export type { NamesStepDetail } from './step-detail';

export const client: LabClient = {
  tag: 'distill-names-lab',
  stepDetail: (s) => stepDetail(s as NamesSnapshot),
};
