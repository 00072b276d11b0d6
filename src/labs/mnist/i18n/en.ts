/**
 * The MNIST lab's own strings, in English: its panel, controls, digits and per-digit errors. The
 * page's shared strings are in src/i18n/en.ts; a translation of this lab is one more file of this
 * shape (`MnistMessages`), set with `setMnistMessages`.
 */

export const mnistEn = {
  title: 'MNIST digits (Hinton 2015)',

  gain: {
    noLabelsOnly: 'Add a labels-only student (Students) to see what the teacher adds.',
    beforeFirstStep: 'Press Play: the difference shows here once the students have been measured on test images.',
    fewer: (n: string): string => `${n} fewer`,
    more: (n: string): string => `${n} more`,
    errorsLabel: (student: string, labels: string): string => `test errors: ${student} against ${labels}`,
    shortName: (letter: string, objective: string): string => `${letter} (${objective})`,
    errorsDetail: (student: string, labels: string, points: string): string => `${student} vs ${labels}, ${points}`,
    pointsUnit: 'points',
    partial: (done: string, total: string): string => `(Measured on ${done} of ${total} test images so far.)`,
    defaultLookFor:
      'the error curves after a few hundred steps: the distilled students keep falling below the labels-only one, which learns only from the labels of the same images.',
    whyBehind: {
      early: (alpha: string): string =>
        `in the first hundred steps or so a distilled student (${alpha} of its loss on the teacher\u2019s softened outputs) learns the teacher\u2019s whole distribution at once and can trail plain labels; it overtakes them later.`,
      hintStage: (steps: string): string =>
        `a two-stage hint student spends its first ${steps} steps matching the teacher\u2019s hidden layer only, before it sees any output; it catches up after that stage.`,
      top1: 'a student that only sees the teacher\u2019s top answer gets no more than a label: without the probabilities there is little dark knowledge to learn from.',
      noise: 'differences this small go either way from seed to seed and while the test set is still being measured.',
    },
  },

  panel: {
    mnistSummary: (p: { teacherArchitecture: string; teacherParameters: string; teacherErrors: string; transfer: string; leftOut: string }): string =>
      `Teacher: ${p.teacherArchitecture} (${p.teacherParameters} parameters, ${p.teacherErrors} test errors of 10,000). The students train on ${p.transfer} transfer images${p.leftOut ? `, without any ${p.leftOut}` : ''}.`,
    mnistStudent: (id: string, objective: 'labels' | 'kd' | 'hints', access: 'full' | 'topk' | 'top1', k: number, shape: string): string => {
      const what = { labels: 'Labels only', kd: 'Logit KD', hints: 'Hints (FitNets)' }[objective];
      const sees = objective === 'labels' ? '' : ` · ${{ full: 'full probabilities', topk: `top-${k}`, top1: 'top-1 label' }[access]}`;
      return `${id} · ${what}${sees} · ${shape}`;
    },
    mnistStudentShort: (id: string, objective: 'labels' | 'kd' | 'hints'): string =>
      `${id} \u00b7 ${{ labels: 'Labels only', kd: 'Logit KD', hints: 'Hints (FitNets)' }[objective]}`,
    digitsTitle: 'What each model says about one digit',
    digitsHint:
      'Pick a test digit, or draw your own. The bars show each model\u2019s probabilities for all ten digits: at T, where the teacher\u2019s dark knowledge shows (a 2 that looks a bit like a 7), and at T = 1.',
    errorsTitle: 'Test errors while training (10,000 test images)',
    classErrorsTitle: 'Errors per digit',
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
      runningNote:
        'While training, the test set is measured a chunk at a time: until a pass over all 10,000 images completes, a student\'s error is a running estimate on the images measured so far.',
      fullRange: 'Show 0\u2013100 %',
      fullRangeHelp: 'The chart zooms to the low errors; early points may start above the top. Press to see the whole range.',
    },
    lossChart: {
      title: 'Training loss: each student\'s objective on its last batch',
      chartLabel: 'Chart: each student\'s training loss in nats (log scale) against training step.',
      note: 'Measured on every step\'s batch of the transfer set, so it is there from the first step; the test errors follow a chunk of test images at a time.',
    },
    evaluating: (done: string, total: string): string => `evaluating ${done} / ${total} test images`,
    evaluated: (total: string, step: string): string => `measured on all ${total} test images (pass from step ${step})`,
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
    customNote: 'These settings differ from every preset. Choose one to go back to one of the paper\u2019s experiments.',
    /** A fresh load whose default experiment is none of the presets. */
    defaultSettings: 'Default settings',
    defaultNote: 'The lab\u2019s default settings. Choose a preset to load one of the paper\u2019s experiments.',
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
    } satisfies Record<import('../shared/schema').Objective, string>,
    objectiveHelps: {
      labels: 'Learns from the true labels only: the baseline.',
      kd: 'Learns from the teacher\u2019s softened probabilities, mixed with the true labels by \u03b1 (Hinton 2015).',
      hints: 'Learns to predict a teacher\u2019s hidden layer, then from its probabilities (FitNets, Romero 2015).',
    } satisfies Record<import('../shared/schema').Objective, string>,
    access: 'Teacher access',
    accessName: 'teacher access',
    accessNames: {
      full: 'Full probabilities',
      topk: 'Top-k probabilities',
      top1: 'Top-1 label only',
    } satisfies Record<import('../shared/schema').AccessLevel, string>,
    accessHelps: {
      full: 'The teacher shows its whole distribution over the 10 digits.',
      topk: 'The teacher shows only its k largest probabilities, as an API might; the rest is spread evenly.',
      top1: 'The teacher shows only its top digit: T and the soft targets have no effect.',
    } satisfies Record<import('../shared/schema').AccessLevel, string>,
    /** Short form for the card summary: "full", "top-3", "top-1". */
    accessShort: (access: import('../shared/schema').AccessLevel, k: number): string =>
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
    } satisfies Record<import('../shared/schema').HintMode, string>,
    hintModeHelps: {
      'two-stage':
        'First train the student\u2019s middle layer to predict the teacher\u2019s (FitNets stage 1), then train the whole student with KD.',
      sum: 'From the first step, train with KD plus the hint loss times its weight.',
    } satisfies Record<import('../shared/schema').HintMode, string>,
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

export type MnistMessages = typeof mnistEn;
