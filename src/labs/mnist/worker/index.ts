/**
 * The MNIST lab's worker face: loads the 2×1200 teacher and the images (checked, kept while the
 * backend lasts), and wraps `MnistRun` as the engine's `LabRun`. The digits whose distributions
 * the snapshots show are the lab's input (`input('digits', { images, labels })`, e.g. a drawn one).
 */
import type * as tf from '@tensorflow/tfjs';
import type { MnistTeacherCard } from '../../../../models/mnist/teacher';
import { steppingOf, type LabRunRest } from '../../../../workers/lab-run';
import { checkTeacher, loadingTeacher } from '../../../../workers/teacher-check';
import type { LoadProgress } from '../../../../workers/trainer-api';
import { MNIST_CLASSES, MNIST_PIXELS, digitsLeftOut, type ClassMetrics, type MnistExperiment } from '../shared/schema';
import type { LabRun, LabWorker, Loaded } from '../../types';
import { mnistShared } from '../shared/lab';
import type { DigitReadout, MnistErrors, MnistInfo, MnistReadoutFields } from '../shared/readouts';
import { CHUNK_TARGET_MS, EVAL_CHUNK, EvaluationPass, TEACHER_CHUNK } from './evaluation-pass';
import { MnistRun } from './run';
import { imagesToFloat, type MnistData } from './transfer';

export interface MnistLoaded extends Loaded {
  teacher: tf.LayersModel;
  card: MnistTeacherCard;
  train: MnistData;
  /** Full size from the start; with `testArrival`, only its first `available()` images are in yet. */
  test: MnistData;
  /** A test set still to be fetched (the browser's, after training has started); absent when whole. */
  testArrival?: TestArrival;
  /** The digit strip's images (the first test image of each digit), when the test set is still to come. */
  strip?: MnistData;
}

/** The test images arriving in the background (`test` fills in order, labels first). */
export interface TestArrival {
  /** Starts the download (once; later calls do nothing). The lab calls it once training has started. */
  start(): void;
  /** Test images in so far. */
  available(): number;
  /** What stopped the download, or null. */
  error(): Error | null;
}

export interface MnistLoaders {
  /** The teacher and images, reporting download progress (the images are megabytes). */
  loadMnist(onProgress: (progress: LoadProgress) => void): Promise<Omit<MnistLoaded, 'dispose'>>;
}

export const STUDENT_IDS = ['A', 'B', 'C'] as const;

const bad = (v: number) => Number.isNaN(v) || !Number.isFinite(v);

export function toErrors(m: ClassMetrics): MnistErrors {
  return {
    errors: m.errors,
    total: m.count,
    perClass: { errors: [...m.perClassErrors], totals: [...m.perClassCount] },
    confusion: Uint32Array.from(m.confusion),
  };
}

/** The first image of each digit 0–9 among a set's first `available` images, or null while one is missing. */
function firstOfEachDigit(set: MnistData, available = set.count): { images: Float32Array; labels: Uint8Array } | null {
  const indices: number[] = [];
  for (let d = 0; d < MNIST_CLASSES; d++) {
    const i = set.labels.indexOf(d);
    if (i >= 0 && i < available) indices.push(i);
    else if (available < set.count) return null;
  }
  return { images: imagesToFloat(set.images, indices), labels: Uint8Array.from(indices.map((i) => set.labels[i]!)) };
}

/** The digit strip: the first test image of each digit 0–9. */
export function defaultDigits(test: MnistData): { images: Float32Array; labels: Uint8Array } {
  return firstOfEachDigit(test)!;
}

function digitsPayload(payload: unknown): { images: Float32Array; labels: Uint8Array } {
  const p = payload as { images?: unknown; labels?: unknown } | null;
  const images = p?.images instanceof Float32Array ? p.images : null;
  const labels = p?.labels instanceof Uint8Array ? p.labels : null;
  if (!images || !labels || images.length === 0 || images.length % MNIST_PIXELS !== 0 || images.length / MNIST_PIXELS !== labels.length) {
    throw new RangeError(`digits must be count × ${MNIST_PIXELS} pixels with one label each`);
  }
  return { images: Float32Array.from(images), labels: Uint8Array.from(labels) };
}

function wrap(run: MnistRun, e: MnistExperiment, loaded: MnistLoaded): LabRun<MnistReadoutFields, MnistInfo> {
  const arrival = loaded.testArrival;
  const arrived = () => (arrival ? arrival.available() : loaded.test.count);
  // The strip shows test digits: from their own small file while the test set is still to come
  // (without one, the first training image of each digit stands in until they arrive); a drawn
  // digit (`input`) replaces them.
  const strip = loaded.strip ? firstOfEachDigit(loaded.strip) : null;
  let digits = strip ?? firstOfEachDigit(loaded.test, arrived()) ?? firstOfEachDigit(loaded.train)!;
  let digitsFromTest = strip !== null || firstOfEachDigit(loaded.test, arrived()) !== null;
  /** The current test-set pass; `stale` once the bias correction changed what the errors are. */
  let pass: EvaluationPass | null = null;
  let stale = false;
  /** Whether a readout has already reported a trained step (the test images are fetched after it). */
  let trained = false;
  const students = () => e.students.map((_, i) => ({ id: STUDENT_IDS[i]!, label: STUDENT_IDS[i]!, parameters: run.studentParameters[i]! }));
  /** A new pass of the students over the test set. */
  const newPass = () => new EvaluationPass(run.step, loaded.test.count, run.studentCount);
  /**
   * Test images the students are measured on per heavy readout: EVAL_CHUNK to begin with, then
   * sized so a chunk takes about CHUNK_TARGET_MS. Small students (the default's 100 units measure
   * 1,000 images in ~15 ms) then finish a pass in a few heavy readouts, so the errors behind the
   * curves and the headline are recent ones; 2×800 students keep chunks of about 1,000.
   */
  let chunk = EVAL_CHUNK;
  const advance = async (p: EvaluationPass, available: number) => {
    const started = performance.now();
    const before = p.done;
    await p.advance(run, chunk, available);
    const measured = p.done - before;
    const ms = performance.now() - started;
    if (measured >= EVAL_CHUNK / 2 && ms > 0) chunk = Math.round(Math.min(loaded.test.count, Math.max(EVAL_CHUNK / 2, (measured * CHUNK_TARGET_MS) / ms)));
  };
  /** The teacher is frozen: one pass of its own, in smaller chunks, until it has seen the whole set. */
  const teacherPass = run.teacherMetrics === null ? new EvaluationPass(0, loaded.test.count, 0, false, true) : null;
  return Object.assign(steppingOf(run), {
    configure(patch) {
      const before = run.currentKnobs;
      run.configure(patch);
      // The bias correction changes what the test errors are: a new pass at the next snapshot.
      if (patch.biasCorrection !== undefined && patch.biasCorrection !== before.biasCorrection) stale = true;
      if (patch.biasShift !== undefined && patch.biasShift !== before.biasShift) stale = true;
    },
    async readout(heavy) {
      const total = loaded.test.count;
      // The test images are fetched once training has started (they are not needed for its first
      // step): from the readout after the one that reports it.
      if (trained) arrival?.start();
      trained ||= run.step > 0;
      const failed = arrival?.error();
      if (failed) throw new Error(`Could not load the MNIST test images: ${failed.message}`);
      const available = arrived();
      if (!digitsFromTest) {
        const fromTest = firstOfEachDigit(loaded.test, available);
        if (fromTest) [digits, digitsFromTest] = [fromTest, true];
      }
      if (!pass) {
        // A run's first readout measures all the test images in so far (in Node: the whole set).
        pass = newPass();
        await pass.advance(run, total, available);
        await teacherPass?.advance(run, total, available);
      } else if (stale || (heavy && pass.complete && run.step > pass.fromStep)) {
        // After training (or a bias change) a new pass starts, one chunk per heavy readout.
        pass = newPass();
        stale = false;
        await advance(pass, available);
      } else if (heavy) {
        await advance(pass, available);
      }
      if (heavy && teacherPass && !teacherPass.complete) await teacherPass.advance(run, TEACHER_CHUNK, available);
      if (teacherPass?.complete && run.teacherMetrics === null) run.teacherMetrics = teacherPass.teacher();
      const [dist, losses] = await Promise.all([run.distributions(digits.images), run.readLosses()]);
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
      const p = pass;
      return {
        lab: 'mnist',
        knobs: run.currentKnobs,
        losses,
        mnist: {
          teacher: toErrors(run.teacherMetrics ?? teacherPass!.teacher()!),
          students: p.students().map((m, i) => ({ ...ids[i]!, test: toErrors(m) })),
          digits: readout,
          biasCorrection: p.biasCorrected,
          evaluation: { done: p.done, total, fromStep: p.fromStep },
        },
      };
    },
    // Only while there is something to measure now: a test set still arriving is measured as it comes.
    refining: () => pass !== null && (stale || pass.canAdvance(arrived())),
    diverged: (r) => run.step > 0 && r.losses.some((l) => bad(l.total)),
    input(name, payload) {
      if (name !== 'digits') throw new RangeError(`The MNIST lab takes no input "${name}".`);
      digits = digitsPayload(payload);
      digitsFromTest = true;
    },
    info: () => ({
      lab: 'mnist',
      teacher: {
        name: loaded.card.name,
        architecture: loaded.card.architecture,
        parameters: loaded.card.parameters,
        testErrors: loaded.card.testErrors,
        testImages: loaded.card.testImages,
      },
      students: students(),
      transfer: { size: run.transferIndices.length, digitsLeftOut: digitsLeftOut(e.transfer) },
    }),
    sizes: () => ({ teacherParameters: loaded.card.parameters, studentParameters: [...run.studentParameters] }),
  } satisfies LabRunRest<MnistReadoutFields, MnistInfo>);
}

export function mnistWorker(loaders: MnistLoaders): LabWorker<MnistExperiment, MnistLoaded, MnistReadoutFields, MnistInfo> {
  return {
    shared: mnistShared,
    loadKey: () => 'mnist',
    async load(_e, ctx) {
      const loaded = await loadingTeacher('MNIST teacher or images', () =>
        loaders.loadMnist((p) => {
          if (p.phase === 'teacher' || p.phase === 'test-images' || p.phase === 'train-images') ctx.progress(p.phase, p.loaded, p.total);
        }),
      );
      checkTeacher(loaded.teacher, { name: 'MNIST', inputs: MNIST_PIXELS, outputs: MNIST_CLASSES, units: ['pixels', 'digits'] });
      return { ...loaded, dispose: () => loaded.teacher.dispose() };
    },
    createRun: (e, loaded) => wrap(new MnistRun(e, loaded.teacher, { train: loaded.train, test: loaded.test }), e, loaded),
  };
}
