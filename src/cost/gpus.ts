/**
 * The GPU catalog: data-centre and desktop GPUs, each figure with its source, plus "this
 * browser's GPU", whose speed is measured by the running playground rather than looked up.
 *
 * Peaks are *dense* tensor-core figures (vendors also quote "with sparsity", twice as high, which
 * training does not reach). Rental prices are editable defaults: only the H800's $2/hour is a
 * published figure (DeepSeek's own assumption in Table 1); the others are labelled "assumed".
 */
import { type Sourced, sourced } from './sources';

export const GPU_IDS = ['browser', 'h100', 'h800', 'h20', 'a100', 'rtx4090'] as const;
export type GpuId = (typeof GPU_IDS)[number];
/** The catalog GPUs with published peaks (everything but the browser's). */
export type DataCentreGpuId = Exclude<GpuId, 'browser'>;

export interface GpuSpec {
  id: GpuId;
  /** Product name (not translated). The browser entry's name comes from the UI strings. */
  name: string;
  /** Dense BF16/FP16 tensor-core peak, FLOP/s. Absent for the browser's GPU (measured instead). */
  peakBf16?: Sourced;
  /** FP32 (non-tensor) peak, FLOP/s, where a source gives one. */
  peakFp32?: Sourced;
  /** Memory, GB. */
  memoryGB?: Sourced;
  /** Default rental price, US$ per GPU-hour (editable in the widget). */
  pricePerHour: Sourced;
}

const T = 1e12;

export const GPU_CATALOG: readonly GpuSpec[] = [
  {
    id: 'browser',
    name: 'browser',
    // Electricity for a ~150 W GPU at $0.30/kWh ≈ $0.05/hour: you already own the hardware.
    pricePerHour: sourced(0.05, 'assumption'),
  },
  {
    id: 'h100',
    name: 'H100 SXM',
    peakBf16: sourced(989 * T, 'nvidiaH100'),
    peakFp32: sourced(67 * T, 'nvidiaH100'),
    memoryGB: sourced(80, 'nvidiaH100'),
    pricePerHour: sourced(2, 'assumption'),
  },
  {
    id: 'h800',
    name: 'H800',
    // Same compute as the H100 SXM; the export variant cut NVLink to 400 GB/s.
    peakBf16: sourced(989 * T, 'exportVariants'),
    memoryGB: sourced(80, 'exportVariants'),
    pricePerHour: sourced(2, 'deepseekV3'),
  },
  {
    id: 'h20',
    name: 'H20',
    peakBf16: sourced(148 * T, 'exportVariants'),
    memoryGB: sourced(96, 'exportVariants'),
    pricePerHour: sourced(1, 'assumption'),
  },
  {
    id: 'a100',
    name: 'A100 SXM',
    peakBf16: sourced(312 * T, 'nvidiaA100'),
    peakFp32: sourced(19.5 * T, 'nvidiaA100'),
    memoryGB: sourced(80, 'nvidiaA100'),
    pricePerHour: sourced(1.2, 'assumption'),
  },
  {
    id: 'rtx4090',
    name: 'RTX 4090',
    peakBf16: sourced(165.2 * T, 'nvidiaAda'),
    peakFp32: sourced(82.6 * T, 'nvidiaAda'),
    memoryGB: sourced(24, 'nvidiaAda'),
    pricePerHour: sourced(0.4, 'assumption'),
  },
];

export function isGpuId(x: unknown): x is GpuId {
  return typeof x === 'string' && (GPU_IDS as readonly string[]).includes(x);
}

export function gpuById(id: GpuId): GpuSpec {
  const gpu = GPU_CATALOG.find((g) => g.id === id);
  if (!gpu) throw new RangeError(`unknown GPU ${id}`);
  return gpu;
}

/** Default price per GPU-hour of every catalog GPU. */
export function defaultPrices(): Record<GpuId, number> {
  return Object.fromEntries(GPU_CATALOG.map((g) => [g.id, g.pricePerHour.value])) as Record<GpuId, number>;
}

/**
 * FLOP/s a GPU actually delivers on training: dense peak × model-FLOPs utilisation for a catalog
 * GPU; for the browser's GPU, the throughput the run measured (already an achieved figure, so no
 * utilisation is applied). Undefined when not known (the browser's before a run).
 */
export function deliveredFlopsPerSecond(gpu: GpuSpec, mfu: number, measuredFlopsPerSecond?: number): number | undefined {
  if (gpu.id === 'browser') {
    return measuredFlopsPerSecond !== undefined && measuredFlopsPerSecond > 0 ? measuredFlopsPerSecond : undefined;
  }
  return gpu.peakBf16 ? gpu.peakBf16.value * mfu : undefined;
}
