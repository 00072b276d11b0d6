/**
 * Where every figure of the cost model comes from: an id per source, its address and whether it
 * is second-hand. The citation text shown beside figures is in src/i18n (`msg.cost.sources`).
 * The widget shows sources as text and plain links: nothing here is ever fetched.
 */

export const SOURCE_IDS = [
  'deepseekV3',
  'semianalysis',
  'kaplan',
  'nvidiaH100',
  'nvidiaA100',
  'nvidiaAda',
  'exportVariants',
  'assumption',
  'measured',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface Source {
  /** Where to read it; absent for assumptions, measurements and unlinked reports. */
  url?: string;
  /** Second-hand or an estimate: shown with an "estimate" mark. */
  secondary?: boolean;
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  deepseekV3: { url: 'https://arxiv.org/abs/2412.19437' },
  semianalysis: { url: 'https://semianalysis.com/2025/01/31/deepseek-debates/', secondary: true },
  kaplan: { url: 'https://arxiv.org/abs/2001.08361' },
  nvidiaH100: { url: 'https://www.nvidia.com/en-us/data-center/h100/' },
  nvidiaA100: { url: 'https://www.nvidia.com/en-us/data-center/a100/' },
  nvidiaAda: { url: 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4090/' },
  exportVariants: { secondary: true },
  assumption: {},
  measured: {},
};

/** A number with where it came from. */
export interface Sourced {
  value: number;
  source: SourceId;
}

export function sourced(value: number, source: SourceId): Sourced {
  return { value, source };
}

/** True when a figure should be shown as an estimate (a secondary source or an assumption). */
export function isEstimate(s: Sourced): boolean {
  return SOURCES[s.source].secondary === true || s.source === 'assumption';
}
