/**
 * How the MNIST views tell the teacher and up to three students apart: colour AND pattern, the
 * same in bars (fill) and lines (dash), so nothing depends on colour alone. Okabe & Ito's
 * colour-blind-safe palette: teacher blue (solid), then vermillion (striped / dashed), black
 * (dotted) and reddish purple (cross-hatched / dash-dot). Students are styled by position in the
 * readout, so every MNIST view gives "student 2" the same look.
 *
 * Shared by <distill-digits>, <distill-class-errors> and <distill-error-chart>.
 */
import { css, html, type TemplateResult } from 'lit';
import { OKABE_ITO } from '../shared/palette';

export interface ModelStyle {
  /** Class suffix and part name: `teacher`, `student-1` … `student-3`. */
  key: string;
  color: string;
  /** CSS custom property that overrides `color`. */
  cssVar: string;
  /** Line dash for charts, in CSS pixels; [] is solid. */
  dash: number[];
  fill: 'solid' | 'striped' | 'dotted' | 'crosshatch';
}

export const TEACHER_STYLE: ModelStyle = {
  key: 'teacher',
  color: OKABE_ITO.blue,
  cssVar: '--distill-teacher-color',
  dash: [],
  fill: 'solid',
};

export const STUDENT_STYLES: readonly ModelStyle[] = [
  { key: 'student-1', color: OKABE_ITO.vermillion, cssVar: '--distill-student-1-color', dash: [10, 5], fill: 'striped' },
  { key: 'student-2', color: OKABE_ITO.black, cssVar: '--distill-student-2-color', dash: [2, 4], fill: 'dotted' },
  {
    key: 'student-3',
    color: OKABE_ITO.reddishPurple,
    cssVar: '--distill-student-3-color',
    dash: [12, 4, 3, 4],
    fill: 'crosshatch',
  },
];

/** Style of the student at `index` in the readout (cycles past three). */
export function studentStyle(index: number): ModelStyle {
  return STUDENT_STYLES[index % STUDENT_STYLES.length]!;
}

/**
 * Bar fills `.model-teacher`, `.model-student-1` … `-3`. The first student also honours the
 * house `--distill-student-color`, so a page themed for the toy lab keeps its student colour.
 */
export const modelFillStyles = css`
  :host {
    --_m-teacher: var(--distill-teacher-color, #0072b2);
    --_m-s1: var(--distill-student-1-color, var(--distill-student-color, #d55e00));
    --_m-s2: var(--distill-student-2-color, #000000);
    --_m-s3: var(--distill-student-3-color, #cc79a7);
  }
  .model-teacher {
    background: var(--_m-teacher);
  }
  .model-student-1 {
    background-color: color-mix(in srgb, var(--_m-s1) 22%, white);
    background-image: repeating-linear-gradient(135deg, var(--_m-s1) 0 4px, transparent 4px 7px);
    box-shadow: inset 0 0 0 1.5px var(--_m-s1);
  }
  .model-student-2 {
    background-color: color-mix(in srgb, var(--_m-s2) 8%, white);
    background-image: radial-gradient(circle, var(--_m-s2) 1.25px, transparent 1.75px);
    background-size: 6px 6px;
    background-position: 1px 1px;
    box-shadow: inset 0 0 0 1.5px var(--_m-s2);
  }
  .model-student-3 {
    background-color: color-mix(in srgb, var(--_m-s3) 20%, white);
    background-image: repeating-linear-gradient(0deg, var(--_m-s3) 0 2px, transparent 2px 6px),
      repeating-linear-gradient(90deg, var(--_m-s3) 0 2px, transparent 2px 6px);
    box-shadow: inset 0 0 0 1.5px var(--_m-s3);
  }
  .chip {
    display: inline-block;
    flex: none;
    width: 1.5rem;
    height: 1.05rem;
    border-radius: 3px;
  }
`;

/** A colour swatch with the model's fill pattern, for legends and tables. Decorative. */
export function modelChip(style: ModelStyle): TemplateResult {
  return html`<span class="chip model-${style.key}" aria-hidden="true"></span>`;
}

/** A short line sample in the model's colour and dash, for chart legends. Decorative. */
export function modelLine(style: ModelStyle, width = 36): TemplateResult {
  const dash = style.dash.length ? style.dash.join(' ') : 'none';
  const fallback = style.key === 'student-1' ? `var(--distill-student-color, ${style.color})` : style.color;
  return html`<svg class="line-sample" width=${width} height="14" viewBox="0 0 ${width} 14" aria-hidden="true">
    <line x1="1" y1="7" x2=${width - 1} y2="7" stroke="var(${style.cssVar}, ${fallback})" stroke-width="3"
      stroke-dasharray=${dash} stroke-linecap=${style.dash.length ? 'butt' : 'round'} /></svg>`;
}
