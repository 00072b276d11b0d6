/**
 * One gate for every teacher, whatever the lab: the file the worker loaded (ours, or one a user
 * uploads) must map the lab's inputs to its outputs. Labs call `checkTeacher` in their `load`.
 */
import type * as tf from '@tensorflow/tfjs';

/** A teacher that could not be loaded or does not fit the lab; the engine reports it as `teacher-load-failed`. */
export class TeacherLoadError extends Error {
  override name = 'TeacherLoadError';
}

export interface TeacherShape {
  /** Readable name for messages, e.g. "spiral" or "MNIST". */
  name: string;
  inputs: number;
  outputs: number;
  /** Words for the units, e.g. ["inputs", "classes"] or ["pixels", "digits"]. */
  units: [string, string];
}

/** The last dimension of a layers model's first input and output. */
function lastDim(shape: readonly (number | null)[] | undefined): number | null {
  return shape ? (shape[shape.length - 1] ?? null) : null;
}

/** Throws a readable `TeacherLoadError` (and frees the model) unless it maps `inputs` to `outputs`. */
export function checkTeacher(model: tf.LayersModel, want: TeacherShape): void {
  const inputs = lastDim(model.inputs[0]?.shape);
  const outputs = lastDim(model.outputs[0]?.shape);
  if (inputs === want.inputs && outputs === want.outputs) {
    model.trainable = false;
    return;
  }
  model.dispose();
  throw new TeacherLoadError(
    `The ${want.name} teacher file does not fit this lab: it should map ${want.inputs} ${want.units[0]} to ${want.outputs} ${want.units[1]}, but maps ${String(inputs)} to ${String(outputs)}.`,
  );
}

/** Runs a lab's loader, turning any failure into a `TeacherLoadError` that names what failed. */
export async function loadingTeacher<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TeacherLoadError) throw error;
    throw new TeacherLoadError(`Could not load the ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
