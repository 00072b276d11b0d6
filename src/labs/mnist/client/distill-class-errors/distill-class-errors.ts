import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { MnistErrors, MnistStudentReadout } from '../../shared/readouts';
import { defineElement } from '../../../../components/shared/define';
import { formatInteger, formatPercent } from '../../../../shared/format';
import { hostStyles, legendStyles, scrollCueStyles } from '../../../../components/shared/styles';
import { modelChip, modelFillStyles, type ModelStyle, studentStyle, TEACHER_STYLE } from '../distill-digits/mnist-models';
import { niceAxis } from '../../../../shared/axis';
import { barScale } from '../../../../components/distill-bars/bars-data';
import { Cadence } from '../../../../components/shared/cadence';
import { confusionHeat, errorRate, errorsKey, maxOffDiagonal, topConfusions } from './class-errors-data';
import { classErrorsStyles } from './distill-class-errors.styles';
import { mnistMsg } from '../../i18n/index';

const DIGITS = Array.from({ length: 10 }, (_, d) => d);
/** Key of the teacher in `confusionModel` (students use their `id`). */
export const TEACHER_KEY = 'teacher';

interface Model {
  key: string;
  name: string;
  style: ModelStyle;
  errors: MnistErrors;
}

/** Percentages on the axis: whole numbers when the step allows, else one decimal. */
function axisPercent(v: number, step: number): string {
  return formatPercent(v, step >= 0.01 ? 0 : step >= 0.001 ? 1 : 2);
}

/**
 * Per-digit test errors of the MNIST lab's teacher and students: grouped bars of each digit's
 * error rate (the share of that digit's test images a model gets wrong), totals as text, an
 * optional emphasised digit (e.g. 3 in the dark-knowledge preset, where the students never see a
 * 3), and, when a readout carries one, a model's confusion matrix with its largest mistakes listed.
 *
 * @summary Per-digit error bars, totals, and a confusion matrix for the MNIST lab.
 *
 * @slot - Not used.
 *
 * @csspart legend - The model legend.
 * @csspart totals - The list of total errors per model.
 * @csspart highlight - The line of values for the emphasised digit.
 * @csspart chart - The bar chart panel.
 * @csspart bar - Each bar (also `bar-teacher`, `bar-student-1` … `bar-student-3`).
 * @csspart confusion - The confusion-matrix panel.
 * @csspart matrix - The confusion-matrix table.
 * @csspart top-confusions - The list of the largest mistakes.
 *
 * @cssproperty --distill-teacher-color - Teacher bars (solid blue).
 * @cssproperty --distill-student-1-color - First student (striped vermillion; falls back to `--distill-student-color`).
 * @cssproperty --distill-student-2-color - Second student (dotted black).
 * @cssproperty --distill-student-3-color - Third student (cross-hatched reddish purple).
 * @cssproperty --distill-accent-color - The emphasised digit and the selected model button.
 * @cssproperty --distill-heat-color - Confusion-matrix mistakes at their worst (default #a63603).
 * @cssproperty --distill-chart-height - Height of the bar chart (default 220px).
 * @cssproperty --distill-bar-transition - Bar animation time (default 250ms).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillClassErrors extends LitElement {
  static override styles = [hostStyles, scrollCueStyles, legendStyles, modelFillStyles, classErrorsStyles];

  private readonly cadence = new Cadence();

  /** The data last rendered (`errorsKey`): a snapshot with the same errors renders nothing. */
  private shownKey = '';
  /** The data about to be rendered, keyed once per update in `shouldUpdate`. */
  private nextKey = '';

  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    this.nextKey = errorsKey(this.teacher, this.students);
    const onlyData = [...changed.keys()].every((k) => k === 'students' || k === 'teacher');
    return !onlyData || this.nextKey !== this.shownKey;
  }

  protected override willUpdate(): void {
    if (this.nextKey !== this.shownKey) this.cadence.note();
    this.shownKey = this.nextKey;
  }

  /** The teacher's test errors, or null before the first readout. */
  @property({ attribute: false }) teacher: MnistErrors | null = null;
  @property({ attribute: false }) students: MnistStudentReadout[] = [];
  /** A digit 0–9 to emphasise, or undefined for none. */
  @property({ type: Number }) highlight?: number;
  /**
   * Whose confusion matrix to show: `"teacher"` or a student's `id`. When that model has no
   * matrix, the first student with one is shown (else the teacher's).
   */
  @property({ attribute: 'confusion-model' }) confusionModel = '';

  private models(): Model[] {
    const models: Model[] = [];
    if (this.teacher) models.push({ key: TEACHER_KEY, name: mnistMsg.mnist.teacher, style: TEACHER_STYLE, errors: this.teacher });
    this.students.forEach((s, i) =>
      models.push({ key: s.id, name: s.label || mnistMsg.mnist.studentFallback(i), style: studentStyle(i), errors: s.test }),
    );
    return models;
  }

  private highlighted(): number {
    const h = this.highlight;
    return h !== undefined && h !== null && Number.isInteger(h) && h >= 0 && h <= 9 ? h : -1;
  }

  private rate(m: Model, d: number): number | null {
    return errorRate(m.errors.perClass.errors[d], m.errors.perClass.totals[d]);
  }

  private totals(models: Model[]): TemplateResult {
    const t = mnistMsg.mnist.classErrors;
    return html`<h3>${t.totalsTitle}</h3>
      <ul class="totals" part="totals">
        ${models.map(
          (m) => html`<li data-testid="total-${m.key}">
            ${modelChip(m.style)}<span class="name">${m.name}:</span>
            <span class="num"
              >${t.total(
                formatInteger(m.errors.errors),
                formatInteger(m.errors.total),
                formatPercent(errorRate(m.errors.errors, m.errors.total), 2),
              )}</span
            >
          </li>`,
        )}
      </ul>`;
  }

  private highlightLine(models: Model[], h: number): TemplateResult | typeof nothing {
    if (h < 0) return nothing;
    const t = mnistMsg.mnist.classErrors;
    return html`<p class="highlight-line" part="highlight" data-testid="highlight">
      <b>${t.highlightLine(mnistMsg.mnist.digit(h))}</b>
      ${models.map(
        (m) => html`<span class="item"
          >${modelChip(m.style)}${m.name}
          <b
            >${t.highlightValue(
              formatPercent(this.rate(m, h)),
              formatInteger(m.errors.perClass.errors[h]),
              formatInteger(m.errors.perClass.totals[h]),
            )}</b
          ></span
        >`,
      )}
    </p>`;
  }

  private chart(models: Model[], h: number): TemplateResult {
    const t = mnistMsg.mnist.classErrors;
    let max = 0;
    for (const m of models) for (const d of DIGITS) max = Math.max(max, this.rate(m, d) ?? 0);
    const { top, step } = niceAxis(max);
    const ticks: number[] = [];
    for (let k = 0; k * step <= top + 1e-12; k++) ticks.push(k * step);
    const pos = (v: number) => `${((v / top) * 100).toFixed(2)}%`;
    return html`<section class="panel" part="chart">
      <h3>${t.chartTitle}</h3>
      <p class="help">${t.chartHelp}</p>
      <div class="chart" role="img" aria-label=${t.chartLabel}>
        <div class="y-axis" aria-hidden="true">
          ${ticks.map((v) => html`<span style="bottom:${pos(v)}">${axisPercent(v, step)}</span>`)}
        </div>
        <div class="plot ${this.cadence.streaming ? 'streaming' : ''}" aria-hidden="true">
          ${ticks.slice(1).map((v) => html`<div class="gridline" style="bottom:${pos(v)}"></div>`)}
          ${DIGITS.map(
            (d) => html`<div class="group ${d === h ? 'highlight' : ''}">
              ${models.map((m) => {
                const r = this.rate(m, d) ?? 0;
                return html`<div
                  class="bar model-${m.style.key}"
                  part="bar bar-${m.style.key}"
                  style="transform:scaleY(${barScale(top > 0 ? r / top : 0)})"
                  title=${t.bar(
                    m.name,
                    mnistMsg.mnist.digit(d),
                    formatPercent(r),
                    formatInteger(m.errors.perClass.errors[d]),
                    formatInteger(m.errors.perClass.totals[d]),
                  )}
                ></div>`;
              })}
            </div>`,
          )}
        </div>
        <div class="x-axis" aria-hidden="true">
          ${DIGITS.map((d) => html`<div class=${d === h ? 'highlight' : ''}><span>${mnistMsg.mnist.digit(d)}</span></div>`)}
        </div>
        <div class="x-title" aria-hidden="true">${mnistMsg.mnist.digits.digitAxis}</div>
      </div>
      <div class="visually-hidden"><table>
        <caption>
          ${t.tableCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.modelHeader}</th>
            ${DIGITS.map((d) => html`<th scope="col">${t.digitHeader(mnistMsg.mnist.digit(d))}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${models.map(
            (m) => html`<tr>
              <th scope="row">${m.name}</th>
              ${DIGITS.map((d) => html`<td>${formatPercent(this.rate(m, d))}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table></div>
    </section>`;
  }

  private confusionPanel(models: Model[], h: number): TemplateResult | typeof nothing {
    const t = mnistMsg.mnist.classErrors;
    const withMatrix = models.filter((m) => m.errors.confusion && m.errors.confusion.length >= 100);
    if (withMatrix.length === 0) return nothing;
    const chosen =
      withMatrix.find((m) => m.key === this.confusionModel) ??
      withMatrix.find((m) => m.key !== TEACHER_KEY) ??
      withMatrix[0]!;
    const matrix = chosen.errors.confusion!;
    const maxOff = maxOffDiagonal(matrix);
    const top = topConfusions(matrix, 5);
    return html`<section class="panel" part="confusion">
      <h3>${t.confusionTitle}</h3>
      <p class="help">${t.confusionHelp}</p>
      ${withMatrix.length > 1
        ? html`<fieldset class="picker">
            <legend>${t.confusionModel}</legend>
            ${withMatrix.map(
              (m) => html`<button
                type="button"
                aria-pressed=${m === chosen ? 'true' : 'false'}
                data-testid="confusion-${m.key}"
                @click=${() => {
                  this.confusionModel = m.key;
                }}
              >
                ${modelChip(m.style)}${m.name}
              </button>`,
            )}
          </fieldset>`
        : nothing}
      <div class="matrix-wrap scroll-x">
        <table class="matrix" part="matrix" aria-label=${t.confusionLabel(chosen.name)}>
          <caption>
            ${chosen.name}
          </caption>
          <thead>
            <tr>
              <td></td>
              <th scope="colgroup" colspan="10" class="predicted">${t.predictedAxis}</th>
            </tr>
            <tr>
              <th class="corner" scope="col">${t.trueAxis}</th>
              ${DIGITS.map(
                (d) => html`<th scope="col" class="col-head ${d === h ? 'highlight' : ''}">${mnistMsg.mnist.digit(d)}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${DIGITS.map(
              (row) => html`<tr>
                <th scope="row" class="row-head ${row === h ? 'highlight' : ''}">${mnistMsg.mnist.digit(row)}</th>
                ${DIGITS.map((col) => {
                  const count = matrix[row * 10 + col] ?? 0;
                  const diagonal = row === col;
                  const heat = diagonal ? 0 : confusionHeat(count, maxOff);
                  const cls = diagonal ? 'diagonal' : `${count === 0 ? 'zero' : ''} ${heat > 0.55 ? 'hot' : ''}`;
                  return html`<td
                    class=${cls}
                    style="--heat:${heat.toFixed(3)}"
                    title=${t.cell(mnistMsg.mnist.digit(row), mnistMsg.mnist.digit(col), formatInteger(count))}
                  >
                    ${formatInteger(count)}
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="top-confusions" part="top-confusions" data-testid="top-confusions">
        ${t.topConfusions}
        ${top.length
          ? top.map(
              (c) =>
                html`<span class="item"
                  >${t.confusion(mnistMsg.mnist.digit(c.trueDigit), mnistMsg.mnist.digit(c.predicted), formatInteger(c.count))}</span
                >`,
            )
          : t.noConfusions}
      </p>
    </section>`;
  }

  override render(): TemplateResult {
    const models = this.models();
    if (models.length === 0) return html`<p class="empty">${mnistMsg.mnist.classErrors.waiting}</p>`;
    const h = this.highlighted();
    return html`<ul class="legend" part="legend" aria-label=${mnistMsg.mnist.modelsLegend}>
        ${models.map((m) => html`<li>${modelChip(m.style)}${m.name}</li>`)}
      </ul>
      ${this.totals(models)} ${this.highlightLine(models, h)}
      <div class="layout-box"><div class="layout">${this.chart(models, h)} ${this.confusionPanel(models, h)}</div></div>`;
  }
}

defineElement('distill-class-errors', DistillClassErrors);

declare global {
  interface HTMLElementTagNameMap {
    'distill-class-errors': DistillClassErrors;
  }
}
