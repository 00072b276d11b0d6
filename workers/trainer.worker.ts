/** The trainer worker: a few lines that put the trainer behind comlink (Squoosh's bridge pattern). */
import { expose, transfer } from 'comlink';
import { loadMnistInBrowser } from './mnist-loader';
import { loadTeacherInBrowser } from './teacher-loader';
import { createTrainer } from './trainer';
import type { Snapshot, TrainerApi, TrainerListener } from './trainer-api';
import { wasmPaths } from './wasm-paths';

/** Every typed array of a snapshot moves to the page instead of being copied. */
function buffersOf(s: Snapshot): ArrayBuffer[] {
  const arrays: (ArrayBufferView | null | undefined)[] = [];
  if (s.lab === 'toy2d') {
    const p = s.probes;
    arrays.push(p.points, p.teacherAtT, p.studentAtT, p.labelsOnlyAtT, p.teacherAt1, p.studentAt1, p.labelsOnlyAt1, p.klStudent, p.klLabelsOnly);
    if (s.regions) {
      arrays.push(s.regions.student.argmax, s.regions.student.confidence);
      if (s.regions.labelsOnly) arrays.push(s.regions.labelsOnly.argmax, s.regions.labelsOnly.confidence);
    }
  } else {
    const d = s.mnist.digits;
    arrays.push(d.images, d.labels, d.teacherAtT, d.teacherAt1, ...d.students.flatMap((x) => [x.atT, x.at1]));
    arrays.push(s.mnist.teacher.confusion, ...s.mnist.students.map((x) => x.test.confusion));
  }
  return [...new Set(arrays.filter((a): a is ArrayBufferView => !!a).map((a) => a.buffer as ArrayBuffer))];
}

const trainer = createTrainer({ loadTeacher: loadTeacherInBrowser, loadMnist: loadMnistInBrowser, wasmPaths });

const api: TrainerApi = {
  ...trainer,
  init(config, backend, listener) {
    const transferring: TrainerListener = {
      snapshot: (s) => void listener.snapshot(transfer(s, buffersOf(s))),
      error: (e) => void listener.error(e),
      backend: (b) => void listener.backend(b),
      progress: (p) => void listener.progress(p),
    };
    // The page's listener is already a comlink proxy; this local wrapper only adds transfers.
    return trainer.init(config, backend, transferring);
  },
};

expose(api);
