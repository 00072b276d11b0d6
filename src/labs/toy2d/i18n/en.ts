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
    labelled: 'Labelled points',
    labelledHelp:
      'How many training points come with their true label. The labels-only student learns from these alone; the distilled student also gets the teacher’s answers on all 600 points, as a student with access to a teacher (or its API) would. Changing it starts a new run.',
    labelledOption: (n: string, perClass: string, all: boolean): string => (all ? `All ${n}` : `${n} (${perClass} per class)`),
  },

  gain: {
    noLabelsOnly: 'Turn on the labels-only student (Distillation settings) to see what the teacher adds.',
    beforeFirstStep: 'Press Play: the difference shows here after the first steps.',
    points: (value: string): string => `${value} points`,
    accuracyLabel: 'test accuracy',
    accuracyDetail: (distilled: string, labels: string): string => `${distilled} vs ${labels}`,
    klSmaller: (times: string): string => `${times}\u00d7 closer`,
    klLarger: (times: string): string => `${times}\u00d7 further`,
    klLabel: 'to the teacher',
    klDetail: (distilled: string, labels: string): string => `KL ${distilled} vs ${labels} nats`,
    /** One line per data set: with few labelled points, and with every point labelled. From `npm run bench:sweep` (README). */
    lookFor: {
      spiral: {
        few: 'the labels-only map. From 5 labelled points per arm (big markers) it cuts across the spiral; the distilled student, also given the teacher\u2019s answers on all 600 points, follows the arms within about 300 steps.',
        all: 'KL rather than accuracy: with every point labelled both students reach about 99.8 %, but the distilled one ends about 4\u00d7 closer to the teacher (KL 0.004 vs 0.016 at 1,000 steps).',
      },
      moons: {
        few: 'the gap between the moons. The labels-only border bends wherever the few labelled points happen to lie (88 % with 15 of them); the distilled student follows the teacher\u2019s border (99.4 % within 300 steps).',
        all: 'a tiny student at a high T. With 8 ReLU units and T = 8 the distilled student can stall at a straight line (87 %) while its labels-only twin bends around the moons; at T = 1\u20132 both reach 99 %.',
      },
      circles: {
        few: 'the ring. From few labelled points the labels-only ring comes out lopsided on some seeds (with 10: 89, 78, 99 % on seeds 1\u20133; with 15: 94\u201398 %); the distilled student draws it round, at about 100 %, within 100 steps.',
        all: 'KL: with every point labelled both students reach 100 %, and the teacher\u2019s gain is how sure to be near the ring\u2019s edge (KL 0.000 vs 0.005 at 1,000 steps).',
      },
      clusters: {
        few: 'the overlaps. Where clusters overlap no label is certain: the distilled student copies the teacher\u2019s soft, wide borders (KL 0.003 vs 0.98 nats at 300 steps, 10 labelled), the labels-only student draws sharp ones from a few points.',
        all: 'the faded bands where clusters overlap: both students reach the teacher\u2019s 87\u201389 % accuracy, but only the distilled one learns how unsure to be there (KL 0.002 vs 0.029 at 300 steps).',
      },
    },
    whyBehind: {
      early:
        'early in training the distilled student is matching the teacher\u2019s softened outputs everywhere at once, which can trail plain labels for the first hundred steps or so. Give it a few hundred steps.',
      highT: (temperature: string): string =>
        `at T = ${temperature} the student is pushed to copy the teacher\u2019s large outputs far from any border, and a student this small spends its few units there (Hinton et al. 2015 found T of about 2.5\u20134 best for small students). Try T = 2, or \u03b1 = 0.5.`,
      allLabelled:
        'with every point labelled, the labels already pin the border down: what the teacher adds is how sure to be, which shows as KL more than as accuracy. Fewer labelled points (Data settings) show the accuracy gain.',
      lowAlpha: 'with \u03b1 below 0.5 the distilled student learns mostly from the same labels as the other one, so the teacher has little say.',
      noise: 'differences this small go either way from seed to seed; try another seed.',
    },
  },

  logits: {
    title: 'Output probabilities at the probe points',
    probe: (index: number): string => `Probe ${index + 1}`,
    probeAt: (x: string, y: string): string => `at (${x}, ${y})`,
    selectProbe: (index: number): string => `Select probe ${index + 1}`,
    pickerLabel: 'Probe shown',
    closerNote:
      'Here the labels-only student is closer to the teacher. At a single point either student can be closer while they train; the headline above compares the whole test set.',
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
    probeKey: 'Probes',
    probeKeyHelp: '(click a map to move one)',
    compareLabel: 'Shown beside the teacher',
    compareTab: (model: string): string => model,
    unlabelledKey: 'unlabelled',
    unlabelledKeyHelp: 'A training point without its label: only the teacher answers for it.',
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
