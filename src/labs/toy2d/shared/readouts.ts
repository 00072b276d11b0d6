/**
 * The 2-D lab's readouts: what its snapshots and `init` carry beside the common fields. Types
 * only, seen by the worker face and the page.
 */
import type { DatasetName, Knobs } from './schema';
import type { LabInit } from '../../../../workers/trainer-api';
import type { LabSnapshot } from '../../types';

export interface ModelMetrics {
  /** Mean KL(teacher ‖ model) at T = 1 over the test set, in nats. */
  klToTeacher: number;
  /** Mean cross-entropy against the true labels over the test set, in nats. */
  hardLoss: number;
  /** Fraction of test points classified correctly, 0–1. */
  accuracy: number;
}

export interface TeacherMetrics {
  hardLoss: number;
  accuracy: number;
}

/**
 * Probe points: a few inputs whose full output distributions are shown as bars.
 * Distributions are row-major, `count × classes`.
 */
export interface ProbeReadout {
  count: number;
  classes: number;
  /** Probe inputs, `count × 2`. */
  points: Float32Array;
  /** The temperature the `…AtT` distributions were computed at. */
  temperature: number;
  teacherAtT: Float32Array;
  studentAtT: Float32Array;
  labelsOnlyAtT: Float32Array | null;
  teacherAt1: Float32Array;
  studentAt1: Float32Array;
  labelsOnlyAt1: Float32Array | null;
  /** KL(teacher ‖ student) at T = 1 for each probe, in nats. */
  klStudent: Float32Array;
  klLabelsOnly: Float32Array | null;
}

/** A model's decision regions on a square grid over `extent`. */
export interface RegionsReadout {
  /** Cells per side; cell (i, j) is row i from the top (largest y), column j from the left. */
  size: number;
  /** [xmin, xmax, ymin, ymax] of the grid. */
  extent: [number, number, number, number];
  /** Predicted class per cell, `size × size`. */
  argmax: Uint8Array;
  /** Probability of the predicted class per cell, scaled to 0–255. */
  confidence: Uint8Array;
}

/** The 2-D lab's readout; a snapshot is this plus the common fields. */
export interface Toy2dReadout {
  lab: 'toy2d';
  knobs: Knobs;
  teacher: TeacherMetrics;
  student: ModelMetrics;
  labelsOnly: ModelMetrics | null;
  /** Training loss of the last step (the distillation objective) and its two parts. */
  trainLoss: { total: number; soft: number; hard: number };
  probes: ProbeReadout;
  /** Present only in some snapshots (regions change slowly and cost a grid pass). */
  regions?: { student: RegionsReadout; labelsOnly: RegionsReadout | null };
}



export interface LabeledPoints {
  /** `count × 2` inputs. */
  x: Float32Array;
  /** Class index per point. */
  y: Uint8Array;
  count: number;
  /** 1 where the point's label is used in training, 0 where only the teacher answers; absent: all labelled. */
  labelled?: Uint8Array;
}

export interface TeacherCard {
  name: string;
  architecture: string;
  parameters: number;
  trainAccuracy: number;
  testAccuracy: number;
}

export type Toy2dSnapshot = LabSnapshot<Toy2dReadout>;

/** What `init` returns for the 2-D lab beside the backend and the first snapshot. */
export interface Toy2dInfo {
  lab: 'toy2d';
  dataset: { name: DatasetName; classes: number; train: LabeledPoints; test: LabeledPoints };
  teacher: TeacherCard & { regions: RegionsReadout };
  studentParameters: number;
}

export type Toy2dInit = LabInit<Toy2dInfo, Toy2dReadout>;
