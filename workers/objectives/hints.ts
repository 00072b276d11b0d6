/**
 * FitNets (Romero et al. 2015): a student's guided hidden layer is mapped by a learned regressor
 * onto a teacher's hint layer, and the student learns to make the two match.
 *
 *   hint loss = mean over the batch and the teacher's units of (r(h_student) − h_teacher)²
 *   r(v) = v · W + b   (a dense layer, student units → teacher units, no activation)
 *
 * Scaling: FitNets writes ½‖u_h − r(v_g)‖² per example. We divide by the number of teacher units
 * (and drop the ½), so the value is a per-unit mean squared error: it does not grow with the
 * teacher's width, and a hint weight of about 1 puts it on the scale of the cross-entropy for
 * ReLU activations of order 1. FitNets' form = (teacher units / 2) × ours.
 *
 * The regressor is linear: the teacher's hint layer is post-ReLU (≥ 0), and a linear map can still
 * fit it while never killing a gradient (FitNets used the teacher's non-linearity; with a ReLU
 * regressor dead units stop the hint signal for good).
 */
import * as tf from '@tensorflow/tfjs';

/** Per-unit mean squared error between the regressed student features and the teacher's hint. */
export function hintLoss(regressed: tf.Tensor2D, teacherHidden: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.squaredDifference(regressed, teacherHidden)) as tf.Scalar);
}

export interface HintRegressor {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** A dense regressor student units → teacher units, Glorot-uniform from `seed`, zero bias. */
export function createRegressor(studentUnits: number, teacherUnits: number, seed: number): HintRegressor {
  return tf.tidy(() => {
    const init = tf.initializers.glorotUniform({ seed });
    return {
      kernel: tf.variable(init.apply([studentUnits, teacherUnits]) as tf.Tensor2D, true),
      bias: tf.variable(tf.zeros([teacherUnits]), true),
    };
  });
}

/** r(v) = v · W + b. */
export function regress(studentHidden: tf.Tensor2D, r: HintRegressor): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(studentHidden, r.kernel as tf.Tensor2D), r.bias) as tf.Tensor2D);
}

export function disposeRegressor(r: HintRegressor): void {
  r.kernel.dispose();
  r.bias.dispose();
}
