/**
 * The CartPole lab's worker face: loads the teacher (kept while the backend lasts), checks that it
 * maps the 4 state features to 2 action logits, reads its weights once for acting, and wraps
 * `CartpoleRun` as the engine's `LabRun`.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CartpoleModelCard } from '../../../../models/cartpole/teacher';
import { policyOfModel } from '../../../../models/cartpole/teacher-policy';
import { steppingOf, type LabRunRest } from '../../../../workers/lab-run';
import { checkTeacher, loadingTeacher } from '../../../../workers/teacher-check';
import type { LabRun, LabWorker, Loaded } from '../../types';
import { ACTIONS, STATE_SIZE } from '../shared/env';
import { cartpoleShared } from '../shared/lab';
import type { PolicyWeights } from '../shared/policy';
import type { CartpoleInfo, CartpoleReadout } from '../shared/readouts';
import { ENVIRONMENTS, type CartpoleExperiment } from '../shared/schema';
import { CartpoleRun } from './run';

export interface CartpoleLoaders {
  /** The teacher and its model card (browser: our build's files; Node: the disk). */
  loadTeacher(): Promise<{ model: tf.LayersModel; card: CartpoleModelCard }>;
}

interface CartpoleLoaded extends Loaded {
  model: tf.LayersModel;
  card: CartpoleModelCard;
  policy: PolicyWeights;
}

const bad = (v: number) => !Number.isFinite(v);

function wrap(run: CartpoleRun, loaded: CartpoleLoaded): LabRun<CartpoleReadout, CartpoleInfo> {
  return Object.assign(steppingOf(run), {
    configure: (patch) => run.configure(patch),
    async readout() {
      const students = await run.studentReadouts();
      return { lab: 'cartpole', knobs: run.currentKnobs, ...students };
    },
    // Before any update the losses are NaN by design; after one, a NaN means the run blew up.
    diverged: (r) => run.step > 0 && (bad(r.distilled.loss) || bad(r.distilled.klToTeacher) || bad(r.rewardOnly.klToTeacher)),
    input(name) {
      throw new RangeError(`The CartPole lab takes no input "${name}".`);
    },
    info: () => ({
      lab: 'cartpole',
      teacher: {
        name: loaded.card.name,
        architecture: loaded.card.architecture,
        parameters: loaded.card.parameters,
        evaluationReachedCap: loaded.card.evaluationSampled.reachedCap,
        evaluationEpisodes: loaded.card.evaluationSampled.episodes,
        trainingSteps: loaded.card.training.environmentSteps,
        policy: loaded.policy,
      },
      studentParameters: run.studentParameters,
      environments: ENVIRONMENTS,
    }),
    sizes: () => ({ teacherParameters: loaded.card.parameters, studentParameters: [run.studentParameters, run.studentParameters] }),
  } satisfies LabRunRest<CartpoleReadout, CartpoleInfo>);
}

export function cartpoleWorker(loaders: CartpoleLoaders): LabWorker<CartpoleExperiment, CartpoleLoaded, CartpoleReadout, CartpoleInfo> {
  return {
    shared: cartpoleShared,
    loadKey: () => 'teacher',
    async load(_e, ctx) {
      ctx.progress('teacher', 0, null);
      const { model, card } = await loadingTeacher('CartPole teacher', () => loaders.loadTeacher());
      checkTeacher(model, { name: 'CartPole', inputs: STATE_SIZE, outputs: ACTIONS, units: ['state features', 'action logits'] });
      const policy = await policyOfModel(model);
      return { model, card, policy, dispose: () => model.dispose() };
    },
    createRun(e, loaded) {
      return wrap(new CartpoleRun(e, loaded.model, loaded.policy), loaded);
    },
  };
}
