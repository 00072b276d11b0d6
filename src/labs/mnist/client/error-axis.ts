/**
 * The MNIST test-error chart's y-axis top, in percent. Pure, so vitest checks it in Node.
 *
 * Test error falls from ~90 % to ~1 % within a few hundred steps; on a 0–100 % axis the part
 * worth reading (teacher 0.7 % against students 1.2–2 %) would be a flat line at the bottom. So the
 * axis zooms to a few times the latest errors, and the first steps start above the top.
 */
import { niceAxis } from '../../../shared/axis';

/** Zoom to this multiple of the largest latest error… */
const ZOOM = 3;
/** …but never closer than 0–2 %. */
const MIN_TOP = 2;

/**
 * @param latestMax the largest of the latest errors (percent), or NaN when there is no data.
 * @param dataMax   the largest error anywhere in the data (percent).
 * @param full      show the whole 0–100 % range instead.
 */
export function errorAxisTop(latestMax: number, dataMax: number, full: boolean): number {
  if (full) return 100;
  if (!Number.isFinite(latestMax) || !Number.isFinite(dataMax) || dataMax <= 0) return 10;
  const wanted = Math.min(dataMax, Math.max(MIN_TOP, ZOOM * latestMax));
  return niceAxis(Math.min(100, wanted) / 100).top * 100;
}
