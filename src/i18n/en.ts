/**
 * Every string the widgets show, in English. Components read them through `msg` (see ./index),
 * never as literals, so a translation is one more file of this shape (`Messages`).
 * Templates that need numbers are functions taking already-formatted text.
 */
import type { ActivationName, BackendChoice, DatasetName, OptimizerName } from '../state/experiment';

export const en = {
  /** BCP 47 tag for number formatting. */
  locale: 'en-US',

  units: {
    nats: 'nats',
    examplesPerSecondShort: 'ex/s',
    examplesPerSecond: 'examples/s',
    percent: '%',
    /** Shown where a number is not known yet. */
    missing: '—',
  },

  roles: {
    teacher: 'Teacher',
    student: 'Student',
    labelsOnly: 'Labels-only',
  },
  /** Longer role names for legends and screen readers. */
  roleDescriptions: {
    teacher: 'Teacher (frozen, already trained)',
    student: 'Student (learns from the teacher)',
    labelsOnly: 'Labels-only student (learns from the true labels only)',
  },

  className: (index: number): string => `Class ${index + 1}`,
  legend: 'Legend',

  controls: {
    groups: {
      run: 'Run',
      data: 'Data',
      student: 'Student',
      distillation: 'Distillation',
      compute: 'Compute',
    },
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    playHelp: 'Start or pause training. The teacher never changes; the students learn.',
    stepHelp: 'Run one training step, then stop.',
    resetHelp: 'Start again from fresh random weights.',

    speed: 'Speed',
    speedHelp: 'How many training steps run each second.',
    speedOption: (stepsPerSecond: number): string =>
      stepsPerSecond === 0 ? 'Full speed' : `${stepsPerSecond} steps/s`,

    dataset: 'Data set',
    datasetHelp: 'The 2-D points both networks learn to classify. Changing it starts a new run.',
    datasetNames: {
      spiral: 'Spiral',
      moons: 'Two moons',
      circles: 'Circles',
      clusters: 'Clusters',
    } satisfies Record<DatasetName, string>,
    datasetOption: (name: string, classes: number): string => `${name} (${classes} classes)`,

    seed: 'Seed',
    seedHelp: 'Picks the random starting weights and batches. The same seed gives the same run.',

    hiddenLayers: 'Hidden layers',
    hiddenLayersHelp: 'How many layers sit between input and output (1–3).',
    units: 'Units per layer',
    unitsHelp: 'Neurons in each hidden layer (2–64). Fewer units make a smaller, weaker student.',
    activation: 'Activation',
    activationHelp: 'The non-linearity after each hidden layer.',
    activationNames: {
      relu: 'ReLU',
      tanh: 'tanh',
    } satisfies Record<ActivationName, string>,
    /** e.g. "2 → 8 → 8 → 3" */
    shape: (layers: readonly number[]): string => layers.join(' → '),
    parameters: (count: string): string => `${count} parameters`,
    shapeLabel: 'Shape',

    temperature: 'Temperature T',
    temperatureHelp:
      "Softens the teacher's probabilities: higher T shows more of how it ranks the wrong classes.",
    alpha: 'Alpha α',
    alphaHelp: "Weight of the teacher's soft targets; the rest goes to the true labels.",
    alphaSplit: (teacherPercent: string, labelsPercent: string): string =>
      `${teacherPercent} teacher · ${labelsPercent} labels`,
    learningRate: 'Learning rate',
    learningRateHelp: 'How big each weight update is. Too high and training jumps around; too low and it crawls.',
    batchSize: 'Batch size',
    batchSizeHelp: 'Examples averaged in each training step.',
    optimizer: 'Optimizer',
    optimizerHelp: 'The rule that turns gradients into weight updates.',
    optimizerNames: {
      adam: 'Adam',
      sgd: 'SGD',
    } satisfies Record<OptimizerName, string>,
    labelsOnly: 'Train a labels-only student beside it',
    labelsOnlyHelp:
      'A second student of the same shape that sees only the true labels, on the same batches, for comparison.',

    backend: 'Backend',
    backendHelp: 'Where the numbers are crunched. Auto picks the fastest one this browser supports.',
    backendNames: {
      auto: 'Auto',
      webgpu: 'WebGPU',
      webgl: 'WebGL',
      wasm: 'WebAssembly',
      cpu: 'CPU (plain JavaScript)',
    } satisfies Record<BackendChoice, string>,
    runningOn: (backend: string, adapter: string): string =>
      adapter ? `Running on ${backend} (${adapter})` : `Running on ${backend}`,
    fallback: (reason: string): string => `Fell back: ${reason}`,
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
    bar: (role: string, className: string, percent: string): string => `${role}, ${className}: ${percent}`,
  },

  lossChart: {
    title: 'Training curves',
    kl: 'KL(teacher ‖ model), nats',
    hardLoss: 'Hard-label loss (test), nats',
    accuracy: 'Test accuracy',
    stepAxis: 'Step',
    latest: 'Latest:',
    chartLabel: (title: string): string => `Chart: ${title} against training step`,
    noData: 'No data yet.',
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

  status: {
    region: 'Training status',
    status: (step: string, examplesPerSecond: string, backend: string): string =>
      backend
        ? `Step ${step} · ${examplesPerSecond} examples/s · ${backend}`
        : `Step ${step} · ${examplesPerSecond} examples/s`,
    backendWithAdapter: (backend: string, adapter: string): string => (adapter ? `${backend} · ${adapter}` : backend),
    training: 'training',
    paused: 'paused',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss this message',
    kinds: {
      info: 'Note',
      warning: 'Warning',
      error: 'Error',
    },
  },

  playground: {
    title: 'Distill Playground',
    intro:
      'A small student network learns from a frozen, pre-trained teacher, live, on your own GPU. The student is trained to match the teacher\u2019s full probability distribution (Hinton et al., 2015), not just its answers; a second student, trained on the true labels only, shows what the teacher adds. Press Play, or Space; → runs one step.',
    waiting: 'The playground starts when it scrolls into view.',
    loading: 'Loading the teacher and starting the training worker\u2026',
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
    backendFallback: (requested: string, used: string, reason: string): string =>
      `Could not start ${requested}; training on ${used} instead. (${reason})`,
    workerCrashed: (detail: string): string => `The training worker stopped: ${detail}. Reload the page to start again.`,
    urlProblems: (problems: { param: string; value: string; expected: string; fallback: string }[]): string =>
      `Some settings in the link could not be used, so defaults were used instead: ${problems
        .map((p) => `${p.param}=\u201c${p.value}\u201d (expected ${p.expected}; using ${p.fallback})`)
        .join('; ')}.`,
  },
};

/** The shape every translation must have. */
export type Messages = typeof en;
