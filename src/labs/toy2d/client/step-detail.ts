/** The 2-D lab's `distill-step` event detail: what an embedding page can build on. Pure. */
import type { Toy2dSnapshot } from '../shared/readouts';

export interface StepEventDetail {
  lab: 'toy2d';
  step: number;
  examplesSeen: number;
  examplesPerSecond: number;
  running: boolean;
  temperature: number;
  klStudent: number;
  klLabelsOnly: number | null;
  hardLossStudent: number;
  hardLossLabelsOnly: number | null;
  hardLossTeacher: number;
  accuracyTeacher: number;
  accuracyStudent: number;
  accuracyLabelsOnly: number | null;
  /** Mean KL(teacher ‖ student) at T = 1 over the probe points. */
  probeKlStudent: number;
  probeKlLabelsOnly: number | null;
  /** Training FLOPs so far, and the training FLOP/s achieved on this device. */
  flops: number;
  flopsPerSecond: number;
  trainLoss: number;
}

function mean(values: Float32Array | null): number | null {
  if (!values || values.length === 0) return null;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

export function stepDetail(s: Toy2dSnapshot): StepEventDetail {
  return {
    lab: 'toy2d',
    step: s.step,
    examplesSeen: s.examplesSeen,
    examplesPerSecond: s.examplesPerSecond,
    running: s.running,
    temperature: s.knobs.temperature,
    klStudent: s.student.klToTeacher,
    klLabelsOnly: s.labelsOnly?.klToTeacher ?? null,
    hardLossStudent: s.student.hardLoss,
    hardLossLabelsOnly: s.labelsOnly?.hardLoss ?? null,
    hardLossTeacher: s.teacher.hardLoss,
    accuracyTeacher: s.teacher.accuracy,
    accuracyStudent: s.student.accuracy,
    accuracyLabelsOnly: s.labelsOnly?.accuracy ?? null,
    probeKlStudent: mean(s.probes.klStudent) ?? NaN,
    probeKlLabelsOnly: mean(s.probes.klLabelsOnly),
    flops: s.flops.total,
    flopsPerSecond: s.flops.perSecond,
    trainLoss: s.trainLoss.total,
  };
}
