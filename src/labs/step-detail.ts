/** The part of a `distill-step` detail every lab shares, read off the snapshot's common fields. Pure. */
import type { SnapshotCommon, StepDetailCommon } from './types';

export function commonStepDetail(s: SnapshotCommon): StepDetailCommon {
  return {
    lab: s.lab,
    step: s.step,
    examplesSeen: s.examplesSeen,
    examplesPerSecond: s.examplesPerSecond,
    running: s.running,
    flops: s.flops.total,
    flopsPerSecond: s.flops.perSecond,
  };
}
