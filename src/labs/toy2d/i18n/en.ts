/**
 * The 2-D lab's own strings, in English: its panel, controls, probe bars, maps and curves. The
 * page's shared strings are in src/i18n/en.ts; a translation of this lab is one more file of this
 * shape (`Toy2dMessages`), set with `setToy2dMessages`.
 */
import type { DatasetName } from '../shared/schema';

export const toy2dEn = {
  title: '2-D toy data sets',

  panel: {
    summary: (p: {
      teacherArchitecture: string;
      teacherParameters: string;
      teacherAccuracy: string;
      studentArchitecture: string;
      studentParameters: string;
      ratio: string;
    }): string =>
      `Teacher: ${p.teacherArchitecture} (${p.teacherParameters} parameters, ${p.teacherAccuracy} test accuracy). Student: ${p.studentArchitecture} (${p.studentParameters} parameters, ${p.ratio}\u00d7 smaller).`,
    regionsTitle: 'What each model predicts',
    regionsHint:
      'Colour shows the predicted class, faded where the model is unsure; markers are the training points. Numbered rings are the probe points below: click a map to move the selected one.',
    logitsTitle: 'Output distributions at the probe points',
    logitsHint:
      'Bars are class probabilities. Top row: softened at temperature T, what the student is trained to match. Bottom row: at T = 1, what each model actually predicts. KL measures how far each student is from the teacher (0 = identical).',
    chartTitle: 'Training curves (test set)',
  },

  controls: {
    dataset: 'Data set',
    datasetHelp: 'The 2-D points both networks learn to classify. Changing it starts a new run.',
    datasetNames: {
      spiral: 'Spiral',
      moons: 'Two moons',
      circles: 'Circles',
      clusters: 'Clusters',
    } satisfies Record<DatasetName, string>,
    datasetOption: (name: string, classes: number): string => `${name} (${classes} classes)`,
  },

  logits: {
    title: 'Output probabilities at the probe points',
    probe: (index: number): string => `Probe ${index + 1}`,
    probeAt: (x: string, y: string): string => `at (${x}, ${y})`,
    selectProbe: (index: number): string => `Select probe ${index + 1}`,
    atT: (temperature: string): string => `At T = ${temperature}`,
    atOne: 'At T = 1',
    klLine: 'KL to teacher:',
    klStudent: 'student',
    klLabelsOnly: 'labels-only',
    empty: 'No probe points yet.',
    tableCaption: (index: number, temperature: string): string =>
      `Probe ${index + 1}: probabilities at T = ${temperature}`,
    modelHeader: 'Model',
  },

  regions: {
    title: 'Decision regions',
    teacher: 'Teacher',
    student: 'Student',
    labelsOnly: 'Labels-only',
    waiting: 'Waiting for the first readout…',
    probeKey: 'Probe points',
    probeKeyHelp: 'Click a map to move the selected probe.',
    mapLabel: (model: string, classes: number): string =>
      `${model} decision regions, ${classes} classes. Click, or use the arrow keys and Enter, to move the selected probe.`,
    crosshair: (x: string, y: string): string => `Crosshair at x ${x}, y ${y}. Press Enter to move the probe here.`,
    picked: (x: string, y: string): string => `Probe moved to x ${x}, y ${y}.`,
  },

  lossChart: {
    title: 'Training curves',
    kl: 'KL(teacher ‖ model), nats',
    hardLoss: 'Hard-label loss (test), nats',
    accuracy: 'Test accuracy',
    trainLoss: 'Training loss (the distillation objective, last batch), nats',
    stepAxis: 'Step',
    latest: 'Latest:',
    chartLabel: (title: string): string => `Chart: ${title} against training step`,
    noData: 'No data yet.',
  },
};

export type Toy2dMessages = typeof toy2dEn;
