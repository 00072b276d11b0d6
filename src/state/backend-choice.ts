/**
 * How `auto` picks a backend: by timing the lab's own training steps on each backend worth timing,
 * after setting aside software renderers (a GPU API drawn by the CPU: SwiftShader, llvmpipe,
 * Microsoft's Basic Render Driver), which Chromium offers when no usable GPU exists and which run
 * these nets an order of magnitude slower than WebAssembly. Pure logic: the worker measures, the
 * page remembers the result per lab on this device; both import this module.
 */
import { BACKEND_PREFERENCE, type BackendChoice, type BackendName } from './common';

/** A lab's id (its folder name under src/labs/). */
type LabName = string;

/** Time for the whole measurement, about; each backend gets a share of what is left. */
export const MEASURE_BUDGET_MS = 1500;
/** A backend's timed window never drops below this (a step or two of the MNIST lab on wasm). */
export const MIN_SLICE_MS = 200;

/** What the worker found out about one backend while choosing. */
export interface BackendTrial {
  name: BackendName;
  /**
   * - `timed`: trained a few of the lab's steps; `examplesPerSecond` says how fast;
   * - `software`: the device is a software renderer (`software` names it), so it was not timed;
   * - `unavailable`: it cannot start here (`reason` says why);
   * - `not-needed`: plain JavaScript, timed only when WebAssembly cannot start (it is always slower).
   */
  outcome: 'timed' | 'software' | 'unavailable' | 'not-needed';
  /** Readable device description, e.g. "nvidia · ampere" or "SIMD · single thread". */
  adapter?: string;
  /** The software renderer's name, when `outcome` is `software`. */
  software?: string;
  examplesPerSecond?: number;
  reason?: string;
}

/** How `auto` arrived at its choice, shown in the status line and kept per lab on the device. */
export interface AutoChoice {
  trials: BackendTrial[];
  /** True when the choice came from an earlier visit's measurement (nothing was timed now). */
  remembered: boolean;
  /** When it was measured (ms since the epoch). */
  measuredAt: number;
}

/** What the page asks the worker for: a backend, or `auto` with what an earlier visit measured. */
export interface BackendRequest {
  choice: BackendChoice;
  /** For `auto` only: the backend an earlier measurement chose for this lab on this device. */
  remembered?: { name: BackendName; auto: AutoChoice };
}

const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
  [/\bwarp\b/i, 'WARP'],
  [/software (rasterizer|renderer|adapter)/i, 'software renderer'],
];

/**
 * The software renderer a GPU description names (WebGL's `UNMASKED_RENDERER_WEBGL`, WebGPU's
 * adapter info), or null for what looks like real hardware.
 */
export function softwareRenderer(description: string | undefined, isFallbackAdapter = false): string | null {
  for (const [pattern, name] of SOFTWARE_RENDERERS) if (description && pattern.test(description)) return name;
  return isFallbackAdapter ? 'fallback adapter' : null;
}

/** What the worker learns before timing anything: can it start, and is it a software renderer? */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  adapter?: string;
  software?: string | null;
  reason?: string;
}

/**
 * Which backends to time, fastest-first: every available hardware GPU backend and WebAssembly;
 * plain JavaScript only when WebAssembly is missing; software renderers only when nothing else
 * but plain JavaScript would be left.
 */
export function backendsToTime(probes: readonly BackendProbe[]): BackendName[] {
  const byName = new Map(probes.map((p) => [p.name, p]));
  const usable = BACKEND_PREFERENCE.filter((n) => byName.get(n)?.available);
  const hardware = usable.filter((n) => (n === 'webgpu' || n === 'webgl') && !byName.get(n)?.software);
  const plan: BackendName[] = [...hardware];
  if (usable.includes('wasm')) plan.push('wasm');
  if (plan.length === 0) {
    // Nothing fast: a software GPU may still beat plain JavaScript; time what there is.
    plan.push(...usable.filter((n) => n !== 'cpu'));
  }
  if (!usable.includes('wasm') && usable.includes('cpu')) plan.push('cpu');
  return plan;
}

/** The trials' record for the probes that were not timed, in preference order. */
export function untimedTrials(probes: readonly BackendProbe[], timed: readonly BackendName[]): BackendTrial[] {
  return probes
    .filter((p) => !timed.includes(p.name))
    .map((p): BackendTrial => {
      if (!p.available) return { name: p.name, outcome: 'unavailable', reason: p.reason ?? 'cannot start here' };
      if (p.software) return { name: p.name, outcome: 'software', adapter: p.adapter, software: p.software };
      return { name: p.name, outcome: 'not-needed', adapter: p.adapter };
    });
}

/**
 * The winner: the fastest timed backend (ties go to the earlier one in preference order). With
 * nothing timed, the first available backend in preference order, hardware before software.
 */
export function fastest(trials: readonly BackendTrial[]): BackendName | null {
  const rank = (n: BackendName) => BACKEND_PREFERENCE.indexOf(n);
  const timed = trials
    .filter((t) => t.outcome === 'timed' && Number.isFinite(t.examplesPerSecond) && (t.examplesPerSecond ?? 0) > 0)
    .sort((a, b) => (b.examplesPerSecond ?? 0) - (a.examplesPerSecond ?? 0) || rank(a.name) - rank(b.name));
  if (timed[0]) return timed[0].name;
  const startable = trials.filter((t) => t.outcome !== 'unavailable').sort((a, b) => {
    const soft = Number(a.outcome === 'software') - Number(b.outcome === 'software');
    return soft || rank(a.name) - rank(b.name);
  });
  return startable[0]?.name ?? null;
}

/** How long the next backend may train while being timed, given what is left of the budget. */
export function sliceFor(elapsedMs: number, backendsLeft: number, budgetMs = MEASURE_BUDGET_MS): number {
  if (backendsLeft <= 0) return 0;
  return Math.max(MIN_SLICE_MS, (budgetMs - elapsedMs) / backendsLeft);
}

// ---------------------------------------------------------------------------------------------
// Remembering the choice on this device (the page's localStorage; workers have none).

export const STORAGE_PREFIX = 'distill-playground.auto-backend.';
const STORAGE_VERSION = 1;

export interface StoredChoice {
  version: number;
  lab: LabName;
  name: BackendName;
  /** The browser that measured: a new browser version measures again. */
  userAgent: string;
  auto: AutoChoice;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The earlier choice for this lab, if it was measured by this same browser; junk reads as none. */
export function readStoredChoice(store: KeyValueStore | null, lab: LabName, userAgent: string): StoredChoice | null {
  if (!store) return null;
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_PREFIX + lab);
  } catch {
    return null; // storage blocked (privacy settings, sandboxed iframe)
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredChoice>;
    if (
      value.version !== STORAGE_VERSION ||
      value.lab !== lab ||
      value.userAgent !== userAgent ||
      !BACKEND_PREFERENCE.includes(value.name as BackendName) ||
      !value.auto ||
      !Array.isArray(value.auto.trials)
    ) {
      return null;
    }
    return value as StoredChoice;
  } catch {
    return null;
  }
}

export function writeStoredChoice(store: KeyValueStore | null, lab: LabName, userAgent: string, name: BackendName, auto: AutoChoice): void {
  if (!store) return;
  const value: StoredChoice = { version: STORAGE_VERSION, lab, name, userAgent, auto: { ...auto, remembered: false } };
  try {
    store.setItem(STORAGE_PREFIX + lab, JSON.stringify(value));
  } catch {
    // Full or blocked storage: the next visit simply measures again.
  }
}

export function forgetStoredChoice(store: KeyValueStore | null, lab: LabName): void {
  try {
    store?.removeItem(STORAGE_PREFIX + lab);
  } catch {
    // nothing to do
  }
}

/**
 * What to ask the worker for. An explicit backend (from `?backend=` or the page's Backend menu)
 * always wins; `auto` on page load reuses this device's earlier measurement for the lab; `auto`
 * chosen in the menu (`fresh`) measures again.
 */
export function backendRequest(choice: BackendChoice, stored: StoredChoice | null, fresh = false): BackendRequest {
  if (choice !== 'auto' || fresh || !stored) return { choice };
  return { choice, remembered: { name: stored.name, auto: stored.auto } };
}
