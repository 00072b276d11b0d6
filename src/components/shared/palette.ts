/**
 * Colours and shapes, chosen so nothing is told apart by colour alone.
 * Okabe & Ito's colour-blind-safe palette: the model series (./series) take blue, vermillion, black
 * and reddish purple; the (up to five) classes take the others, so a model and a class rarely share
 * a hue, and classes also differ by marker shape, series by pattern.
 */

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export const CLASS_COLORS: readonly string[] = [
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.yellow,
  OKABE_ITO.reddishPurple,
];
export const CLASS_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross'];
export const MAX_CLASSES = CLASS_COLORS.length;

export function classColor(index: number): string {
  return CLASS_COLORS[index % CLASS_COLORS.length]!;
}

export function classShape(index: number): MarkerShape {
  return CLASS_SHAPES[index % CLASS_SHAPES.length]!;
}

/** CSS custom property that overrides class `index`'s colour. */
export function classColorVar(index: number): string {
  return `--distill-class-${index}-color`;
}

/** `#rrggbb` → [r, g, b], 0–255. Falls back to grey on anything else. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return [128, 128, 128];
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/**
 * A custom property's value on `el`, or `fallback`. Canvas drawing cannot read `var()`, so
 * canvas-based views resolve the theme this way.
 */
export function cssValue(el: Element, name: string, fallback: string): string {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value || fallback;
}
