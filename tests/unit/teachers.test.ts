import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mlpParameterCount } from '../../src/state/common';
import { DATASETS, DATASET_CLASSES } from '../../src/labs/toy2d/shared/schema';
import { loadTeacherFromDisk } from '../../models/toy2d/load-node';
import { TOY2D_TEACHER_HIDDEN } from '../../models/mlp';
import { TEACHER_DATA_SEED, TOY2D_TEACHER_ARCHITECTURE } from '../../models/toy2d/teacher';
import { testSet } from '../../src/labs/toy2d/shared/datasets';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

describe.each(DATASETS)('%s teacher', (name) => {
  it('loads from disk, matches its card, and frees every tensor on dispose', async () => {
    const before = tf.memory().numTensors;
    const { model, card } = await loadTeacherFromDisk(name);
    const classes = DATASET_CLASSES[name];

    expect(card.dataset).toBe(name);
    expect(card.lab).toBe('toy2d');
    expect(card.classes).toBe(classes);
    expect(card.architecture).toBe(TOY2D_TEACHER_ARCHITECTURE);
    expect(card.training.dataSeed).toBe(TEACHER_DATA_SEED);
    expect(model.trainable).toBe(false);
    expect(model.inputs[0]!.shape).toEqual([null, 2]);
    expect(model.outputs[0]!.shape).toEqual([null, classes]);
    expect(model.countParams()).toBe(card.parameters);
    expect(card.parameters).toBe(mlpParameterCount(2, TOY2D_TEACHER_HIDDEN, classes));

    const data = testSet(name, 1);
    const correct = tf.tidy(() => {
      const logits = model.predict(tf.tensor2d(data.x, [data.count, 2])) as tf.Tensor2D;
      return tf.equal(tf.argMax(logits, 1), tf.tensor1d(data.y, 'int32')).sum();
    });
    const accuracy = (await correct.data())[0]! / data.count;
    correct.dispose();
    // Trained on wasm, checked on cpu: a point or two on a boundary may flip, no more.
    expect(Math.abs(accuracy - card.testAccuracy)).toBeLessThanOrEqual(0.005);

    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
