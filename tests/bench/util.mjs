/**
 * Small helpers shared by the benchmark's modules: logging, rounding, medians, timeouts, errors.
 */

export const log = (msg) => console.log(`[bench] ${msg}`);

export function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function shortError(err) {
  const text = String(err?.message ?? err).split('\n')[0];
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
