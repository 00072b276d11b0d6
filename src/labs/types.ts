/**
 * What a lab is, in three faces (Squoosh's codecs: shared / worker / client):
 * - the **shared face** (`src/labs/<lab>/shared/`): pure metadata both sides read — id, title,
 *   the parameter table, defaults, presets. Listed by the registry (`src/labs/index.ts`);
 * - the **worker face** (`src/labs/<lab>/worker/`): loads the teacher and data, checks them, and
 *   creates runs the lab-agnostic engine (`workers/trainer.ts`) drives;
 * - the **client face** (`src/labs/<lab>/client/`): the lab's panel element and its
 *   `distill-step` detail.
 * The engine and the page find the worker and client faces by the lab's folder name, so a new lab
 * is its folder plus one registry line. Types only.
 */
import type { ParamTable } from './params';
import type { Problem } from './problems';

/** A lab's id: its folder name under `src/labs/`, and the value of `?lab=` in links. */
export type LabId = string;

/** What a lab counts its progress in (the status line says "… examples/s", "… tokens/s", …). */
export type ProgressUnit = 'examples' | 'tokens' | 'environment steps';

/** The shared face: pure data and functions, imported by both the worker and the page. */
export interface LabShared<E = unknown> {
  id: LabId;
  /** Position in the lab picker. */
  order: number;
  /** The lab's name in the picker, from its own strings. */
  title(): string;
  unit: ProgressUnit;
  /** A fresh copy of the default experiment. */
  defaults(): E;
  clone(e: E): E;
  /** Problems with a whole experiment (empty when it can run). */
  validate(e: E): Problem[];
  /** Problems with a patch of live knobs. */
  validateKnobs(patch: Record<string, unknown>): Problem[];
  /** Whether going from `a` to `b` needs a fresh run (anything but live knobs changed). */
  needsReset(a: E, b: E): boolean;
  /** The live knobs that differ from `a` to `b`, or null. */
  liveChanges(a: E, b: E): Record<string, unknown> | null;
  /** The experiment from a link (or an embed's `experiment` attribute); never throws. */
  parse(search: string): { experiment: E; problems: Problem[] };
  /** Every setting as query parameters, so a link reopens the exact experiment. */
  serialize(e: E): string;
  /** The query keys this lab reads (an embedding page's own keys are left alone). */
  urlKeys(): string[];
  /**
   * The parameter table behind `parse`, `serialize`, `validate`, … (./params), for code that walks
   * every setting: the conformance tests (tests/unit/labs-conformance.test.ts), tools.
   */
  // Partial: a table may cover a part of the experiment (the 2-D lab's leaves out `lab`).
  table?: ParamTable<Partial<E>>;
  /**
   * A small experiment for tests and benches: valid, and a few steps of it run in well under a
   * second on the cpu or wasm backend (small students, a small transfer set).
   */
  quick?(): E;
}

/** The common part of every snapshot; the lab's readout fields sit beside it. */
export interface SnapshotCommon {
  lab: LabId;
  step: number;
  /** Progress in the lab's own unit (examples, tokens, environment steps) so far, and per second. */
  examplesSeen: number;
  examplesPerSecond: number;
  unit: ProgressUnit;
  running: boolean;
  /**
   * Training compute, counted from the layer shapes (src/cost/flops.ts): teacher forward plus each
   * student's forward and backward pass, per step. Evaluation and probe passes are not counted.
   */
  flops: { perStep: number; total: number; perSecond: number };
}

/** A snapshot: the common fields plus the lab's own readout `R` (its fields at the top level). */
export type LabSnapshot<R = object> = SnapshotCommon & R;

/** What every run reports for the cost widget: parameters of the teacher and of each student. */
export interface RunSizes {
  teacherParameters: number;
  studentParameters: number[];
}

/** A run as the engine drives it; the lab's worker face creates it. */
export interface LabRun<R = object, I = object> {
  readonly step: number;
  readonly examplesSeen: number;
  readonly flopsDone: number;
  readonly batchSize: number;
  trainStep(): void;
  /** Resolves when the queued steps have finished (a GPU step returns when queued). */
  sync(): Promise<void>;
  stepFlops(): number;
  /** Live knobs, already validated against the lab's table. */
  configure(patch: Record<string, unknown>): void;
  /** The lab's readout; `heavy` adds the costly parts (decision regions, a test-set evaluation). */
  readout(heavy: boolean): Promise<R>;
  /**
   * True while the last readout was partial (the MNIST lab's test-set pass, measured a chunk per
   * heavy readout): while paused, the engine keeps taking heavy snapshots until it is false.
   */
  refining?(): boolean;
  /** True when the readout shows the run has blown up (NaN or infinite losses). */
  diverged(readout: R): boolean;
  /** A named input from the page (probe points, a drawn digit, a typed prefix, an environment seed). */
  input(name: string, payload: unknown): void;
  /** What `init` returns beside the backend and the first snapshot (teacher card, data set, …). */
  info(): I | Promise<I>;
  sizes(): RunSizes;
  /** What a next run of `next` should keep from this one (the 2-D lab keeps its probe points). */
  carry?(next: unknown): unknown;
  dispose(): void;
}

/** Something the worker face loaded on the current backend (a teacher; data); freed on a backend change. */
export interface Loaded {
  dispose(): void;
}

export interface LoadContext {
  /** Downloads in progress, for the page's progress bar. */
  progress(phase: 'teacher' | 'test-images' | 'train-images', loaded: number, total: number | null): void;
}

/** The worker face. `E` experiment, `L` what `load` gives, `R` readout, `I` init info. */
export interface LabWorker<E = unknown, L extends Loaded = Loaded, R = object, I = object> {
  shared: LabShared<E>;
  /** Runs needing the same key share one load (the 2-D lab: one teacher per data set). */
  loadKey(e: E): string;
  /** Load the teacher (checked with `checkTeacher`) and data on the current backend. */
  load(e: E, ctx: LoadContext): Promise<L>;
  createRun(e: E, loaded: L, carried: unknown): LabRun<R, I>;
}

/** What every lab's `distill-step` detail has; each lab adds its own measures (README, "Events"). */
export interface StepDetailCommon {
  lab: LabId;
  step: number;
  examplesSeen: number;
  examplesPerSecond: number;
  running: boolean;
  /** Training FLOPs so far, and the training FLOP/s achieved on this device. */
  flops: number;
  flopsPerSecond: number;
}

/**
 * The client face. Its module defines the lab's panel element (controls and views, built from the
 * shared element kit), which the playground shows for the lab. The panel takes the page state as
 * properties — `experiment`, `preset`, `init`, `snapshot`, `playing`, `view`, `backendInfo`,
 * `starting` — and sends intents as events: `distill-experiment-change` `{ experiment, preset? }`,
 * `distill-view-change` `{ backend?, speed? }`, `distill-command`, `distill-input` `{ name, payload }`.
 */
export interface LabClient {
  /** The panel element's tag name. */
  tag: string;
  /** The lab's `distill-step` event detail for a snapshot (documented in the README). */
  stepDetail(snapshot: unknown): StepDetailCommon;
}

/** What the playground calls on a lab's panel element, beside setting its properties. */
export interface LabPanel extends HTMLElement {
  /** Every snapshot, in order (`fresh`: the first of a new run), so curves keep their history. */
  receive(snapshot: unknown, fresh: boolean): void;
}
