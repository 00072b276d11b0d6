/**
 * The CartPole lab's experiment: the student's shape, the seed, and the live knobs with their
 * ranges and defaults, stated once. Pure data, no DOM, no tfjs.
 */
import type { ActivationName, NumberRange, OptimizerName } from '../../../state/common';

export { ACTIVATIONS, OPTIMIZERS, type ActivationName } from '../../../state/common';

/**
 * Which states the distilled student learns on: those it visits acting itself (on-policy,
 * DAgger-style), or those the teacher visits acting (Rusu et al. 2015); Czarnecki et al. 2019
 * compare the two.
 */
export const STATE_SOURCES = ['student', 'teacher'] as const;
export type StateSource = (typeof STATE_SOURCES)[number];

/** Environments each student steps side by side (each of its updates spreads its steps over them). */
export const ENVIRONMENTS = 8;
/** Environment steps per update and student, a multiple of `ENVIRONMENTS`. */
export const STEPS_PER_UPDATE = [128, 256, 512, 1024] as const;

export const LIMITS = {
  temperature: { min: 0.25, max: 10, step: 0.25 },
  learningRate: { min: 0.0001, max: 0.1, step: 0.0001 },
  hiddenLayers: { min: 1, max: 3, step: 1 },
  units: { min: 2, max: 64, step: 1 },
  seed: { min: 1, max: 999_999, step: 1 },
} as const satisfies Record<string, NumberRange>;

export interface Knobs {
  /** Temperature of the distillation targets: both policies' logits are divided by it. */
  temperature: number;
  /** One learning rate for both students, so only their objectives differ. */
  learningRate: number;
  /** Environment steps per update (per student): the progress unit's batch. */
  batchSize: number;
  optimizer: OptimizerName;
  states: StateSource;
}

export interface StudentShape {
  hidden: number[];
  activation: ActivationName;
}

/** Everything that defines a run; changing any of it but `knobs` starts a fresh run. */
export interface CartpoleExperiment {
  lab: 'cartpole';
  /** Seeds the students' first weights, the environments' start states and the action draws. */
  seed: number;
  student: StudentShape;
  knobs: Knobs;
}

export function defaultCartpoleExperiment(): CartpoleExperiment {
  return {
    lab: 'cartpole',
    seed: 1,
    student: { hidden: [16], activation: 'tanh' },
    knobs: { temperature: 1, learningRate: 0.01, batchSize: 128, optimizer: 'adam', states: 'student' },
  };
}

export function cloneCartpole(e: CartpoleExperiment): CartpoleExperiment {
  return { ...e, student: { ...e.student, hidden: [...e.student.hidden] }, knobs: { ...e.knobs } };
}
