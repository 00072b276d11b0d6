/**
 * The cost model: what a run's FLOPs cost on data-centre GPUs, what training at scale costs
 * (6·N·D), what a teacher's transfer set costs (2·N·D, or an API bill), and the DeepSeek-V3
 * figures the public debate quotes, reproduced from the report rather than typed in as totals.
 * Pure functions: no DOM, no tfjs.
 */
import { inferenceFlops, trainingFlops } from './flops';
import { deliveredFlopsPerSecond, GPU_CATALOG, type GpuId, gpuById, type GpuSpec } from './gpus';
import type { SourceId } from './sources';

export const SECONDS_PER_HOUR = 3600;
export const HOURS_PER_DAY = 24;
export const DAYS_PER_YEAR = 365.25;

/** What the running playground reports to the cost widget. */
export interface RunMeasurement {
  /** FLOPs of all training steps so far (see `distillationStepFlops`). */
  flops: number;
  /** Achieved training throughput in this browser (on its GPU or CPU, per `backend`), FLOP/s. */
  flopsPerSecond: number;
  studentParameters: number;
  teacherParameters: number;
  steps: number;
  /** The tfjs backend in use, e.g. "webgpu". */
  backend: string;
  /** The backend's device description (WebGL's renderer string, WebGPU's adapter, wasm's features). */
  adapter?: string;
  /** True when the GPU backend runs on a software renderer (the CPU draws it), e.g. SwiftShader. */
  software?: boolean;
}

// ---------------------------------------------------------------------------------------------
// DeepSeek-V3 as reported (arXiv 2412.19437, Table 1 and §1)

export type DeepSeekStageId = 'preTraining' | 'contextExtension' | 'postTraining';

export const DEEPSEEK_V3 = {
  source: 'deepseekV3' as SourceId,
  gpu: 'h800' as GpuId,
  /** DeepSeek's own rental-price assumption, US$ per H800-hour. */
  pricePerHour: 2,
  totalParameters: 671e9,
  /** Parameters activated per token (a mixture of experts): the N of 6·N·D. */
  activeParameters: 37e9,
  /** Pre-training tokens: the D of 6·N·D. */
  tokens: 14.8e12,
  /** The training cluster. */
  clusterGpus: 2048,
  /** "180K H800 GPU hours per trillion tokens". */
  gpuHoursPerTrillionTokens: 180e3,
  /** Table 1, in H800 GPU-hours. */
  stages: [
    { id: 'preTraining', gpuHours: 2664e3 },
    { id: 'contextExtension', gpuHours: 119e3 },
    { id: 'postTraining', gpuHours: 5e3 },
  ] as const satisfies readonly { id: DeepSeekStageId; gpuHours: number }[],
} as const;

export interface StageCost {
  id: DeepSeekStageId;
  gpuHours: number;
  dollars: number;
}

export interface DeepSeekTable {
  stages: StageCost[];
  total: { gpuHours: number; dollars: number };
  pricePerHour: number;
}

/** Table 1 at a price per H800-hour (DeepSeek's $2 by default): 2,788K GPU-hours, $5.576M. */
export function deepseekTable(pricePerHour: number = DEEPSEEK_V3.pricePerHour): DeepSeekTable {
  const stages = DEEPSEEK_V3.stages.map((s) => ({ id: s.id, gpuHours: s.gpuHours, dollars: s.gpuHours * pricePerHour }));
  const gpuHours = stages.reduce((sum, s) => sum + s.gpuHours, 0);
  return { stages, total: { gpuHours, dollars: gpuHours * pricePerHour }, pricePerHour };
}

/** GPU-hours per trillion tokens implied by the pre-training row: 2,664K ÷ 14.8 = 180K. */
export function deepseekGpuHoursPerTrillionTokens(): number {
  return DEEPSEEK_V3.stages[0].gpuHours / (DEEPSEEK_V3.tokens / 1e12);
}

/** Wall-clock days for one trillion tokens on the 2,048-GPU cluster: 180K ÷ 2,048 ÷ 24 ≈ 3.7. */
export function deepseekDaysPerTrillionTokens(): number {
  return DEEPSEEK_V3.gpuHoursPerTrillionTokens / DEEPSEEK_V3.clusterGpus / HOURS_PER_DAY;
}

/**
 * Model-FLOPs utilisation implied by a reported run: useful FLOPs (6·N·D) ÷ what the GPUs could
 * have done at peak in the hours reported.
 */
export function impliedMfu(p: { parameters: number; tokens: number; gpuHours: number; peakFlopsPerSecond: number }): number {
  return trainingFlops(p.parameters, p.tokens) / (p.gpuHours * SECONDS_PER_HOUR * p.peakFlopsPerSecond);
}

/** Peak the H800 figures use: dense BF16. */
export function h800Peak(): number {
  return gpuById('h800').peakBf16!.value;
}

/**
 * DeepSeek-V3's implied utilisation: 6 × 37B × 1T tokens in 180K H800-hours at 989 TFLOP/s dense
 * BF16 ≈ 34.6 %. Attention FLOPs are not in 6·N·D, so the true figure is somewhat higher.
 */
export function deepseekImpliedMfu(): number {
  return impliedMfu({
    parameters: DEEPSEEK_V3.activeParameters,
    tokens: 1e12,
    gpuHours: DEEPSEEK_V3.gpuHoursPerTrillionTokens,
    peakFlopsPerSecond: h800Peak(),
  });
}

/** Effective FLOP/s per H800 in DeepSeek-V3's pre-training (≈ 343 TFLOP/s). */
export function deepseekEffectiveFlopsPerSecond(): number {
  return deepseekImpliedMfu() * h800Peak();
}

/** The widget's default model-FLOPs utilisation: the one DeepSeek-V3 implies (≈ 35 %). */
export const DEFAULT_MFU = deepseekImpliedMfu();

// ---------------------------------------------------------------------------------------------
// The fleet (SemiAnalysis, 31 Jan 2025: estimates, not disclosures)

export const FLEET = {
  source: 'semianalysis' as SourceId,
  /** H100, H800 and H20 together. */
  hopperGpus: 50_000,
  a100Gpus: 10_000,
  /** Server capital expenditure, US$. */
  serverCapex: 1.6e9,
  /** Operating cost, US$. */
  operatingCost: 944e6,
} as const;

/** How many DeepSeek-V3 final runs ($5.576M at $2/hour) the fleet's capex would pay for (≈ 287). */
export function fleetToRunRatio(pricePerHour: number = DEEPSEEK_V3.pricePerHour): number {
  return FLEET.serverCapex / deepseekTable(pricePerHour).total.dollars;
}

// ---------------------------------------------------------------------------------------------
// This run at data-centre speed

export interface GpuRunCost {
  gpu: GpuId;
  /** FLOP/s this GPU delivers on training (peak × MFU; measured for the browser's). */
  flopsPerSecond?: number;
  /** GPU-seconds the run's FLOPs take on it. */
  seconds?: number;
  dollars?: number;
  /** How many times faster than the browser's GPU as measured (> 1: faster). */
  timesFasterThanBrowser?: number;
}

/** Seconds to do `flops` at `flopsPerSecond`. */
export function secondsFor(flops: number, flopsPerSecond: number): number {
  return flops / flopsPerSecond;
}

/** Dollars for `seconds` of one GPU at `pricePerHour`. */
export function dollarsFor(seconds: number, pricePerHour: number): number {
  return (seconds / SECONDS_PER_HOUR) * pricePerHour;
}

/**
 * A run's FLOPs on one GPU: seconds = FLOPs ÷ (peak × MFU) (the browser's: FLOPs ÷ measured
 * FLOP/s), dollars = seconds × price per hour ÷ 3600.
 */
export function runOnGpu(p: {
  flops: number;
  gpu: GpuSpec;
  mfu: number;
  pricePerHour: number;
  measuredFlopsPerSecond?: number;
}): GpuRunCost {
  const flopsPerSecond = deliveredFlopsPerSecond(p.gpu, p.mfu, p.measuredFlopsPerSecond);
  const result: GpuRunCost = { gpu: p.gpu.id };
  if (flopsPerSecond === undefined || flopsPerSecond <= 0) return result;
  result.flopsPerSecond = flopsPerSecond;
  result.seconds = secondsFor(p.flops, flopsPerSecond);
  result.dollars = dollarsFor(result.seconds, p.pricePerHour);
  if (p.measuredFlopsPerSecond && p.measuredFlopsPerSecond > 0) {
    result.timesFasterThanBrowser = flopsPerSecond / p.measuredFlopsPerSecond;
  }
  return result;
}

/** The run on every catalog GPU, in catalog order. */
export function runOnCatalog(p: {
  flops: number;
  mfu: number;
  prices: Readonly<Record<GpuId, number>>;
  measuredFlopsPerSecond?: number;
}): GpuRunCost[] {
  return GPU_CATALOG.map((gpu) =>
    runOnGpu({ flops: p.flops, gpu, mfu: p.mfu, pricePerHour: p.prices[gpu.id], measuredFlopsPerSecond: p.measuredFlopsPerSecond }),
  );
}

// ---------------------------------------------------------------------------------------------
// Scale projection

export interface ComputeOnGpus {
  flops: number;
  /** FLOP/s one GPU delivers (peak × MFU); undefined for the browser's GPU before a run. */
  flopsPerSecondPerGpu?: number;
  gpuHours?: number;
  dollars?: number;
  /** Wall-clock time with the work split evenly over K GPUs (perfect scaling). */
  wallClockSeconds?: number;
  wallClockDays?: number;
}

export interface OnGpus {
  gpu: GpuSpec;
  mfu: number;
  pricePerHour: number;
  /** K: GPUs working in parallel. */
  gpus: number;
  measuredFlopsPerSecond?: number;
}

/** Any FLOP count on K GPUs: GPU-hours, dollars and wall-clock days. */
export function computeOnGpus(flops: number, on: OnGpus): ComputeOnGpus {
  const perGpu = deliveredFlopsPerSecond(on.gpu, on.mfu, on.measuredFlopsPerSecond);
  if (perGpu === undefined || perGpu <= 0) return { flops };
  const gpuSeconds = flops / perGpu;
  const gpuHours = gpuSeconds / SECONDS_PER_HOUR;
  const wallClockSeconds = gpuSeconds / Math.max(1, on.gpus);
  return {
    flops,
    flopsPerSecondPerGpu: perGpu,
    gpuHours,
    dollars: gpuHours * on.pricePerHour,
    wallClockSeconds,
    wallClockDays: wallClockSeconds / SECONDS_PER_HOUR / HOURS_PER_DAY,
  };
}

/** Training a model of N (active) parameters on D tokens: 6·N·D FLOPs on K GPUs. */
export function projectTraining(parameters: number, tokens: number, on: OnGpus): ComputeOnGpus {
  return computeOnGpus(trainingFlops(parameters, tokens), on);
}

/** A teacher of N_teacher (active) parameters writing a D-token transfer set: 2·N_teacher·D FLOPs. */
export function projectTransferSet(teacherParameters: number, tokens: number, on: OnGpus): ComputeOnGpus {
  return computeOnGpus(inferenceFlops(teacherParameters, tokens), on);
}

/** "Distil through the API": D tokens bought at a price per million tokens. */
export function apiBill(tokens: number, pricePerMillionTokens: number): number {
  return (tokens / 1e6) * pricePerMillionTokens;
}

// ---------------------------------------------------------------------------------------------
// Presets

export const PRESET_IDS = ['deepseek-v3', 'fleet', 'student'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(x: unknown): x is PresetId {
  return typeof x === 'string' && (PRESET_IDS as readonly string[]).includes(x);
}

/** The scale projection's inputs (all editable in the widget). */
export interface ProjectionSettings {
  /** N: active parameters of the model trained. */
  parameters: number;
  /** D: training tokens (for the 2-D lab, one example counts as one token). */
  tokens: number;
  gpu: GpuId;
  /** K: GPUs in parallel. */
  gpus: number;
  /** N_teacher for the transfer set. */
  teacherParameters: number;
  /** US$ per million tokens for the API route. */
  apiPricePerMillionTokens: number;
}

/** The 2-D lab's default student (2 → 16 → 16 → 3, weights and biases) and teacher (2 → 64 → 64 → 3). */
export const DEFAULT_STUDENT_PARAMETERS = 371;
export const DEFAULT_TEACHER_PARAMETERS = 4547;
/** An assumed API price, US$ per million generated tokens (editable). */
export const DEFAULT_API_PRICE_PER_MILLION = 2;

/**
 * The preset's projection settings.
 * - deepseek-v3: 37B active × 14.8T tokens on 2,048 H800s (at the implied utilisation this gives
 *   the report's 2,664K pre-training GPU-hours); teacher of the same size.
 * - fleet: the same run spread over the ~50,000 Hopper GPUs of the estimated fleet.
 * - student: your student's parameter count carried to DeepSeek-V3's 14.8T tokens on one H800,
 *   its teacher writing the transfer set.
 */
export function presetSettings(
  id: PresetId,
  run?: { studentParameters?: number; teacherParameters?: number },
): ProjectionSettings {
  const common = {
    tokens: DEEPSEEK_V3.tokens,
    gpu: DEEPSEEK_V3.gpu,
    apiPricePerMillionTokens: DEFAULT_API_PRICE_PER_MILLION,
  };
  switch (id) {
    case 'deepseek-v3':
      return {
        ...common,
        parameters: DEEPSEEK_V3.activeParameters,
        gpus: DEEPSEEK_V3.clusterGpus,
        teacherParameters: DEEPSEEK_V3.activeParameters,
      };
    case 'fleet':
      return {
        ...common,
        parameters: DEEPSEEK_V3.activeParameters,
        gpus: FLEET.hopperGpus,
        teacherParameters: DEEPSEEK_V3.activeParameters,
      };
    case 'student':
      return {
        ...common,
        parameters: run?.studentParameters || DEFAULT_STUDENT_PARAMETERS,
        gpus: 1,
        teacherParameters: run?.teacherParameters || DEFAULT_TEACHER_PARAMETERS,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// The picture: one log-scale bar per story, in dollars

export type BarId = 'run-browser' | 'run-h800' | 'projection' | 'deepseek-v3' | 'fleet';

export interface ComparisonBar {
  id: BarId;
  /** US$; undefined where not known yet (the run's bars before a run). */
  dollars?: number;
  /** Time on one GPU (the run's bars), seconds. */
  seconds?: number;
  gpuHours?: number;
  /** GPUs (the fleet's bar). */
  gpus?: number;
  /** From an estimate (the fleet). */
  estimate?: boolean;
}

export function comparisonBars(p: {
  run?: RunMeasurement;
  mfu: number;
  prices: Readonly<Record<GpuId, number>>;
  projection: ComputeOnGpus;
}): ComparisonBar[] {
  const measured = p.run && p.run.flops > 0 && p.run.flopsPerSecond > 0 ? p.run : undefined;
  const onBrowser = measured
    ? runOnGpu({ flops: measured.flops, gpu: gpuById('browser'), mfu: p.mfu, pricePerHour: p.prices.browser, measuredFlopsPerSecond: measured.flopsPerSecond })
    : undefined;
  const onH800 = measured
    ? runOnGpu({ flops: measured.flops, gpu: gpuById('h800'), mfu: p.mfu, pricePerHour: p.prices.h800 })
    : undefined;
  const table = deepseekTable(p.prices.h800);
  return [
    { id: 'run-browser', dollars: onBrowser?.dollars, seconds: onBrowser?.seconds },
    { id: 'run-h800', dollars: onH800?.dollars, seconds: onH800?.seconds },
    { id: 'projection', dollars: p.projection.dollars, gpuHours: p.projection.gpuHours },
    { id: 'deepseek-v3', dollars: table.total.dollars, gpuHours: table.total.gpuHours },
    { id: 'fleet', dollars: FLEET.serverCapex, gpus: FLEET.hopperGpus, estimate: true },
  ];
}
