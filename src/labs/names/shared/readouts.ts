/** The names lab's readouts: what its snapshots and `init` carry beside the common fields. Types only. */
import type { LabInit } from '../../../../workers/trainer-api';
import type { LabSnapshot } from '../../types';
import type { Novelty } from './corpus';
import type { MeterReading } from './meter';
import type { NamesAccess, NamesKnobs } from './schema';

/** A model on the validation names. */
export interface ValidationFigures {
  /** Nats per character. */
  nll: number;
  perplexity: number;
}

export interface StudentReadout {
  access: NamesAccess;
  k: number;
  /** The objective on the last step's batch (NaN before the first step). */
  trainLoss: number;
  /** On the validation names, at `NamesReadout.evaluatedAt`; KL(teacher ‖ student) per character, nats. */
  validation: ValidationFigures & { kl: number };
  meter: MeterReading;
  /** The latest names this student wrote at the stream temperature. */
  samples: string[];
  /** Shares of those names found in the training list, in the held-out lists, or new. */
  novelty: Record<Novelty, number>;
}

export interface NamesReadout {
  lab: 'names';
  knobs: NamesKnobs;
  /** Step of the last validation pass (heavy snapshots run one; light ones repeat it). */
  evaluatedAt: number;
  teacher: { validation: ValidationFigures; samples: string[]; novelty: Record<Novelty, number> };
  bigram: ValidationFigures;
  students: StudentReadout[];
  /** Next-character distributions after the prefix: teacher's (27) and each student's (students × 27). */
  prefix: { text: string; teacher: Float32Array; students: Float32Array };
}

export type NamesSnapshot = LabSnapshot<NamesReadout>;

export interface NamesInfo {
  lab: 'names';
  teacher: { architecture: string; parameters: number; trainNll: number; validationNll: number; testNll: number; bigramValidationNll: number };
  corpus: { source: string; train: number; validation: number; test: number };
  studentParameters: number;
}

export type NamesInit = LabInit<NamesInfo, NamesReadout>;
