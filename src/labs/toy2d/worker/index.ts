/**
 * The 2-D lab's worker face: loads a data set's teacher (one per data set, kept while the backend
 * lasts), checks its shape, and wraps `Toy2dRun` as the engine's `LabRun`. Probe points are the
 * lab's input (`input('probes', Float32Array)`), and a run of the same data set keeps them.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelCard } from '../../../../models/toy2d/teacher';
import { steppingOf, type LabRunRest } from '../../../../workers/lab-run';
import { checkTeacher, loadingTeacher } from '../../../../workers/teacher-check';
import { DATASET_CLASSES, type DatasetName, type ExperimentConfig } from '../shared/schema';
import type { LabRun, LabWorker, Loaded } from '../../types';
import { DEFAULT_PROBES } from '../shared/datasets';
import { toy2dShared } from '../shared/lab';
import type { Toy2dInfo, Toy2dReadout } from '../shared/readouts';
import { Toy2dRun } from './run';

export interface Toy2dLoaders {
  /** A data set's teacher and model card (browser: our build's files; Node: the disk). */
  loadTeacher(dataset: DatasetName): Promise<{ model: tf.LayersModel; card: ModelCard }>;
}

interface Toy2dLoaded extends Loaded {
  model: tf.LayersModel;
  card: ModelCard;
}

const bad = (v: number) => Number.isNaN(v) || !Number.isFinite(v);

/** What a next run keeps: the probe points, while the data set stays the same. */
interface Carried {
  dataset: DatasetName;
  probes: Float32Array;
}

function probesPayload(payload: unknown): Float32Array {
  const points = payload instanceof Float32Array ? payload : null;
  if (!points || points.length < 2 || points.length % 2 !== 0 || points.some((v) => !Number.isFinite(v))) {
    throw new RangeError('Probe points must be finite (x, y) pairs.');
  }
  return Float32Array.from(points);
}

function wrap(run: Toy2dRun, e: ExperimentConfig, loaded: Toy2dLoaded, probes: Float32Array): LabRun<Toy2dReadout, Toy2dInfo> {
  let points = probes;
  return Object.assign(steppingOf(run), {
    configure: (patch) => run.configure(patch),
    async readout(heavy) {
      const [teacher, metrics, probeReadout, trainLoss] = await Promise.all([
        run.teacherMetrics(),
        run.studentMetrics(),
        run.probeReadout(),
        run.readLosses(),
      ]);
      const readout: Toy2dReadout = {
        lab: 'toy2d',
        knobs: run.currentKnobs,
        teacher,
        student: metrics.student,
        labelsOnly: metrics.labelsOnly,
        trainLoss,
        probes: probeReadout,
      };
      if (heavy) readout.regions = await run.studentRegions();
      return readout;
    },
    diverged: (r) => bad(r.trainLoss.total) || bad(r.student.klToTeacher) || (r.labelsOnly !== null && bad(r.labelsOnly.hardLoss)),
    input(name, payload) {
      if (name !== 'probes') throw new RangeError(`The 2-D lab takes no input "${name}".`);
      points = probesPayload(payload);
      run.setProbes(points);
    },
    async info() {
      return {
        lab: 'toy2d',
        dataset: { name: e.dataset, classes: run.classes, train: run.trainPoints(), test: run.testPoints() },
        teacher: {
          name: loaded.card.name,
          architecture: loaded.card.architecture,
          parameters: loaded.card.parameters,
          trainAccuracy: loaded.card.trainAccuracy,
          testAccuracy: loaded.card.testAccuracy,
          regions: await run.teacherRegions(),
        },
        studentParameters: run.studentParameters,
      };
    },
    sizes: () => ({
      teacherParameters: loaded.card.parameters,
      studentParameters: e.labelsOnly ? [run.studentParameters, run.studentParameters] : [run.studentParameters],
    }),
    carry: (): Carried => ({ dataset: e.dataset, probes: points }),
  } satisfies LabRunRest<Toy2dReadout, Toy2dInfo>);
}

export function toy2dWorker(loaders: Toy2dLoaders): LabWorker<ExperimentConfig, Toy2dLoaded, Toy2dReadout, Toy2dInfo> {
  return {
    shared: toy2dShared,
    loadKey: (e) => e.dataset,
    async load(e, ctx) {
      ctx.progress('teacher', 0, null);
      const { model, card } = await loadingTeacher(`${e.dataset} teacher`, () => loaders.loadTeacher(e.dataset));
      checkTeacher(model, { name: e.dataset, inputs: 2, outputs: DATASET_CLASSES[e.dataset], units: ['inputs', 'classes'] });
      return { model, card, dispose: () => model.dispose() };
    },
    createRun(e, loaded, carried) {
      const kept = carried as Carried | null;
      const probes = kept && kept.dataset === e.dataset ? kept.probes : new Float32Array(DEFAULT_PROBES[e.dataset].flat());
      return wrap(new Toy2dRun(e, loaded.model, probes), e, loaded, probes);
    },
  };
}
