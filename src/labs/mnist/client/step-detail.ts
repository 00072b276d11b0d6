/** The MNIST lab's `distill-step` event detail: test errors out of 10,000. Pure. */
import type { MnistSnapshot } from '../shared/readouts';

export interface MnistStepEventDetail {
  lab: 'mnist';
  step: number;
  examplesSeen: number;
  examplesPerSecond: number;
  running: boolean;
  temperature: number;
  teacherErrors: number;
  students: { id: string; errors: number; perClassErrors: number[] }[];
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
    students: s.mnist.students.map((x) => ({ id: x.id, errors: x.test.errors, perClassErrors: [...x.test.perClass.errors] })),
    flops: s.flops.total,
    flopsPerSecond: s.flops.perSecond,
  };
}
