/**
 * One shape for the trainer to drive, whatever the lab: a run that steps, syncs, counts its
 * FLOPs, takes live knobs and turns its state into a snapshot. Each lab adapts its own run class.
 */
import type { ExperimentConfig } from '../../src/state/experiment';
import { MNIST_PIXELS, digitsLeftOut, type ClassMetrics, type MnistKnobs } from '../../src/state/mnist';
import type {
  AnyKnobs,
  DigitReadout,
  MnistConfig,
  MnistErrors,
  MnistInit,
  MnistSnapshot,
  Snapshot,
  SnapshotCommon,
  Toy2dInit,
  Toy2dSnapshot,
} from '../trainer-api';
import { MnistRun, type MnistEvaluation } from './mnist/lab';
import { imagesToFloat, type MnistData } from './mnist/transfer';
import type { Toy2dRun } from './toy2d/lab';

export interface ActiveRun {
  readonly lab: 'toy2d' | 'mnist';
  readonly step: number;
  readonly examplesSeen: number;
  readonly flopsDone: number;
  readonly batchSize: number;
  trainStep(): void;
  sync(): Promise<void>;
  stepFlops(): number;
  configure(patch: AnyKnobs): void;
  /** A snapshot; `heavy` adds the costly parts (decision regions, a full test-set evaluation). */
  snapshot(common: Omit<SnapshotCommon, 'flops'> & { flopsPerSecond: (perStep: number, batch: number) => number }, heavy: boolean): Promise<Snapshot>;
  /** True when the snapshot shows the run has blown up (NaN or infinite losses). */
  diverged(snapshot: Snapshot): boolean;
  dispose(): void;
}

const bad = (v: number) => Number.isNaN(v) || !Number.isFinite(v);

function flopsOf(run: { flopsDone: number }, perStep: number, batch: number, rate: (perStep: number, batch: number) => number) {
  return { perStep, total: run.flopsDone, perSecond: rate(perStep, batch) };
}

/** What both labs' runs expose for stepping; the adapters add what differs. */
interface SteppingRun {
  readonly step: number;
  readonly examplesSeen: number;
  readonly flopsDone: number;
  readonly currentKnobs: { batchSize: number };
  trainStep(): void;
  sync(): Promise<void>;
  stepFlops(): number;
  dispose(): void;
}

/** Live views of a run's counters (getters, so they never go stale) and its stepping methods. */
function stepping(run: SteppingRun) {
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

type Stepping = ReturnType<typeof stepping>;

export function toy2dActive(run: Toy2dRun): ActiveRun {
  // Object.assign keeps `stepping`'s getters live (a spread would copy their current values).
  return Object.assign(stepping(run), {
    lab: 'toy2d' as const,
    configure: (patch) => run.configure(pickToy2dKnobs(patch)),
    async snapshot(common, heavy): Promise<Toy2dSnapshot> {
      const [teacher, metrics, probes, trainLoss] = await Promise.all([
        run.teacherMetrics(),
        run.studentMetrics(),
        run.probeReadout(),
        run.readLosses(),
      ]);
      const knobs = run.currentKnobs;
      const { flopsPerSecond, ...rest } = common;
      const snap: Toy2dSnapshot = {
        ...rest,
        lab: 'toy2d',
        flops: flopsOf(run, run.stepFlops(), knobs.batchSize, flopsPerSecond),
        knobs,
        teacher,
        student: metrics.student,
        labelsOnly: metrics.labelsOnly,
        trainLoss,
        probes,
      };
      if (heavy) snap.regions = await run.studentRegions();
      return snap;
    },
    diverged(s) {
      if (s.lab !== 'toy2d') return false;
      return bad(s.trainLoss.total) || bad(s.student.klToTeacher) || (s.labelsOnly !== null && bad(s.labelsOnly.hardLoss));
    },
  } satisfies Omit<ActiveRun, keyof Stepping>);
}

function pickToy2dKnobs(patch: AnyKnobs): Partial<ExperimentConfig['knobs']> {
  const out: Partial<ExperimentConfig['knobs']> = {};
  if (patch.temperature !== undefined) out.temperature = patch.temperature;
  if (patch.alpha !== undefined) out.alpha = patch.alpha;
  if (patch.learningRate !== undefined) out.learningRate = patch.learningRate;
  if (patch.batchSize !== undefined) out.batchSize = patch.batchSize;
  if (patch.optimizer !== undefined) out.optimizer = patch.optimizer;
  return out;
}

export function toErrors(m: ClassMetrics): MnistErrors {
  return {
    errors: m.errors,
    total: m.count,
    perClass: { errors: [...m.perClassErrors], totals: [...m.perClassCount] },
    confusion: Uint32Array.from(m.confusion),
  };
}

/** The digit strip: the first test image of each digit 0–9. */
export function defaultDigits(test: MnistData): { images: Float32Array; labels: Uint8Array } {
  const indices: number[] = [];
  for (let d = 0; d < 10; d++) {
    const i = test.labels.indexOf(d);
    if (i >= 0) indices.push(i);
  }
  return { images: imagesToFloat(test.images, indices), labels: Uint8Array.from(indices.map((i) => test.labels[i]!)) };
}

export const STUDENT_IDS = ['A', 'B', 'C'] as const;

export interface MnistActive extends ActiveRun {
  setDigits(images: Float32Array, labels: Uint8Array): void;
  init(backend: MnistInit['backend'], teacher: MnistInit['teacher'], first: MnistSnapshot): MnistInit;
}

export function mnistActive(run: MnistRun, config: MnistConfig, test: MnistData): MnistActive {
  let digits = defaultDigits(test);
  let evaluation: MnistEvaluation | null = null;
  const students = () => config.students.map((_, i) => ({ id: STUDENT_IDS[i]!, label: STUDENT_IDS[i]!, parameters: run.studentParameters[i]! }));
  return Object.assign(stepping(run), {
    lab: 'mnist' as const,
    configure(patch) {
      const before = run.currentKnobs;
      run.configure(patch as Partial<MnistKnobs>);
      // The bias correction changes what the test errors are: evaluate again at the next snapshot.
      if (patch.biasCorrection !== undefined && patch.biasCorrection !== before.biasCorrection) evaluation = null;
      if (patch.biasShift !== undefined && patch.biasShift !== before.biasShift) evaluation = null;
    },
    setDigits(images, labels) {
      if (images.length === 0 || images.length % MNIST_PIXELS !== 0 || images.length / MNIST_PIXELS !== labels.length) {
        throw new RangeError(`digits must be count × ${MNIST_PIXELS} pixels with one label each`);
      }
      digits = { images: Float32Array.from(images), labels: Uint8Array.from(labels) };
    },
    async snapshot(common, heavy): Promise<MnistSnapshot> {
      if (heavy || !evaluation) evaluation = await run.evaluate();
      const [dist, losses] = await Promise.all([run.distributions(digits.images), run.readLosses()]);
      const knobs = run.currentKnobs;
      const { flopsPerSecond, ...rest } = common;
      const readout: DigitReadout = {
        count: dist.count,
        images: digits.images.slice(),
        labels: digits.labels.slice(),
        temperature: dist.temperature,
        teacherAtT: dist.teacherAtT,
        teacherAt1: dist.teacherAt1,
        students: dist.students,
      };
      const ids = students();
      return {
        ...rest,
        lab: 'mnist',
        flops: flopsOf(run, run.stepFlops(), knobs.batchSize, flopsPerSecond),
        knobs,
        losses,
        mnist: {
          teacher: toErrors(evaluation.teacher),
          students: evaluation.students.map((m, i) => ({ ...ids[i]!, test: toErrors(m) })),
          digits: readout,
          biasCorrection: evaluation.biasCorrected,
        },
      };
    },
    diverged(s) {
      return s.lab === 'mnist' && s.step > 0 && s.losses.some((l) => bad(l.total));
    },
    init(backend, teacher, first) {
      return {
        lab: 'mnist',
        backend,
        teacher,
        students: students(),
        transfer: { size: run.transferIndices.length, digitsLeftOut: digitsLeftOut(config.transfer) },
        snapshot: first,
      };
    },
  } satisfies Omit<MnistActive, keyof Stepping>);
}

export type { Toy2dInit };
