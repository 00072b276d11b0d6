/**
 * `--bench` of models/mnist/train-teacher.ts: checks that both gradient paths give the same
 * gradients, then times training steps on each. Writes nothing.
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../src/shared/random';
import type { MnistSet } from './dataset';
import { MNIST_PIXELS } from './teacher';
import { fillBatch } from './train-data';
import { trainingLogits } from './train-dense';
import { buildMnistTeacher, ScheduledAdam, stepOnce } from './train-loop';
import { CLASSES, type GradientPath, type Recipe } from './train-recipe';

/** Times training steps on both gradient paths (same data) and checks they agree. */
export async function bench(train: MnistSet, recipe: Recipe): Promise<Record<GradientPath, number>> {
  const x = new Float32Array(recipe.batchSize * MNIST_PIXELS);
  const y = new Int32Array(recipe.batchSize);
  const order = Array.from({ length: recipe.batchSize }, (_, i) => i);
  fillBatch(train, order, 0, recipe.batchSize, 0, mulberry32(1), x, y);
  const noDropout = { ...recipe, dropout: 0, inputDropout: 0 };

  // Same gradients both ways (dropout off so the masks cannot differ).
  const model = buildMnistTeacher(recipe.dropout, recipe.inputDropout);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const grads = (path: GradientPath) =>
    tf.variableGrads(() => {
      const xs = tf.tensor2d(x, [recipe.batchSize, MNIST_PIXELS]);
      const ys = tf.oneHot(tf.tensor1d(y, 'int32'), CLASSES);
      return tf.losses.softmaxCrossEntropy(ys, trainingLogits(model, xs, noDropout, path, 0)) as tf.Scalar;
    }, variables);
  const a = grads('builtin');
  const b = grads('custom');
  let worst = 0;
  for (const name of Object.keys(a.grads)) {
    const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a.grads[name]!, b.grads[name]!))).div(tf.max(tf.abs(a.grads[name]!)).add(1e-12)));
    worst = Math.max(worst, (await d.data())[0]!);
    d.dispose();
  }
  tf.dispose([a.value, b.value, ...Object.values(a.grads), ...Object.values(b.grads)]);
  console.log(`gradients agree: max relative |Δ| = ${worst.toExponential(2)}`);
  if (!(worst < 1e-3)) throw new Error('custom gradients differ from tfjs’s own');

  const result = {} as Record<GradientPath, number>;
  for (const path of ['builtin', 'custom'] as GradientPath[]) {
    const optimizer = new ScheduledAdam(recipe.learningRate, 0.9, 0.999, 1e-7);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const loss = stepOnce(model, optimizer, variables, x, y, recipe.batchSize, recipe, path, i);
      await loss.data();
      loss.dispose();
      if (i >= 2) times.push(performance.now() - t0);
    }
    optimizer.dispose();
    times.sort((p, q) => p - q);
    result[path] = times[Math.floor(times.length / 2)]!;
    const flops = 6 * recipe.batchSize * (MNIST_PIXELS * 1200 + 1200 * 1200 + 1200 * 10);
    console.log(
      `${path.padEnd(7)} gradients: median ${result[path].toFixed(0)} ms/step (batch ${recipe.batchSize}, ` +
        `${(flops / result[path] / 1e6).toFixed(1)} GFLOP/s; min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)})`,
    );
  }
  model.dispose();
  return result;
}
