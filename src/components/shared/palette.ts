/**
 * Colours and shapes, chosen so nothing is told apart by colour alone.
 * Okabe & Ito's colour-blind-safe palette: the three model roles take blue, vermillion and black,
 * the (up to five) classes take the other five, so a role never shares a hue with a class.
 * Roles also differ by pattern (solid / dashed or striped / dotted), classes by marker shape.
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

export type Role = 'teacher' | 'student' | 'labelsOnly';
export const ROLES: readonly Role[] = ['teacher', 'student', 'labelsOnly'];

export interface RoleStyle {
  color: string;
  /** CSS custom property that overrides `color`. */
  cssVar: string;
  /** Line dash for charts (canvas `setLineDash` / uPlot `dash`), in CSS pixels; [] is solid. */
  dash: number[];
  /** How bars are filled. */
  fill: 'solid' | 'striped' | 'dotted';
}

export const ROLE_STYLES: Readonly<Record<Role, RoleStyle>> = {
  teacher: { color: OKABE_ITO.blue, cssVar: '--distill-teacher-color', dash: [], fill: 'solid' },
  student: { color: OKABE_ITO.vermillion, cssVar: '--distill-student-color', dash: [10, 5], fill: 'striped' },
  labelsOnly: { color: OKABE_ITO.black, cssVar: '--distill-labels-color', dash: [2, 4], fill: 'dotted' },
};

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
