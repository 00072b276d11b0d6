/**
 * Quantizes the float32 MNIST teacher (`models/mnist/teacher-float32/`, what `train-teacher.ts`
 * writes) into the teacher the lab ships (`models/mnist/teacher/`), in the tfjs layers format's
 * own weight quantization, which `tf.loadLayersModel` reads as it is:
 *
 *   npx tsx models/mnist/quantize-teacher.ts        # also run by train-teacher.ts after training
 *
 * Each tensor is stored as uint8, affine per tensor (value = q · scale + min, `quantization` in
 * the weights manifest). Kernels use 16 levels (q in 0–15, "4-bit in a byte"), biases all 256:
 * small integers gzip to ~3 bits each, so `weights.bin.gz` (what the browser fetches and inflates
 * with `DecompressionStream`) is ~0.95 MB against 9.58 MB of float32, and the test errors stay
 * within 10 of the float teacher's (measured here on the 10,000 test images, written on the card;
 * the script fails otherwise). Deterministic: the same float weights give the same bytes.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { LAYERS_MODEL_FILE, LAYERS_WEIGHTS_FILE, MODEL_CARD_FILE, loadLayersModelFromDir, loadTeacherFolder, type LayersModelJson } from '../layers-format';
import { selectNodeBackend } from '../node-backend';
import { loadFullTrainingSet, loadTestSet } from './load-node';
import { MNIST_TEACHER_DIR, MNIST_TEACHER_FLOAT_DIR, MNIST_TEACHER_GZIP_FILE, type MnistTeacherCard, type MnistTeacherQuantization } from './teacher';
import { evaluateSet } from './train-evaluate';
import { MNIST_TEST_COUNT } from './dataset';

/** Levels per tensor: kernels 16 (4 bits), biases 256. */
export const KERNEL_LEVELS = 16;
export const BIAS_LEVELS = 256;
/** The quantized teacher may make at most this many more test errors than the float one. */
export const MAX_EXTRA_ERRORS = 10;

const FLOAT_DIR = new URL(`../${MNIST_TEACHER_FLOAT_DIR}/`, import.meta.url);
const OUT_DIR = new URL(`../${MNIST_TEACHER_DIR}/`, import.meta.url);

/** Affine uint8 quantization of one tensor onto `levels` levels between its min and max. */
export function quantizeAffine(values: Float32Array, levels: number): { bytes: Uint8Array; min: number; scale: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = max > min ? (max - min) / (levels - 1) : 1;
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) bytes[i] = Math.min(levels - 1, Math.max(0, Math.round((values[i]! - min) / scale)));
  return { bytes, min, scale };
}

/** Quantizes a float32 layers-format folder's manifest and weight bytes. */
export function quantizeWeights(json: LayersModelJson, weights: ArrayBuffer): { json: LayersModelJson; bytes: Uint8Array } {
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const parts: Uint8Array[] = [];
  let offset = 0;
  const quantized = specs.map((spec) => {
    if (spec.dtype !== 'float32' || spec.quantization) throw new Error(`${spec.name}: expected plain float32 weights`);
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(weights, offset, n);
    offset += n * 4;
    const { bytes, min, scale } = quantizeAffine(values, spec.shape.length > 1 ? KERNEL_LEVELS : BIAS_LEVELS);
    parts.push(bytes);
    return { ...spec, quantization: { dtype: 'uint8' as const, min, scale } };
  });
  if (offset !== weights.byteLength) throw new Error(`manifest covers ${offset} of ${weights.byteLength} weight bytes`);
  const bytes = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { json: { ...json, weightsManifest: [{ paths: [LAYERS_WEIGHTS_FILE], weights: quantized }] }, bytes };
}

async function main(): Promise<void> {
  const backend = await selectNodeBackend();
  const json = JSON.parse(await readFile(new URL(LAYERS_MODEL_FILE, FLOAT_DIR), 'utf8')) as LayersModelJson;
  const floatBytes = await readFile(new URL(LAYERS_WEIGHTS_FILE, FLOAT_DIR));
  const { json: qJson, bytes } = quantizeWeights(json, floatBytes.buffer.slice(floatBytes.byteOffset, floatBytes.byteOffset + floatBytes.byteLength) as ArrayBuffer);
  // level 9, no file name, mtime 0: the same weights give the same bytes.
  const gz = gzipSync(bytes, { level: 9 });
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(new URL(LAYERS_MODEL_FILE, OUT_DIR), JSON.stringify(qJson));
  await writeFile(new URL(LAYERS_WEIGHTS_FILE, OUT_DIR), bytes);
  await writeFile(new URL(MNIST_TEACHER_GZIP_FILE, OUT_DIR), gz);

  const [test, train] = await Promise.all([loadTestSet(), loadFullTrainingSet()]);
  const float = await loadTeacherFolder<MnistTeacherCard>(FLOAT_DIR);
  const quant = { model: await loadLayersModelFromDir(OUT_DIR) };
  const onTest = await evaluateSet(quant.model, test);
  const onTrain = await evaluateSet(quant.model, train);
  // How far the quantized logits move: top-1 agreement and mean |Δlogit| on the test set.
  const x = tf.tensor2d(Float32Array.from(test.images, (p) => p / 255), [test.count, 784]);
  const [agree, meanDelta] = tf.tidy(() => {
    const a = float.model.predict(x) as tf.Tensor2D;
    const b = quant.model.predict(x) as tf.Tensor2D;
    return [tf.equal(tf.argMax(a, 1), tf.argMax(b, 1)).sum(), tf.mean(tf.abs(tf.sub(a, b)))];
  });
  const agreement = (await agree.data())[0]! / test.count;
  const meanAbsLogitDifference = (await meanDelta.data())[0]!;
  tf.dispose([x, agree, meanDelta]);
  float.model.dispose();
  quant.model.dispose();

  const floatCard = float.card;
  const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const quantization: MnistTeacherQuantization = {
    scheme: `uint8 affine per tensor (tfjs layers-format weight quantization: value = q · scale + min); kernels on ${KERNEL_LEVELS} levels (q 0–${KERNEL_LEVELS - 1}), biases on ${BIAS_LEVELS}`,
    source: `models/${MNIST_TEACHER_FLOAT_DIR} (float32, ${floatBytes.byteLength} bytes)`,
    floatTestErrors: floatCard.testErrors,
    floatTrainErrors: floatCard.trainErrors,
    weightBytes: bytes.byteLength,
    gzipBytes: gz.byteLength,
    top1AgreementWithFloat: round4(agreement),
    meanAbsLogitDifference: round4(meanAbsLogitDifference),
    backend,
    command: 'npx tsx models/mnist/quantize-teacher.ts',
  };
  const card: MnistTeacherCard = {
    ...floatCard,
    name: `${floatCard.name}-q`,
    trainError: round4(onTrain.errors / train.count),
    trainErrors: onTrain.errors,
    testError: round4(onTest.errors / test.count),
    testErrors: onTest.errors,
    testImages: MNIST_TEST_COUNT,
    meanMaxProbability: round4(onTest.meanMaxProbability),
    meanLogitMargin: round4(onTest.meanLogitMargin),
    maxLogitMargin: round4(onTest.maxLogitMargin),
    quantization,
  };
  await writeFile(new URL(MODEL_CARD_FILE, OUT_DIR), `${JSON.stringify(card, null, 2)}\n`);
  console.log(
    `wrote ${fileURLToPath(OUT_DIR)}: weights.bin ${bytes.byteLength} bytes, ${MNIST_TEACHER_GZIP_FILE} ${gz.byteLength} bytes; ` +
      `test errors ${onTest.errors} (float ${floatCard.testErrors}), train errors ${onTrain.errors} (float ${floatCard.trainErrors}), ` +
      `top-1 agreement ${(agreement * 100).toFixed(2)} %, mean |Δlogit| ${meanAbsLogitDifference.toFixed(4)}`,
  );
  if (onTest.errors > floatCard.testErrors + MAX_EXTRA_ERRORS) {
    throw new Error(`quantized teacher makes ${onTest.errors} test errors, more than ${MAX_EXTRA_ERRORS} above the float teacher's ${floatCard.testErrors}`);
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) await main();
export { main as quantizeMnistTeacher };
