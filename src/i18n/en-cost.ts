/** The `<distill-cost>` widget's strings, in English (part of `en`, src/i18n/en.ts). */
export const costEn = {
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
    'run-browser': 'This run in your browser',
    'run-h800': 'The same run on an H800',
    projection: 'Your projection',
    'deepseek-v3': 'DeepSeek-V3, final run',
    fleet: 'The fleet (estimate)',
  },
  barNoRun: 'run the playground to measure',
  /** The browser bar once a run says where it trains: `device` is a `device` phrase below. */
  barBrowser: (device: string): string => `This run ${device}`,
  /** Where the run trains, following the backend in use; `backend` is its display name. */
  device: {
    gpu: (backend: string): string => `on your GPU (${backend})`,
    software: (backend: string): string => `on this device\u2019s CPU (${backend} through a software renderer)`,
    wasm: 'on this device\u2019s CPU (WebAssembly)',
    cpu: 'on this device\u2019s CPU (plain JavaScript)',
    other: (backend: string): string => `on ${backend}`,
  },
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
  runSpeed: (device: string): string => `Training speed ${device}`,
  runWaiting:
    'Run the playground to measure: it counts the FLOPs of every training step from the layer shapes, and times them in your browser.',
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
    ratio: 'Compared with this device',
  },
  browserName: 'This device',
  browserBackend: (device: string): string => device,
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
    'Data-centre rows: this run\u2019s FLOPs \u00f7 (dense peak \u00d7 utilisation). This device\u2019s row uses the speed measured here. Prices marked \u201cassumed\u201d are guesses: type in your own quote.',
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
  needsRun: 'This device\u2019s speed is measured during a run: run the playground, or pick another GPU.',

  transferTitle: 'Distillation: the teacher\u2019s transfer set',
  transferIntro:
    'A distilled student also pays for its teacher\u2019s outputs on those D tokens: about 2\u00b7N\u00b7D FLOPs with the teacher\u2019s N if you run the teacher yourself (a forward pass per token, no backward), or a bill if you buy the outputs from an API.',
  teacherParams: 'N teacher: active parameters',
  teacherParamsHelp: 'The teacher that writes the transfer set. Type 37B, 4.5K or 7e10.',
  apiPrice: 'API price per million tokens, US$',
  apiPriceHelp: 'What an API charges per million tokens it generates. The default is assumed: enter a real price list\u2019s figure.',
  transferOnGpus: 'Teacher run yourself, on GPUs',
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
        'An assumption of this playground, not a published figure: edit it. (This device: electricity for about 150 W at $0.30 per kWh.)',
    },
    measured: {
      short: 'measured here',
      reference: 'Measured in this browser by the running playground: FLOPs counted from the layer shapes, divided by training time.',
    },
  } satisfies Record<import('../cost/sources').SourceId, { short: string; reference: string }>,
};
