/** The MNIST lab's `distill-step` event detail: test errors (out of the images measured so far) and training losses. Pure. */
import type { MnistSnapshot } from '../shared/readouts';

export interface MnistStepEventDetail {
  lab: 'mnist';
  step: number;
  examplesSeen: number;
  examplesPerSecond: number;
  running: boolean;
  temperature: number;
  teacherErrors: number;
  /** Test images the students' errors were measured on so far, of `total` (a pass in chunks while training). */
  evaluation: { done: number; total: number };
  students: { id: string; errors: number; perClassErrors: number[]; trainLoss: number }[];
  flops: number;
  flopsPerSecond: number;
}

export function stepDetail(s: MnistSnapshot): MnistStepEventDetail {
  return {
    lab: 'mnist',
    step: s.step,
    examplesSeen: s.examplesSeen,
    examplesPerSecond: s.examplesPerSecond,
    running: s.running,
    temperature: s.knobs.temperature,
    teacherErrors: s.mnist.teacher.errors,
    evaluation: { done: s.mnist.evaluation.done, total: s.mnist.evaluation.total },
    students: s.mnist.students.map((x, i) => ({
      id: x.id,
      errors: x.test.errors,
      perClassErrors: [...x.test.perClass.errors],
      trainLoss: s.losses[i]?.total ?? Number.NaN,
    })),
    flops: s.flops.total,
    flopsPerSecond: s.flops.perSecond,
  };
}
