/** The 2-D lab's `distill-step` event detail: what an embedding page can build on. Pure. */
import { commonStepDetail } from '../../step-detail';
import type { StepDetailCommon } from '../../types';
import type { Toy2dSnapshot } from '../shared/readouts';

export interface StepEventDetail extends StepDetailCommon {
  lab: 'toy2d';
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
    ...commonStepDetail(s),
    lab: 'toy2d',
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
    trainLoss: s.trainLoss.total,
  };
}
