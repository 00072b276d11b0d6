/** The MNIST lab's `distill-step` event detail: test errors (out of the images measured so far) and training losses. Pure. */
import { commonStepDetail } from '../../step-detail';
import type { StepDetailCommon } from '../../types';
import type { MnistSnapshot } from '../shared/readouts';

export interface MnistStepEventDetail extends StepDetailCommon {
  lab: 'mnist';
  temperature: number;
  teacherErrors: number;
  /** Test images the students' errors were measured on so far, of `total` (a pass in chunks while training). */
  evaluation: { done: number; total: number };
  students: { id: string; errors: number; perClassErrors: number[]; trainLoss: number }[];
}

export function stepDetail(s: MnistSnapshot): MnistStepEventDetail {
  return {
    ...commonStepDetail(s),
    lab: 'mnist',
    temperature: s.knobs.temperature,
    teacherErrors: s.mnist.teacher.errors,
    evaluation: { done: s.mnist.evaluation.done, total: s.mnist.evaluation.total },
    students: s.mnist.students.map((x, i) => ({
      id: x.id,
      errors: x.test.errors,
      perClassErrors: [...x.test.perClass.errors],
      trainLoss: s.losses[i]?.total ?? Number.NaN,
    })),
  };
}
