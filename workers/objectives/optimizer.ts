/**
 * Students' optimizers, shared by every lab's run: creating one, and applying the live optimizer
 * knobs (a new optimizer restarts its state; a new learning rate keeps Adam's moment estimates).
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../../src/state/common';
import { FusedAdamOptimizer } from './fused-adam';

/** What a student keeps of its optimizer. */
export interface Optimized {
  optimizer: tf.Optimizer;
  optimizerName: OptimizerName;
}

export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  // tfjs's Adam, fused into one pass per variable on WebAssembly (fused-adam.ts).
  return name === 'adam' ? new FusedAdamOptimizer(learningRate) : tf.train.sgd(learningRate);
}

/** A fresh optimizer state for a student, as the `Optimized` fields. */
export function optimized(name: OptimizerName, learningRate: number): Optimized {
  return { optimizer: makeOptimizer(name, learningRate), optimizerName: name };
}

/** Change the learning rate in place, keeping Adam's moment estimates. */
export function setLearningRate(optimizer: tf.Optimizer, name: OptimizerName, learningRate: number): void {
  if (name === 'sgd') (optimizer as tf.SGDOptimizer).setLearningRate(learningRate);
  // Adam reads this field on every update; tfjs exposes no setter for it.
  else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}

/** Apply the optimizer knobs to every student: a changed optimizer is rebuilt, a changed learning rate set in place. */
export function retune(students: Iterable<Optimized>, knobs: { optimizer: OptimizerName; learningRate: number }): void {
  for (const s of students) {
    if (s.optimizerName !== knobs.optimizer) {
      s.optimizer.dispose();
      s.optimizer = makeOptimizer(knobs.optimizer, knobs.learningRate);
      s.optimizerName = knobs.optimizer;
    } else {
      setLearningRate(s.optimizer, s.optimizerName, knobs.learningRate);
    }
  }
}
