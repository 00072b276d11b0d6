/**
 * The MNIST lab's readouts: what its snapshots and `init` carry beside the common fields. Types
 * only, seen by the worker face and the page.
 */
import type { MnistKnobs } from './schema';
import type { LabInit } from '../../../../workers/trainer-api';
import type { LabSnapshot } from '../../types';

/** The MNIST lab's readout; a snapshot is this plus the common fields. */
export interface MnistReadoutFields {
  lab: 'mnist';
  knobs: MnistKnobs;
  /** Training loss of the last step per student; NaN where a term is not part of its objective now. */
  losses: { total: number; soft: number; hard: number; hint: number }[];
  mnist: MnistReadout;
}

export type MnistSnapshot = LabSnapshot<MnistReadoutFields>;

/** What `init` returns for the MNIST lab beside the backend and the first snapshot. */
export interface MnistInfo {
  lab: 'mnist';
  teacher: { name: string; architecture: string; parameters: number; testErrors: number; testImages: number };
  students: { id: string; label: string; parameters: number }[];
  /** Images in the transfer set, and the digits left out of it. */
  transfer: { size: number; digitsLeftOut: number[] };
}

export type MnistInit = LabInit<MnistInfo, MnistReadoutFields>;


// View-facing: students are described by readable labels, so the views need not know the lab's schema.

/** Errors of one model on the MNIST test images measured so far (all 10,000 once a pass completes). */
export interface MnistErrors {
  /** Misclassified test images, out of `total`. */
  errors: number;
  /** Test images these errors were measured on (`MnistReadout.evaluation.done` for a student). */
  total: number;
  /** Misclassified images per true digit 0–9, and how many test images of that digit exist. */
  perClass: { errors: number[]; totals: number[] };
  /** Row = true digit, column = predicted digit; 10 × 10, row-major. Present in some readouts only. */
  confusion?: Uint32Array;
}

export interface MnistStudentReadout {
  /** Stable id within the run, e.g. "a", "b", "c". */
  id: string;
  /** Short readable description, e.g. "KD · full · 2×800" or "Labels only · 30 units". */
  label: string;
  parameters: number;
  test: MnistErrors;
}

/** Output distributions for a few digit images (the strip and the drawing canvas). */
export interface DigitReadout {
  count: number;
  /** The images shown, `count × 784`, 0–1, row-major 28 × 28. */
  images: Float32Array;
  /** True digit per image, or 255 for a drawn one. */
  labels: Uint8Array;
  temperature: number;
  /** `count × 10` each. */
  teacherAtT: Float32Array;
  teacherAt1: Float32Array;
  /** One entry per student, in the order of `MnistReadout.students`. */
  students: { atT: Float32Array; at1: Float32Array }[];
}

export interface MnistReadout {
  teacher: MnistErrors;
  students: MnistStudentReadout[];
  digits: DigitReadout;
  /** Whether the students' errors include the +3.5 correction on the 3 logit (dark-knowledge preset). */
  biasCorrection: boolean;
  /**
   * The students' test-set pass: `done` of `total` images measured so far, since step `fromStep`.
   * While training, a pass advances one chunk per heavy snapshot; until `done === total` the
   * students' errors are a running estimate. The teacher (frozen) is measured on all of them.
   */
  evaluation: { done: number; total: number; fromStep: number };
}
