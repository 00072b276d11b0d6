/**
 * The keyboard crosshair of `<distill-regions>`: where it starts on a map, and where the arrow keys
 * move it (in data coordinates, kept inside the map).
 */
import type { Extent, Point } from './map-painting';

/** Crosshair steps per side of the map (Shift moves five at a time). */
export const KEY_STEPS = 40;

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** Where the crosshair starts: on the selected probe when there is one, else the map's centre. */
export function initialCrosshair(probes: Float32Array | null, selected: number, extent: Extent): Point {
  return probes && probes.length >= 2 * selected + 2
    ? { x: probes[2 * selected]!, y: probes[2 * selected + 1]! }
    : { x: (extent[0] + extent[1]) / 2, y: (extent[2] + extent[3]) / 2 };
}

/** The crosshair after arrow key `key` (one step, five with Shift); null for any other key. */
export function moveCrosshair(cross: Point, extent: Extent, key: string, shift: boolean): Point | null {
  const move = MOVES[key];
  if (!move) return null;
  const [xmin, xmax, ymin, ymax] = extent;
  const k = shift ? 5 : 1;
  return {
    x: Math.min(xmax, Math.max(xmin, cross.x + (move[0] * k * (xmax - xmin)) / KEY_STEPS)),
    y: Math.min(ymax, Math.max(ymin, cross.y + (move[1] * k * (ymax - ymin)) / KEY_STEPS)),
  };
}
