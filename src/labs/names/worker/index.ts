/**
 * The names lab's worker face: loads the teacher (checked: 8 × 27 one-hot in, 27 logits out) and
 * the corpus once per backend (with the teacher's answers on the validation set, shared by every
 * run), and wraps `NamesRun` as the engine's `LabRun`. The typed prefix is
 * the lab's input (`input('prefix', 'mar')`), and a next run keeps it.
 */
import type * as tf from '@tensorflow/tfjs';
import type { NamesCorpus } from '../shared/corpus';
import type { NamesModelCard } from '../../../../models/names/teacher';
import { steppingOf, type LabRunRest } from '../../../../workers/lab-run';
import { TeacherLoadError, loadingTeacher } from '../../../../workers/teacher-check';
import type { LabRun, LabWorker, Loaded } from '../../types';
import { CONTEXT, VOCAB } from '../shared/corpus';
import { namesData, type NamesData } from '../shared/data';
import { namesShared } from '../shared/lab';
import { perplexity } from '../shared/lm-math';
import type { NamesInfo, NamesReadout } from '../shared/readouts';
import { isPrefix, type NamesExperiment } from '../shared/schema';
import { NamesRun } from './run';
import { TeacherAnswers } from './teacher-answers';

export interface NamesLoaders {
  loadTeacher(): Promise<{ model: tf.LayersModel; card: NamesModelCard }>;
  loadCorpus(): Promise<NamesCorpus>;
}

interface NamesLoaded extends Loaded {
  model: tf.LayersModel;
  card: NamesModelCard;
  data: NamesData;
  /** The teacher's answers on the validation set and its sample streams, shared by every run. */
  answers: TeacherAnswers;
}

const bad = (v: number) => !Number.isFinite(v);

/** The teacher reads `[rows, 8, 27]` and writes 27 logits; anything else is not this lab's teacher. */
function checkNamesTeacher(model: tf.LayersModel): void {
  const input = model.inputs[0]?.shape ?? [];
  const output = model.outputs[0]?.shape ?? [];
  if (input.length !== 3 || input[1] !== CONTEXT || input[2] !== VOCAB || output.length !== 2 || output[1] !== VOCAB) {
    model.dispose();
    throw new TeacherLoadError(`The names teacher file does not fit this lab: it must read [rows, ${CONTEXT}, ${VOCAB}] and write ${VOCAB} logits; it reads [${input.join(', ')}] and writes [${output.join(', ')}]`);
  }
}

function wrap(run: NamesRun, e: NamesExperiment, loaded: NamesLoaded): LabRun<NamesReadout, NamesInfo> {
  return Object.assign(steppingOf(run), {
    configure: (patch) => run.configure(patch),
    async readout(heavy) {
      if (run.evaluatedAt < 0 || (heavy && run.evaluatedAt !== run.step)) await run.evaluate();
      const [students, prefix] = await Promise.all([run.studentReadouts(), run.prefixDistributions()]);
      const bigram = loaded.data.bigramValidationNll;
      return {
        lab: 'names',
        knobs: run.currentKnobs,
        evaluatedAt: run.evaluatedAt,
        teacher: run.teacherFigures(),
        bigram: { nll: bigram, perplexity: perplexity(bigram) },
        students,
        prefix: { text: run.prefix, ...prefix },
      };
    },
    diverged: (r) => r.students.some((s) => (run.step > 0 && bad(s.trainLoss)) || bad(s.validation.nll)),
    input(name, payload) {
      if (name !== 'prefix') throw new RangeError(`The names lab takes no input "${name}".`);
      if (!isPrefix(payload)) throw new RangeError('A prefix is up to 15 letters a–z.');
      run.setPrefix(payload);
    },
    info: () => ({
      lab: 'names',
      teacher: {
        architecture: loaded.card.architecture,
        parameters: loaded.card.parameters,
        trainNll: loaded.card.teacher.train.nll,
        validationNll: loaded.card.teacher.validation.nll,
        testNll: loaded.card.teacher.test.nll,
        bigramValidationNll: loaded.data.bigramValidationNll,
      },
      corpus: {
        source: loaded.data.corpus.source,
        train: loaded.data.corpus.train.length,
        validation: loaded.data.corpus.validation.length,
        test: loaded.data.corpus.test.length,
      },
      studentParameters: run.studentParameters,
    }),
    sizes: () => ({ teacherParameters: loaded.card.parameters, studentParameters: e.students.map(() => run.studentParameters) }),
    carry: () => ({ prefix: run.prefix }),
  } satisfies LabRunRest<NamesReadout, NamesInfo>);
}

export function namesWorker(loaders: NamesLoaders): LabWorker<NamesExperiment, NamesLoaded, NamesReadout, NamesInfo> {
  return {
    shared: namesShared,
    loadKey: () => 'names',
    async load(_e, ctx) {
      ctx.progress('teacher', 0, null);
      const [{ model, card }, corpus] = await Promise.all([loadingTeacher('names teacher', () => loaders.loadTeacher()), loaders.loadCorpus()]);
      checkNamesTeacher(model);
      const data = namesData(corpus);
      const answers = new TeacherAnswers(model, data);
      return {
        model,
        card,
        data,
        answers,
        dispose: () => {
          answers.dispose();
          model.dispose();
        },
      };
    },
    createRun(e, loaded, carried) {
      const run = new NamesRun(e, loaded.model, loaded.data, { queryBudget: e.budget }, loaded.answers);
      const kept = (carried as { prefix?: unknown } | null)?.prefix;
      if (isPrefix(kept)) run.setPrefix(kept);
      return wrap(run, e, loaded);
    },
  };
}
