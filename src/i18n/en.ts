/**
 * Every string the widgets show, in English. Components read them through `msg` (see ./index),
 * never as literals, so a translation is one more file of this shape (`Messages`).
 * Templates that need numbers are functions taking already-formatted text.
 */
import type { BackendChoice, OptimizerName } from '../state/common';
import type { ActivationName, DatasetName } from '../labs/toy2d/shared/schema';

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
      'knobs.temperature': 'Temperature',
      'knobs.alpha': '\u03b1',
      'knobs.learningRate': 'Learning rate',
      'knobs.batchSize': 'Batch size',
      'knobs.optimizer': 'Optimizer',
      'knobs.hintMode': 'Hint mode',
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

  /** `<distill-curves>`: the words around the numbers, whatever the lab. */
  curves: {
    latest: 'Latest:',
    /** The hovered point's lead, e.g. "Step 120:". */
    atX: (axis: string, x: string): string => `${axis} ${x}:`,
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

  playground: {
    title: 'Distill Playground',
    intro:
      'A small student network learns from a frozen, pre-trained teacher, live, on your own GPU. The student is trained to match the teacher\u2019s full probability distribution (Hinton et al., 2015), not just its answers; a second student, trained on the true labels only, shows what the teacher adds. Press Play, or Space; → runs one step.',
    waiting: 'The playground starts when it scrolls into view.',
    summary: (p: {
      teacherArchitecture: string;
      teacherParameters: string;
      teacherAccuracy: string;
      studentArchitecture: string;
      studentParameters: string;
      ratio: string;
    }): string =>
      `Teacher: ${p.teacherArchitecture} (${p.teacherParameters} parameters, ${p.teacherAccuracy} test accuracy). Student: ${p.studentArchitecture} (${p.studentParameters} parameters, ${p.ratio}\u00d7 smaller).`,
    compute: (flops: string, speed: string): string =>
      `Training compute so far: ${flops}, at ${speed} on this device (counted from the layer shapes).`,
    labLabel: 'Lab',
    labHelp: 'Each lab is its own experiment; switching keeps both settings.',
    mnistSummary: (p: { teacherArchitecture: string; teacherParameters: string; teacherErrors: string; transfer: string; leftOut: string }): string =>
      `Teacher: ${p.teacherArchitecture} (${p.teacherParameters} parameters, ${p.teacherErrors} test errors of 10,000). The students train on ${p.transfer} transfer images${p.leftOut ? `, without any ${p.leftOut}` : ''}.`,
    mnistStudent: (id: string, objective: 'labels' | 'kd' | 'hints', access: 'full' | 'topk' | 'top1', k: number, shape: string): string => {
      const what = { labels: 'Labels only', kd: 'Logit KD', hints: 'Hints (FitNets)' }[objective];
      const sees = objective === 'labels' ? '' : ` · ${{ full: 'full probabilities', topk: `top-${k}`, top1: 'top-1 label' }[access]}`;
      return `${id} · ${what}${sees} · ${shape}`;
    },
    digitsTitle: 'What each model says about one digit',
    digitsHint:
      'Pick a test digit, or draw your own. The bars show each model\u2019s probabilities for all ten digits: at T, where the teacher\u2019s dark knowledge shows (a 2 that looks a bit like a 7), and at T = 1.',
    errorsTitle: 'Test errors while training (10,000 test images)',
    classErrorsTitle: 'Errors per digit',
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

  /** `<distill-cost>`: the run's FLOPs beside DeepSeek-scale GPU-hours and dollars. */
  cost: {
    title: 'What would this cost at scale?',
    intro:
      'Training work is counted in FLOPs: floating-point operations, one multiply or one add each. Here the FLOPs of the run in your browser, and of DeepSeek-V3, become GPU-hours and dollars. Every assumption can be edited; every figure says where it comes from.',

    units: {
      flops: 'FLOPs',
      flopsPerSecond: 'FLOP/s',
      /** `value` is the rounded number, for choosing singular or plural. */
      duration: (text: string, unit: import('../cost/units').DurationUnit, value: number): string => {
        const names = {
          nanoseconds: ['nanosecond', 'nanoseconds'],
          microseconds: ['microsecond', 'microseconds'],
          milliseconds: ['millisecond', 'milliseconds'],
          seconds: ['second', 'seconds'],
          minutes: ['minute', 'minutes'],
          hours: ['hour', 'hours'],
          days: ['day', 'days'],
          years: ['year', 'years'],
        } as const;
        return `${text} ${names[unit][value === 1 ? 0 : 1]}`;
      },
      gpuHours: (text: string): string => `${text} GPU-hours`,
    },

    chartTitle: 'From your browser to the fleet',
    chartHelp: 'Cost in US dollars on a log scale: each grid line is 1,000\u00d7 the one before.',
    chartLabel: 'Bar chart of costs in US dollars, log scale. Every value is also written beside its bar.',
    bars: {
      'run-browser': 'This run on your GPU',
      'run-h800': 'The same run on an H800',
      projection: 'Your projection',
      'deepseek-v3': 'DeepSeek-V3, final run',
      fleet: 'The fleet (estimate)',
    },
    barNoRun: 'run the playground to measure',
    barTime: (dollars: string, time: string): string => `${dollars} \u00b7 ${time}`,
    barGpuHours: (dollars: string, gpuHours: string): string => `${dollars} \u00b7 ${gpuHours}`,
    barFleet: (dollars: string, gpus: string): string => `~${dollars} of servers \u00b7 ~${gpus} GPUs`,
    barProjection: (preset: string): string => `Projection: ${preset}`,
    barNoPrice: 'set a price to compare',

    debateTitle: 'The DeepSeek debate: one run, one fleet',
    runCardTitle: 'DeepSeek-V3\u2019s final training run',
    tableCaption: (price: string): string => `H800 GPU-hours, and their cost at ${price} per GPU-hour`,
    stageHeader: 'Stage',
    gpuHoursHeader: 'H800 GPU-hours',
    costHeader: 'Cost',
    stages: {
      preTraining: 'Pre-training',
      contextExtension: 'Context extension',
      postTraining: 'Post-training',
    },
    total: 'Total',
    perTrillion: (gpuHours: string, days: string, gpus: string): string =>
      `${gpuHours} GPU-hours per trillion tokens: ${days} on ${gpus} H800s.`,
    impliedMfu: (p: { n: string; d: string; flops: string; perGpu: string; mfu: string; peak: string }): string =>
      `6\u00b7N\u00b7D = 6 \u00d7 ${p.n} active parameters \u00d7 ${p.d} tokens = ${p.flops}. Done in the reported hours, that is ${p.perGpu} per H800: ${p.mfu} of its ${p.peak} dense BF16 peak. Attention is not in 6\u00b7N\u00b7D, so the true utilisation is somewhat higher.`,
    excludes: 'Final run only: the research and ablation runs before it are not in the total.',
    priceNote: 'The $2 per GPU-hour is DeepSeek\u2019s own assumption. Edit the H800 price below and these costs follow.',
    fleetCardTitle: 'The fleet behind it',
    fleetGpus: (hopper: string, a100: string): string => `~${hopper} Hopper GPUs (H100, H800, H20), plus ~${a100} A100s`,
    fleetCapex: 'server capital expenditure',
    fleetOpex: 'operating cost',
    fleetRatio: (ratio: string, run: string): string => `${ratio} the final run\u2019s ${run}`,
    fleetExplain: (runGpuHours: string): string =>
      `Both numbers can be true at once. The final run rented ${runGpuHours} GPU-hours; the fleet is the hardware that also ran the experiments before it, and other work. These are analysts\u2019 estimates, not figures DeepSeek disclosed.`,

    runTitle: 'This run at data-centre speed',
    runSteps: 'Training steps so far',
    runFlops: 'FLOPs so far',
    runSpeed: (backend: string): string => `Your GPU\u2019s training speed (${backend})`,
    runWaiting:
      'Run the playground to measure: it counts the FLOPs of every training step from the layer shapes, and times them on your GPU.',
    flopsConvention:
      'How FLOPs are counted: a dense layer with i inputs and o outputs costs 2\u00b7i\u00b7o FLOPs forward per example (a multiply and an add per weight); the backward pass costs twice that, so training costs 6 FLOPs per weight per example, as in 6\u00b7N\u00b7D. The frozen teacher pays its forward pass only. Biases and activations are left out.',
    mfu: 'Utilisation (MFU), %',
    mfuHelp:
      'The share of a GPU\u2019s peak that training really uses. The default is what DeepSeek-V3\u2019s reported hours imply; other large runs report 21\u201346\u00a0% (GPT-3 21\u00a0%, Llama 3 405B 38\u201343\u00a0%, PaLM 46\u00a0%).',
    mfuInvalid: 'Type a percentage from 0.1 to 100.',
    headers: {
      gpu: 'GPU',
      peak: 'Peak speed (dense BF16)',
      price: 'Price per GPU-hour',
      time: 'This run takes',
      cost: 'This run costs',
      ratio: 'Compared with your GPU',
    },
    browserName: 'This browser\u2019s GPU',
    browserBackend: (backend: string): string => `via ${backend}`,
    measuredSpeed: (speed: string): string => `${speed} achieved`,
    measuredLater: 'measured during a run',
    fp32: (value: string): string => `FP32: ${value}`,
    memory: (gb: string): string => `${gb} GB memory`,
    priceLabel: (gpu: string): string => `${gpu} price per GPU-hour, US$`,
    priceSources: {
      assumption: 'assumed',
      deepseekV3: 'DeepSeek\u2019s assumption',
    } as Partial<Record<import('../cost/sources').SourceId, string>>,
    timesFaster: (times: string): string => `${times} faster`,
    timesSlower: (times: string): string => `${times} slower`,
    yours: 'yours',
    notYet: 'run to measure',
    tableNote:
      'Data-centre rows: this run\u2019s FLOPs \u00f7 (dense peak \u00d7 utilisation). Your GPU\u2019s row uses the speed measured here. Prices marked \u201cassumed\u201d are guesses: type in your own quote.',
    tableScroll: 'Cost of this run on each GPU',

    projectionTitle: 'Scale projection: 6\u00b7N\u00b7D',
    projectionIntro:
      'Training a model with N active parameters on D tokens takes about 6\u00b7N\u00b7D FLOPs: 2\u00b7N forward and 4\u00b7N backward per token (Kaplan et al. 2020).',
    presetLegend: 'Start from',
    presets: {
      'deepseek-v3': {
        label: 'DeepSeek-V3 as reported',
        help: '37B active parameters, 14.8T tokens, 2,048 H800s.',
      },
      fleet: {
        label: 'The whole fleet',
        help: 'The same training, spread over the ~50,000 GPUs of the estimated fleet.',
      },
      student: {
        label: 'Your student at scale',
        help: 'The current student\u2019s parameter count, trained on as many tokens as DeepSeek-V3. In the 2-D lab one example counts as one token.',
      },
    },
    params: 'N: active parameters',
    paramsHelp:
      'Parameters used for each token. A mixture-of-experts model uses only some of its own: DeepSeek-V3 has 671B, 37B of them active. Type 37B, 1.5M or 3.7e10.',
    tokens: 'D: training tokens',
    tokensHelp: 'How much text (or how many examples) the model learns from. Type 14.8T, 300B or 1e12.',
    gpu: 'GPU',
    gpuHelp: 'The GPU that does the work, at the utilisation set above.',
    gpuOption: (name: string, peak: string): string => `${name} (${peak})`,
    gpus: 'K: GPUs in parallel',
    gpusHelp: 'Wall-clock time assumes the work splits perfectly over K GPUs.',
    projectionPrice: (gpu: string): string => `Price of one ${gpu} for one hour, US$`,
    priceHelp: 'The same price as in the table above: edit either.',
    exact: (value: string): string => `= ${value}`,
    invalidNumber: 'Type a positive number, such as 37B or 1.5e9.',
    resultLabels: {
      flops: 'Training FLOPs',
      gpuHours: 'GPU time',
      cost: 'Cost',
      wallClock: 'Wall-clock time',
    },
    flopsValue: (n: string, d: string, flops: string): string => `6 \u00d7 ${n} \u00d7 ${d} = ${flops}`,
    gpuHoursValue: (hours: string, gpu: string): string => `${hours} ${gpu} GPU-hours`,
    costAt: (price: string): string => `at ${price} per GPU-hour`,
    wallClockValue: (time: string, gpus: string, gpu: string): string => `${time} on ${gpus} \u00d7 ${gpu}`,
    needsRun: 'Your GPU\u2019s speed is measured during a run: run the playground, or pick another GPU.',

    transferTitle: 'Distillation: the teacher\u2019s transfer set',
    transferIntro:
      'A distilled student also pays for its teacher\u2019s outputs on those D tokens: about 2\u00b7N\u00b7D FLOPs with the teacher\u2019s N if you run the teacher yourself (a forward pass per token, no backward), or a bill if you buy the outputs from an API.',
    teacherParams: 'N teacher: active parameters',
    teacherParamsHelp: 'The teacher that writes the transfer set. Type 37B, 4.5K or 7e10.',
    apiPrice: 'API price per million tokens, US$',
    apiPriceHelp: 'What an API charges per million tokens it generates. The default is assumed: enter a real price list\u2019s figure.',
    transferOnGpus: 'Teacher on your GPUs',
    transferOnGpusValue: (p: { n: string; d: string; flops: string; gpuHours: string; dollars: string; time: string }): string =>
      `2 \u00d7 ${p.n} \u00d7 ${p.d} = ${p.flops} \u2192 ${p.gpuHours}, ${p.dollars}, ${p.time}`,
    transferApi: 'Teacher through an API',
    transferApiValue: (tokens: string, price: string, bill: string): string =>
      `${tokens} tokens \u00d7 ${price} per million = ${bill}`,

    sourcesTitle: 'Sources',
    sourceMark: (n: number): string => `[${n}]`,
    sourceMarkLabel: (n: number, source: string): string => `source ${n}: ${source}`,
    estimate: 'estimate',
    assumed: 'assumed',
    sources: {
      deepseekV3: {
        short: 'DeepSeek-V3 report, Table 1',
        reference: 'DeepSeek-AI (2024), DeepSeek-V3 Technical Report, arXiv:2412.19437',
      },
      semianalysis: {
        short: 'SemiAnalysis, 31 Jan 2025 (estimate)',
        reference: 'SemiAnalysis (31 January 2025), \u201cDeepSeek Debates\u201d: analysts\u2019 estimates, not DeepSeek\u2019s disclosures',
      },
      kaplan: {
        short: 'Kaplan et al. 2020',
        reference: 'Kaplan et al. (2020), Scaling Laws for Neural Language Models, arXiv:2001.08361',
      },
      nvidiaH100: {
        short: 'NVIDIA H100 datasheet',
        reference: 'NVIDIA H100 Tensor Core GPU datasheet, SXM5: dense figures (half the \u201cwith sparsity\u201d ones)',
      },
      nvidiaA100: {
        short: 'NVIDIA A100 datasheet',
        reference: 'NVIDIA A100 Tensor Core GPU datasheet, SXM4 80GB: dense figures',
      },
      nvidiaAda: {
        short: 'NVIDIA RTX 4090 specifications',
        reference: 'NVIDIA Ada GPU architecture whitepaper and GeForce RTX 4090 specifications: BF16 tensor with FP32 accumulate, dense',
      },
      exportVariants: {
        short: 'press reports (estimate)',
        reference: 'Press reports of NVIDIA\u2019s China export variants (H800, H20): second-hand, not a datasheet',
      },
      assumption: {
        short: 'assumed',
        reference:
          'An assumption of this playground, not a published figure: edit it. (This browser\u2019s GPU: electricity for about 150 W at $0.30 per kWh.)',
      },
      measured: {
        short: 'measured here',
        reference: 'Measured in this browser by the running playground: FLOPs counted from the layer shapes, divided by training time.',
      },
    } satisfies Record<import('../cost/sources').SourceId, { short: string; reference: string }>,
  },

  /** The MNIST lab's views: `<distill-digits>`, `<distill-class-errors>` and its test-error curves. */
  mnist: {
    teacher: 'Teacher',
    /** A student without a label in the readout: "Student A", "Student B", … */
    studentFallback: (index: number): string => `Student ${String.fromCharCode(65 + index)}`,
    modelsLegend: 'Models',
    /** A digit class, as printed on axes and in lists. */
    digit: (d: number): string => String(d),

    digits: {
      stripTitle: 'Test digits',
      stripLabel: 'Test digits from the MNIST test set. Arrow keys move along the strip.',
      digitButton: (position: number, label: string): string => `Test digit ${position}, true label ${label}`,
      noDigits: 'No test digits yet.',
      padTitle: 'Or draw one',
      padLabel: 'Drawing pad, 28 by 28 pixels. Drawing needs a mouse, pen or finger.',
      keyboardNote: 'Drawing needs a mouse, pen or finger; the test digits above also work with the keyboard.',
      clear: 'Clear',
      clearLabel: 'Clear the drawing pad',
      seenTitle: 'What the models see',
      seenHelp: 'Scaled to 20 \u00d7 20 and centred, like MNIST.',
      seenLabel: 'Your drawing after scaling and centring, 28 by 28 pixels',
      blank: 'Nothing drawn yet.',
      selectedTest: (label: string): string => `Test digit \u00b7 true label ${label}`,
      selectedDrawn: 'Your drawing',
      selectedImage: (what: string): string => `${what}, 28 by 28 pixels`,
      atT: (temperature: string): string => `At T = ${temperature}`,
      atTHelp: 'softened: the dark knowledge the students learn from',
      atOne: 'At T = 1',
      atOneHelp: 'what each model actually predicts',
      digitAxis: 'Digit',
      trueDigit: 'true label',
      topTitle: 'Top 3 digits per model',
      modelHeader: 'Model',
      topEntry: (digit: string, percent: string): string => `${digit}: ${percent}`,
      topSeparator: ', ',
      waiting: 'Waiting for the models\u2019 outputs\u2026',
      waitingDrawn: 'Sending your drawing to the models\u2026',
      tableCaption: (what: string, temperature: string): string =>
        `${what}: probability of each digit at T = ${temperature}`,
      bar: (model: string, digit: string, percent: string): string => `${model}, digit ${digit}: ${percent}`,
    },

    classErrors: {
      totalsTitle: 'Test errors',
      total: (errors: string, total: string, percent: string): string => `${errors} errors of ${total} (${percent})`,
      chartTitle: 'Error rate per digit',
      chartHelp: 'The share of each digit\u2019s test images that a model gets wrong.',
      chartLabel: 'Bar chart: error rate per digit for each model. The values are in the table that follows.',
      axis: 'Error rate',
      highlightLine: (digit: string): string => `Digit ${digit}:`,
      highlightValue: (percent: string, errors: string, total: string): string => `${percent} (${errors} of ${total})`,
      bar: (model: string, digit: string, percent: string, errors: string, total: string): string =>
        `${model}, digit ${digit}: ${percent} wrong (${errors} of ${total})`,
      tableCaption: 'Error rate per digit (errors of that digit\u2019s test images)',
      modelHeader: 'Model',
      digitHeader: (digit: string): string => `Digit ${digit}`,
      waiting: 'Waiting for the first test results\u2026',
      confusionTitle: 'Confusion matrix',
      confusionHelp:
        'Rows: the true digit. Columns: the digit the model predicted. Off the diagonal, darker means more mistakes.',
      confusionModel: 'Model',
      confusionLabel: (model: string): string =>
        `${model}: confusion matrix, true digit by row, predicted digit by column. The largest confusions are listed after it.`,
      trueAxis: 'True \u2193',
      predictedAxis: 'Predicted digit \u2192',
      cell: (trueDigit: string, predicted: string, count: string): string =>
        `true ${trueDigit}, predicted ${predicted}: ${count}`,
      topConfusions: 'Most frequent mistakes:',
      confusion: (trueDigit: string, predicted: string, count: string): string => `${trueDigit} \u2192 ${predicted}: ${count}`,
      noConfusions: 'No mistakes.',
    },

    errorChart: {
      title: 'Test error: the share of the 10,000 test images each model gets wrong',
      chartLabel: 'Chart: test error in percent against training step, for the teacher and each student.',
      stepAxis: 'Step',
      latest: 'Latest:',
      atStep: (step: string): string => `Step ${step}:`,
      noData: 'No data yet.',
      teacherNote: 'The teacher is frozen, so its line stays flat: a reference for the students.',
      fullRange: 'Show 0\u2013100 %',
      fullRangeHelp: 'The chart zooms to the low errors; early points may start above the top. Press to see the whole range.',
    },
  },

  /** The MNIST lab's control panel, `<distill-mnist-controls>`. Shared labels (Play, Speed, T, α…) come from `controls`. */
  mnistControls: {
    groups: {
      run: 'Run',
      preset: 'Preset',
      students: 'Students',
      distillation: 'Distillation',
      transfer: 'Transfer set',
      seed: 'Seed',
      compute: 'Compute',
    },

    presetHelp: 'Experiments from Hinton et al. (2015). Choosing one replaces every setting and starts a new run.',
    custom: 'Custom settings',
    customNote: 'You changed a setting. Choose a preset to go back to one of the paper\u2019s experiments.',
    paper: 'The paper:',
    lookFor: 'Look for:',
    ours: 'Here:',

    /** "Student A", "Student B", "Student C". */
    studentName: (index: number): string => `Student ${String.fromCharCode(65 + index)}`,
    /** Accessible name of a student's control: "Student A objective". */
    studentControl: (student: string, control: string): string => `${student} ${control}`,
    studentsHelp: 'Up to 3 students learn side by side, on the same batches. Changing a student starts a new run.',
    /** Between the parts of a card's one-line summary, e.g. "Logit KD · top-3 · 800-800". */
    summarySeparator: ' \u00b7 ',
    shape: (hidden: readonly number[]): string => hidden.join('-'),
    objective: 'Objective',
    objectiveName: 'objective',
    objectiveNames: {
      labels: 'Labels only',
      kd: 'Logit KD',
      hints: 'Hints (FitNets)',
    } satisfies Record<import('../labs/mnist/shared/schema').Objective, string>,
    objectiveHelps: {
      labels: 'Learns from the true labels only: the baseline.',
      kd: 'Learns from the teacher\u2019s softened probabilities, mixed with the true labels by \u03b1 (Hinton 2015).',
      hints: 'Learns to predict a teacher\u2019s hidden layer, then from its probabilities (FitNets, Romero 2015).',
    } satisfies Record<import('../labs/mnist/shared/schema').Objective, string>,
    access: 'Teacher access',
    accessName: 'teacher access',
    accessNames: {
      full: 'Full probabilities',
      topk: 'Top-k probabilities',
      top1: 'Top-1 label only',
    } satisfies Record<import('../labs/mnist/shared/schema').AccessLevel, string>,
    accessHelps: {
      full: 'The teacher shows its whole distribution over the 10 digits.',
      topk: 'The teacher shows only its k largest probabilities, as an API might; the rest is spread evenly.',
      top1: 'The teacher shows only its top digit: T and the soft targets have no effect.',
    } satisfies Record<import('../labs/mnist/shared/schema').AccessLevel, string>,
    /** Short form for the card summary: "full", "top-3", "top-1". */
    accessShort: (access: import('../labs/mnist/shared/schema').AccessLevel, k: number): string =>
      access === 'full' ? 'full' : access === 'top1' ? 'top-1' : `top-${k}`,
    k: 'k',
    kName: 'k',
    kHelp: 'k is how many it shows (1\u20139).',
    hiddenLayers: 'Hidden layers',
    hiddenLayersName: 'hidden layers',
    hiddenLayersHelp: 'Layers between the 784 pixels and the 10 digits (1\u20132).',
    layerUnits: (layer: number): string => `Layer ${layer} units`,
    layerUnitsName: (layer: number): string => `layer ${layer} units`,
    unitsHelp: 'Neurons per layer (16\u2013800). The teacher has two layers of 1,200.',
    add: 'Add a student',
    addHelp: 'The new student starts as a copy of the last one.',
    full: 'Three students is the most.',
    remove: 'Remove',
    removeLabel: (student: string): string => `Remove ${student.replace(/^Student/, 'student')}`,

    hintMode: 'Hint mode',
    hintModeNames: {
      'two-stage': 'Two stages',
      sum: 'Weighted sum',
    } satisfies Record<import('../labs/mnist/shared/schema').HintMode, string>,
    hintModeHelps: {
      'two-stage':
        'First train the student\u2019s middle layer to predict the teacher\u2019s (FitNets stage 1), then train the whole student with KD.',
      sum: 'From the first step, train with KD plus the hint loss times its weight.',
    } satisfies Record<import('../labs/mnist/shared/schema').HintMode, string>,
    hintSteps: 'Hint steps',
    hintStepsHelp: 'Steps of hint-only training at the start of the run (0\u201310,000), before KD takes over.',
    hintWeight: 'Hint weight',
    hintWeightHelp: 'How much the hint loss counts next to the KD loss (0\u201310).',
    hintLayer: 'Hint layer',
    hintLayerHelp: 'The teacher\u2019s hidden layer the hint students learn to predict. Changing it starts a new run.',
    hintLayerOption: (layer: number): string => `Teacher layer ${layer} of 2`,
    hintsOff: 'Hint settings appear when a student learns from hints.',

    transferSize: 'Transfer set size',
    transferSizeHelp:
      'Training images the students learn from (100\u201310,000). The teacher learned from all 60,000. Changing it starts a new run.',
    images: (count: string): string => `${count} images`,
    leaveOut: 'Leave out digits',
    leaveOutHelp: 'The students never see these digits; the teacher still knows them. Changing it starts a new run.',
    leaveOutDigit: (digit: number): string => `Leave out ${digit}`,
    lastDigit: 'At least one digit must stay.',
    onlyDigits: (digits: string): string => `Only the digits ${digits} are kept (set by the link).`,
    biasCorrection: 'Bias correction',
    biasCorrectionHelp:
      'Raise the students\u2019 logit of the left-out digits by this much at test time (Hinton: +3.5 on the 3s).',
    biasShift: 'Bias shift',
    biasShiftHelp: 'Added to the left-out digits\u2019 logits when testing (\u221210 to 10).',
    biasNothingLeftOut: 'No digit is left out, so the correction changes nothing.',

    seedHelp:
      'Picks the starting weights, the batches and the transfer images. The same seed gives the same run. Changing it starts a new run.',
  },
};

/** The shape every translation must have. */
export type Messages = typeof en;
