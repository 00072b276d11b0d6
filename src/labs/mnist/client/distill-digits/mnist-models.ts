/**
 * The MNIST views' names for the one series palette (../shared/series): teacher plus up to three
 * students, styled by position. Kept as a thin re-export so existing imports keep working; new code
 * imports from ../shared/series directly.
 */
import { html, type TemplateResult } from 'lit';
import { seriesFillStyles, seriesLine, type SeriesStyle } from '../../../../components/shared/series';

export { STUDENT_STYLES, studentStyle, TEACHER_STYLE } from '../../../../components/shared/series';
export type ModelStyle = SeriesStyle;

/** Bar fills `.model-teacher`, `.model-student-1` … `-3` (and the other series aliases), and `.chip`. */
export const modelFillStyles = seriesFillStyles;

/** A colour swatch with the model's fill pattern, for legends and tables. Decorative. */
export function modelChip(style: ModelStyle): TemplateResult {
  return html`<span class="chip model-${style.key}" aria-hidden="true"></span>`;
}

/** A short line sample in the model's colour and dash, for chart legends. Decorative. */
export function modelLine(style: ModelStyle, width = 36): TemplateResult {
  return seriesLine(style, width);
}
