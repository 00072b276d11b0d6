/**
 * Every string the widgets show, in English. Components read them through `msg` (see ./index),
 * never as literals, so a translation is one more file of this shape (`Messages`).
 * Templates that need numbers are functions taking already-formatted text.
 */
import type { ActivationName, BackendChoice, OptimizerName } from '../state/common';
import { costEn } from './en-cost';

export const en = {
  /** BCP 47 tag for number formatting. */
  locale: 'en-US',

  units: {
    nats: 'nats',
    examplesPerSecondShort: 'ex/s',
    examplesPerSecond: 'examples/s',
    /** Throughput in each lab's progress unit, for the status line. */
    perSecond: { examples: 'examples/s', tokens: 'tokens/s', 'environment steps': 'environment steps/s' } as Record<string, string>,
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

  /**
   * Problems with a link or an experiment (codes with parameters, src/labs/problems.ts) in words.
   * `expected` fits "expected …"; `sentence` stands alone; `link` is the notice for a whole link.
   */
  problems: {
    /** What each setting is called, by its key in the experiment. */
    labels: {
      lab: 'Lab',
      backend: 'Backend',
      speed: 'Speed',
      preset: 'Preset',
      dataset: 'Data set',
      seed: 'Seed',
      'student.hidden': 'Hidden layers',
      'student.activation': 'Activation',
      labelsOnly: 'Labels-only student',
      labelled: 'Labelled points',
      'knobs.temperature': 'Temperature',
      'knobs.alpha': '\u03b1',
      'knobs.learningRate': 'Learning rate',
      'knobs.batchSize': 'Batch size',
      'knobs.optimizer': 'Optimizer',
      'knobs.hintMode': 'Hint mode',
      'knobs.states': 'States the distilled student learns on',
      'knobs.hintWeight': 'Hint weight',
      'knobs.hintSteps': 'Hint steps',
      'knobs.biasCorrection': 'Bias correction',
      'knobs.biasShift': 'Bias shift',
      students: 'Student',
      'students.count': 'Number of students',
      'students.layers': 'hidden layer count',
      'students.units': 'layer size',
      'students.objective': 'objective',
      'students.access': 'teacher access',
      'students.k': 'k',
      'transfer.size': 'Transfer set size',
      'transfer.excludeDigits': 'Left-out digits',
      'transfer.onlyDigits': 'Kept digits',
      hintLayer: 'Hint layer',
      'shape.embed': 'Embedding width',
      'shape.hidden': 'Hidden units',
      'knobs.samplingTemperature': 'Sampling temperature',
      'knobs.streamTemperature': 'Stream temperature',
      'knobs.missingMass': 'Missing top-k mass',
      'knobs.price': 'Price per million tokens',
      budget: 'Query budget',
      transfer: 'Transfer set',
    } as Record<string, string>,
    label(p: import('../labs/problems').Problem): string {
      const name = this.labels[p.key] ?? p.param;
      return p.index !== undefined && p.key.startsWith('students.') ? `Student ${p.index}\u2019s ${name}` : name;
    },
    expected(p: import('../labs/problems').Problem): string {
      switch (p.code) {
        case 'out-of-range':
          return `${p.integer ? 'a whole number' : 'a number'} from ${p.min} to ${p.max}`;
        case 'not-one-of':
          return `one of ${p.options.join(', ')}`;
        case 'bad-layers':
          return `${p.layers.min} to ${p.layers.max} layer sizes separated by \u201c${p.separator}\u201d, each from ${p.units.min} to ${p.units.max} (e.g. 16${p.separator}8)`;
        case 'bad-student':
          return `a student such as 800.800-kd-full, 30-hints-k3 or 800-labels (${p.layers.min}\u2013${p.layers.max} layers of ${p.units.min}\u2013${p.units.max} units, top-k with k from ${p.k.min} to ${p.k.max})`;
        case 'bad-digits':
          return 'digits 0\u20139 written together, e.g. 3 or 38';
        case 'no-digit-left':
          return 'filters that keep at least one digit';
      }
    },
    /** What a link's unusable value was replaced by. */
    fallback(p: import('../labs/problems').Problem): string {
      return p.fallback ?? 'its default';
    },
    sentence(p: import('../labs/problems').Problem): string {
      if (p.code === 'no-digit-left') return 'The transfer set filters leave no digit';
      const value = p.value === '' ? 'nothing' : p.value;
      return `${this.label(p)} must be ${this.expected(p)}, got ${value}`;
    },
    /** One value of a link: `T=“abc” (expected a number from 1 to 20; using 4)`. */
    inLink(p: import('../labs/problems').Problem): string {
      return `${p.param}=\u201c${p.value}\u201d (expected ${this.expected(p)}; using ${this.fallback(p)})`;
    },
    link(problems: readonly import('../labs/problems').Problem[]): string {
      return `Some settings in the link could not be used, so defaults were used instead: ${problems.map((p) => this.inLink(p)).join('; ')}.`;
    },
  },

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
    playHelp: 'Start or pause training (Space). The teacher never changes; the students learn.',
    stepHelp: 'Run one training step, then stop (→).',
    resetHelp: 'Start again from fresh random weights.',

    speed: 'Speed',
    speedHelp: 'How many training steps run each second.',
    speedOption: (stepsPerSecond: number): string =>
      stepsPerSecond === 0 ? 'Full speed' : `${stepsPerSecond} steps/s`,

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
    backendHelp:
      'Where the numbers are crunched. Auto times a few of this lab\u2019s training steps on each backend worth trying (software renderers are skipped) and keeps the fastest; this device remembers the choice.',
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


  /** The distribution bars, `<distill-bars>` (the labs pass their own captions where they say more). */
  bars: {
    atT: (temperature: string): string => `At T = ${temperature}`,
    atOne: 'At T = 1',
    modelHeader: 'Model',
    caption: (temperature: string): string => `Probabilities at T = ${temperature}`,
    bar: (model: string, className: string, percent: string): string => `${model}, ${className}: ${percent}`,
    /** The bucket of every class outside the top k. */
    rest: 'Rest',
    trueClass: 'true label',
    topCaption: (k: number): string => `Top ${k} classes per model`,
    topEntry: (label: string, percent: string): string => `${label}: ${percent}`,
    topSeparator: ', ',
  },


  /** `<distill-curves>`: the words around the numbers, whatever the lab. */
  curves: {
    latest: 'Latest:',
    /** The hovered point's lead, e.g. "Step 120:". */
    atX: (axis: string, x: string): string => `${axis} ${x}:`,
    noData: 'No data yet.',
  },


  status: {
    region: 'Training status',
    status: (step: string, examplesPerSecond: string, backend: string, perSecond = 'examples/s'): string =>
      backend
        ? `Step ${step} · ${examplesPerSecond} ${perSecond} · ${backend}`
        : `Step ${step} · ${examplesPerSecond} ${perSecond}`,
    backendWithAdapter: (backend: string, adapter: string): string => (adapter ? `${backend} · ${adapter}` : backend),
    /** While a run starts: what is happening now, e.g. "Starting WebAssembly… · loading the teacher 40 %". */
    starting: 'starting',
    phases: {
      backend: (backend: string): string => `Starting ${backend}\u2026`,
      measure: (backend: string, index: number, total: number): string =>
        `Timing ${backend} on this lab\u2019s own training steps (${index + 1} of ${total})\u2026`,
      teacher: 'loading the teacher',
      'test-images': 'loading the test images',
      'train-images': 'loading the training images',
      readout: 'computing the first readout',
      worker: 'Starting the training worker\u2026',
      fresh: (backend: string): string => `Setting up a fresh run on ${backend}\u2026`,
    },
    withAmount: (what: string, amount: string): string => `${what} ${amount}`,
    pendingPlay: 'Play pressed: training starts as soon as the run is ready.',
    pendingStep: (count: number): string =>
      count === 1 ? 'Step pressed: it runs as soon as the run is ready.' : `${count} steps pressed: they run as soon as the run is ready.`,
    /** Why `auto` chose what it did: the second status line. */
    auto: {
      label: 'Auto',
      timed: (backend: string, examplesPerSecond: string): string => `${backend} ${examplesPerSecond} examples/s`,
      chosenFastest: (list: string): string => `chose the fastest of ${list}, timed on this lab\u2019s own steps`,
      onlyCandidate: (backend: string): string => `${backend} is the only fast backend here`,
      software: (backend: string, renderer: string): string => `${backend} not timed (software renderer: ${renderer})`,
      unavailable: (backend: string): string => `${backend} unavailable`,
      remembered: 'measured on an earlier visit; pick Auto in Backend to measure again',
      separator: ' · ',
    },
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

  /** `<distill-gain>`: what the teacher added. */
  gain: {
    title: 'What the teacher added',
    waiting: 'Press Play: the difference shows here once the students have trained.',
    lookFor: 'Look for:',
    why: 'Why behind?',
  },

  /** The lab panels' shared frame: the settings drawer on narrow screens. */
  panel: {
    settings: 'Settings',
    settingsHelp: 'Every setting, with what it does',
    closeSettings: 'Close settings',
    moreViews: 'More views and explanations',
  },

  playground: {
    title: 'Distill Playground',
    tagline: 'Small students learn from a frozen teacher, live in your browser.',
    intro:
      'A small student network learns from a frozen, pre-trained teacher, live, in your browser (on its GPU where it has one). The student is trained to match the teacher\u2019s full probability distribution (Hinton et al., 2015), not just its answers; a second student, trained on the true labels only, shows what the teacher adds. Press Play, or Space; → runs one step.',
    aboutTitle: 'About this playground',
    waiting: 'The playground starts when it scrolls into view.',
    compute: (flops: string, speed: string): string =>
      `Training compute so far: ${flops}, at ${speed} on this device (counted from the layer shapes).`,
    labLabel: 'Lab',
    labHelp: 'Each lab is its own experiment; switching keeps both settings.',
    backendFallback: (requested: string, used: string, reason: string): string =>
      `Could not start ${requested}; training on ${used} instead. (${reason})`,
    workerCrashed: (detail: string): string => `The training worker stopped: ${detail}. Reload the page to start again.`,
    urlProblems: (problems: { param: string; value: string; expected: string; fallback: string }[]): string =>
      `Some settings in the link could not be used, so defaults were used instead: ${problems
        .map((p) => `${p.param}=\u201c${p.value}\u201d (expected ${p.expected}; using ${p.fallback})`)
        .join('; ')}.`,
  },

  /** `<distill-cost>`: the run's FLOPs beside DeepSeek-scale GPU-hours and dollars. */
  cost: costEn,


};

/** The shape every translation must have. */
export type Messages = typeof en;
