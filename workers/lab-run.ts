/**
 * The part of a `LabRun` that every lab's run class provides the same way: live counters (getters,
 * so they never go stale) and stepping. A lab's worker face adds its readout, inputs and info.
 */
import type { LabRun } from '../src/labs/types';

export interface SteppingRun {
  readonly step: number;
  readonly examplesSeen: number;
  readonly flopsDone: number;
  readonly currentKnobs: { batchSize: number };
  trainStep(): void;
  sync(): Promise<void>;
  stepFlops(): number;
  dispose(): void;
}

export type Stepping = Pick<LabRun, 'step' | 'examplesSeen' | 'flopsDone' | 'batchSize' | 'trainStep' | 'sync' | 'stepFlops' | 'dispose'>;

/** `run`'s counters and stepping; extend it with `Object.assign`, which keeps the getters live. */
export function steppingOf(run: SteppingRun): Stepping {
  return {
    get step() {
      return run.step;
    },
    get examplesSeen() {
      return run.examplesSeen;
    },
    get flopsDone() {
      return run.flopsDone;
    },
    get batchSize() {
      return run.currentKnobs.batchSize;
    },
    trainStep: () => run.trainStep(),
    sync: () => run.sync(),
    stepFlops: () => run.stepFlops(),
    dispose: () => run.dispose(),
  };
}

/** What a lab's worker face writes itself, beside `steppingOf`. */
export type LabRunRest<R, I> = Omit<LabRun<R, I>, keyof Stepping>;
