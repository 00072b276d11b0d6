/**
 * The one series palette: how every view tells the teacher and up to three students apart, by
 * colour AND pattern (solid / striped or dashed / dotted / cross-hatched or dash-dot), the same in
 * bars (fill) and lines (dash), so nothing depends on colour alone. Okabe & Ito's colour-blind-safe
 * hues: teacher blue, then vermillion, black and reddish purple. Class colours never reuse these
 * (see ./palette).
 *
 * Series are styled by position, so every view gives "student 2" the same look. The 2-D lab's roles
 * are aliases: its student is series 1, its labels-only student series 2. Each series honours its
 * own custom property and then the older role property (`--distill-student-color`,
 * `--distill-labels-color`), so a page themed for either lab keeps its colours.
 */
import { html, type TemplateResult, unsafeCSS } from 'lit';
import { cssValue, OKABE_ITO } from './palette';

export type SeriesKey = 'teacher' | 'student-1' | 'student-2' | 'student-3';
export type SeriesFill = 'solid' | 'striped' | 'dotted' | 'crosshatch';

export interface SeriesStyle {
  /** Class suffix and part name: `teacher`, `student-1` … `student-3`. */
  key: SeriesKey;
  /** Default colour, used when no custom property is set. */
  color: string;
  /** The custom property that overrides `color`. */
  cssVar: string;
  /** Further custom properties consulted, in order, when `cssVar` is unset (older role names). */
  fallbackVars: readonly string[];
  /** Line dash for charts (canvas `setLineDash` / uPlot `dash`), in CSS pixels; [] is solid. */
  dash: number[];
  /** How bars and swatches are filled. */
  fill: SeriesFill;
}

export const TEACHER_STYLE: SeriesStyle = {
  key: 'teacher',
  color: OKABE_ITO.blue,
  cssVar: '--distill-teacher-color',
  fallbackVars: [],
  dash: [],
  fill: 'solid',
};

/** Series 1–3: the students, in readout order. */
export const STUDENT_STYLES: readonly SeriesStyle[] = [
  {
    key: 'student-1',
    color: OKABE_ITO.vermillion,
    cssVar: '--distill-student-1-color',
    fallbackVars: ['--distill-student-color'],
    dash: [10, 5],
    fill: 'striped',
  },
  {
    key: 'student-2',
    color: OKABE_ITO.black,
    cssVar: '--distill-student-2-color',
    fallbackVars: ['--distill-labels-color'],
    dash: [2, 4],
    fill: 'dotted',
  },
  {
    key: 'student-3',
    color: OKABE_ITO.reddishPurple,
    cssVar: '--distill-student-3-color',
    fallbackVars: [],
    dash: [12, 4, 3, 4],
    fill: 'crosshatch',
  },
];

/** Teacher first, then the students. */
export const SERIES_STYLES: readonly SeriesStyle[] = [TEACHER_STYLE, ...STUDENT_STYLES];

/** Style of the student at `index` in the readout (cycles past three). */
export function studentStyle(index: number): SeriesStyle {
  return STUDENT_STYLES[index % STUDENT_STYLES.length]!;
}

/** The 2-D lab's model roles. */
export type Role = 'teacher' | 'student' | 'labelsOnly';
export const ROLES: readonly Role[] = ['teacher', 'student', 'labelsOnly'];

/** Roles as series: student = series 1, labels-only = series 2. */
export const ROLE_STYLES: Readonly<Record<Role, SeriesStyle>> = {
  teacher: TEACHER_STYLE,
  student: STUDENT_STYLES[0]!,
  labelsOnly: STUDENT_STYLES[1]!,
};

/** The CSS colour of a series, as a `var()` chain: its own property, the older ones, the default. */
export function seriesColorExpr(style: SeriesStyle): string {
  return [style.cssVar, ...style.fallbackVars].reduceRight((inner, name) => `var(${name}, ${inner})`, style.color);
}

/**
 * The series colour as resolved on `el` (canvas drawing cannot read `var()`). Reads the same chain
 * as {@link seriesColorExpr}.
 */
export function seriesColor(el: Element, style: SeriesStyle): string {
  for (const name of [style.cssVar, ...style.fallbackVars]) {
    const value = cssValue(el, name, '');
    if (value) return value;
  }
  return style.color;
}

/** Private per-series custom property that the fill rules read. */
function privateVar(style: SeriesStyle): string {
  return `--_series-${style.key}`;
}

/** Declarations that paint a bar or swatch with the series' colour and pattern. */
function fillDeclarations(style: SeriesStyle): string {
  const c = `var(${privateVar(style)})`;
  switch (style.fill) {
    case 'solid':
      return `background: ${c};`;
    case 'striped':
      return `background-color: color-mix(in srgb, ${c} 22%, white);
    background-image: repeating-linear-gradient(135deg, ${c} 0 4px, transparent 4px 7px);
    box-shadow: inset 0 0 0 1.5px ${c};`;
    case 'dotted':
      return `background-color: color-mix(in srgb, ${c} 8%, white);
    background-image: radial-gradient(circle, ${c} 1.25px, transparent 1.75px);
    background-size: 6px 6px;
    background-position: 1px 1px;
    box-shadow: inset 0 0 0 1.5px ${c};`;
    case 'crosshatch':
      return `background-color: color-mix(in srgb, ${c} 20%, white);
    background-image: repeating-linear-gradient(0deg, ${c} 0 2px, transparent 2px 6px),
      repeating-linear-gradient(90deg, ${c} 0 2px, transparent 2px 6px);
    box-shadow: inset 0 0 0 1.5px ${c};`;
  }
}

/** Class names that take a series' fill: `fill-<key>`, the MNIST views' `model-<key>`, and role aliases. */
export function fillClasses(style: SeriesStyle): string[] {
  const roles = ROLES.filter((role) => ROLE_STYLES[role] === style && role !== style.key);
  return [`fill-${style.key}`, `model-${style.key}`, ...roles.map((role) => `fill-${role}`)];
}

/** Default swatch size for {@link seriesChip}; views may size `.legend .chip` etc. their own way. */
const CHIP_CSS = `  .chip {
    display: inline-block;
    flex: none;
    width: 1.5rem;
    height: 1.05rem;
    border-radius: 3px;
  }
`;

/** The bar-fill stylesheet as text (exported for tests). */
export function seriesFillCssText(): string {
  const vars = SERIES_STYLES.map((s) => `    ${privateVar(s)}: ${seriesColorExpr(s)};`).join('\n');
  const rules = SERIES_STYLES.map(
    (s) => `  ${fillClasses(s)
      .map((name) => `.${name}`)
      .join(',\n  ')} {\n    ${fillDeclarations(s)}\n  }`,
  ).join('\n');
  return `  :host {\n${vars}\n  }\n${rules}\n${CHIP_CSS}`;
}

/**
 * Bar and swatch fills per series: `.fill-teacher`, `.fill-student-1` … `-3`, with the aliases
 * `.model-<key>` (MNIST views) and `.fill-student`, `.fill-labelsOnly` (2-D lab roles), and a
 * default `.chip` size.
 */
export const seriesFillStyles = unsafeCSS(seriesFillCssText());

/** A short line sample in the series' colour and dash, for chart legends. Decorative. */
export function seriesLine(style: SeriesStyle, width = 36): TemplateResult {
  const dash = style.dash.length ? style.dash.join(' ') : 'none';
  return html`<svg class="line-sample" width=${width} height="14" viewBox="0 0 ${width} 14" aria-hidden="true">
    <line x1="1" y1="7" x2=${width - 1} y2="7" stroke=${seriesColorExpr(style)} stroke-width="3"
      stroke-dasharray=${dash} stroke-linecap=${style.dash.length ? 'butt' : 'round'} /></svg>`;
}

/** A colour swatch with the series' fill pattern (needs {@link seriesFillStyles}). Decorative. */
export function seriesChip(style: SeriesStyle): TemplateResult {
  return html`<span class="chip fill-${style.key}" aria-hidden="true"></span>`;
}
