import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../i18n/index';
import { defineElement } from '../shared/define';
import { formatKnob, formatPercent, formatSignificant } from '../../shared/format';
import { classMarker } from '../shared/markers';
import { hostStyles } from '../shared/styles';
import { seriesChip, seriesFillStyles, type SeriesStyle } from '../shared/series';
import { barHeight, barScale, columnPlan, type ColumnPlan, columnValues, type Distribution, scaleTop, topEntries } from './bars-data';
import { barsStyles } from './distill-bars.styles';
import { Cadence, Throttle } from '../shared/cadence';

export type { Distribution } from './bars-data';

/** One series of bars: the teacher, a student, a labels-only student… */
export interface BarsModel {
  /** Part suffix of its bars: `bar-${key}`. */
  key: string;
  /** Its name in tables, tooltips and the top-k list. */
  label: string;
  /** Its colour and fill pattern, from the one series palette. */
  style: SeriesStyle;
}

/**
 * Probabilities over a few classes for several models, as bars: one row softened at temperature T
 * (the teacher's "dark knowledge") and one at T = 1 (what each model predicts), with class labels
 * under them. Every number is also text: a table per row for screen readers, and optionally the
 * top entries of each model written out for everyone. Models differ by colour and fill pattern.
 *
 * A view model, not a worker snapshot: pass `classes`, `models` and one distribution per model in
 * `atT` and `at1` (`Float32Array.subarray` views of a batch readout cost no copy). With many
 * classes, `top-k` shows the k most probable (by the first model at T = 1) and a "Rest" bucket.
 *
 * @summary Per-class probability bars for a teacher and its students, at T and at 1.
 *
 * @slot - Not used.
 *
 * @csspart plot - Each row of bars.
 * @csspart bar - Each bar (also `bar-${key}` per model, e.g. `bar-teacher`, `bar-student-1`).
 * @csspart axis - The class labels under the rows.
 * @csspart top - The visible table of each model's top entries (with `top-text`).
 *
 * @cssproperty --distill-bar-height - Height of one row of bars (default 100px).
 * @cssproperty --distill-bar-transition - Bar animation time (default 250ms).
 * @cssproperty --distill-accent-color - The highlighted (true) class.
 * @cssproperty --distill-teacher-color - The teacher's colour; `--distill-student-1-color` … `-3` the students' (see shared/series).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillBars extends LitElement {
  static override styles = [hostStyles, seriesFillStyles, barsStyles];

  private readonly cadence = new Cadence();
  /**
   * What the screen-reader tables and the bars' tooltips say: while training streams, refreshed
   * once a second (60 table cells and 60 tooltips rewritten at every snapshot were most of this
   * element's layout work); the bars themselves follow every snapshot.
   */
  private readonly readable = new Throttle<{ atT: Distribution[]; at1: Distribution[] }>(() => this.requestUpdate());
  private told: { atT: Distribution[]; at1: Distribution[] } = { atT: [], at1: [] };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('atT') || changed.has('at1')) this.cadence.note();
    const key = `${this.models.map((m) => m.key).join()}/${this.classes.length}/${this.topK}/${this.highlight}`; // another image: at once
    this.told = this.readable.pick(this.cadence.streaming, key, () => ({ atT: this.atT, at1: this.at1 }));
  }

  /** Class labels as printed under the bars and in table headers ("7", "Class 1", "left"). */
  @property({ attribute: false }) classes: string[] = [];
  /** Longer class names for the bars' tooltips ("digit 7"); defaults to `classes`. */
  @property({ attribute: false }) classTitles?: string[];
  /** The models, in drawing order (the first also orders the columns with `top-k`). */
  @property({ attribute: false }) models: BarsModel[] = [];
  /** One distribution per model, at temperature `temperature`. */
  @property({ attribute: false }) atT: Distribution[] = [];
  /** One distribution per model, at T = 1. */
  @property({ attribute: false }) at1: Distribution[] = [];
  @property({ type: Number }) temperature = 1;
  /** Show only the k most probable classes and a "Rest" bucket (0: every class). */
  @property({ type: Number, attribute: 'top-k' }) topK = 0;
  /** Index of the class to mark (the true label), or -1. */
  @property({ type: Number }) highlight = -1;
  /** Draw each class's marker shape (the 2-D lab's class colours) above its label. */
  @property({ type: Boolean }) markers = false;
  /** Show a scale beside each row. */
  @property({ type: Boolean }) axis = false;
  /** Zoom the row at T to a round top just above its largest bar (implies `axis`). */
  @property({ type: Boolean }) zoom = false;
  /** Write out each model's top n classes at T and at 1 in a visible table (0: none). */
  @property({ type: Number, attribute: 'top-text' }) topText = 0;
  /** Caption of that table. */
  @property({ attribute: 'top-caption' }) topCaption?: string;
  /** A word under the class labels ("Digit"). */
  @property({ attribute: 'axis-title' }) axisTitle?: string;
  /** Captions of the screen-reader tables at T and at 1 (default "Probabilities at T = …"). */
  @property({ attribute: 'caption-at-t' }) captionAtT?: string;
  @property({ attribute: 'caption-at-1' }) captionAt1?: string;
  /** A short explanation after each row's title; without them the titles are only visual. */
  @property({ attribute: 'help-at-t' }) helpAtT?: string;
  @property({ attribute: 'help-at-1' }) helpAt1?: string;

  private classLabel(c: number): string {
    return c < 0 ? msg.bars.rest : (this.classes[c] ?? String(c));
  }

  private row(dists: Distribution[], told: Distribution[], plan: ColumnPlan, zoom: boolean, testid: string): TemplateResult {
    const values = this.models.map((_, m) => columnValues(dists[m], plan, this.classes.length));
    const titled = this.models.map((_, m) => columnValues(told[m], plan, this.classes.length));
    const top = scaleTop(values, zoom);
    const columns = [...plan.classes, ...(plan.rest ? [-1] : [])];
    const groups = columns.map(
      (c, j) => html`<div class="group ${c >= 0 && c === this.highlight ? 'true' : ''} ${c < 0 ? 'rest' : ''}">
        ${this.models.map((model, m) => {
          const v = values[m]![j]!;
          const name = c < 0 ? msg.bars.rest : (this.classTitles?.[c] ?? this.classLabel(c));
          return html`<div
            class="bar fill-${model.style.key}"
            part="bar bar-${model.key}"
            style="transform:scaleY(${barScale(barHeight(v, top))})"
            title=${msg.bars.bar(model.label, name, formatPercent(titled[m]![j]))}
          ></div>`;
        })}
      </div>`,
    );
    const tick = (v: number) => `${formatSignificant(v * 100, 2)} ${msg.units.percent}`;
    return html`${this.axis || this.zoom
        ? html`<div class="y-axis" aria-hidden="true" data-testid=${testid}>
            <span style="bottom:100%">${tick(top)}</span><span style="bottom:50%">${tick(top / 2)}</span
            ><span style="bottom:0">0</span>
          </div>`
        : nothing}
      <div class="plot ${this.cadence.streaming ? 'streaming' : ''}" part="plot" aria-hidden="true">${groups}</div>`;
  }

  private rowLabel(title: string, help: string | undefined): TemplateResult {
    return help
      ? html`<div class="row-label">${title} <span class="help">(${help})</span></div>`
      : html`<div class="row-label" aria-hidden="true">${title}</div>`;
  }

  private table(dists: Distribution[], caption: string): TemplateResult {
    const classes = this.classes.map((_, c) => c);
    return html`<div class="visually-hidden"><table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg.bars.modelHeader}</th>
          ${classes.map((c) => html`<th scope="col">${this.classLabel(c)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${this.models.map(
          (model, m) => html`<tr>
            <th scope="row">${model.label}</th>
            ${classes.map((c) => html`<td>${formatPercent(dists[m]?.[c])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  /** "7: 91.2 %, 2: 6.1 %, 1: 1.0 %", each entry kept on one line. */
  private topList(dist: Distribution | undefined): TemplateResult[] {
    const t = msg.bars;
    const entries = topEntries(dist, this.classes.length, this.topText);
    return entries.map(
      (e, k) =>
        html`<span class="entry">${t.topEntry(this.classLabel(e.index), formatPercent(e.p))}</span>${k < entries.length - 1
            ? t.topSeparator
            : nothing}`,
    );
  }

  private topTable(temperature: string): TemplateResult {
    return html`<table class="top" part="top" data-testid="top${this.topText}">
      <caption>
        ${this.topCaption ?? msg.bars.topCaption(this.topText)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg.bars.modelHeader}</th>
          <th scope="col">${msg.bars.atT(temperature)}</th>
          <th scope="col">${msg.bars.atOne}</th>
        </tr>
      </thead>
      <tbody>
        ${this.models.map(
          (model, m) => html`<tr>
            <th scope="row"><span class="model">${seriesChip(model.style)}${model.label}</span></th>
            <td>${this.topList(this.atT[m])}</td>
            <td>${this.topList(this.at1[m])}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (this.models.length === 0 || this.classes.length === 0) return nothing;
    const t = msg.bars;
    const temperature = formatKnob(this.temperature, 1);
    const plan = columnPlan(this.at1[0], this.classes.length, this.topK);
    const columns = plan.classes.length + (plan.rest ? 1 : 0);
    const h = this.highlight;
    const marked = h >= 0 && h < this.classes.length;
    return html`<div class="bars ${this.axis || this.zoom ? 'with-axis' : ''}" style="--_columns:${columns}">
        ${this.rowLabel(t.atT(temperature), this.helpAtT)} ${this.row(this.atT, this.told.atT, plan, this.zoom, 'scale-t')}
        ${this.rowLabel(t.atOne, this.helpAt1)} ${this.row(this.at1, this.told.at1, plan, false, 'scale-1')}
        <div class="axis" part="axis" aria-hidden="true">
          ${[...plan.classes, ...(plan.rest ? [-1] : [])].map(
            (c) => html`<div class="class ${c >= 0 && c === h ? 'true' : ''}">
              ${this.markers && c >= 0 ? classMarker(c, 18) : nothing}<span>${this.classLabel(c)}</span>
            </div>`,
          )}
        </div>
        ${this.axisTitle !== undefined || marked
          ? html`<p class="axis-note" aria-hidden="true">
              ${this.axisTitle ?? nothing}${marked
                ? html`${this.axisTitle ? ' · ' : ''}${this.classLabel(h)} = ${t.trueClass}`
                : nothing}
            </p>`
          : nothing}
      </div>
      ${this.table(this.told.atT, this.captionAtT ?? t.caption(temperature))}
      ${this.table(this.told.at1, this.captionAt1 ?? t.caption(formatKnob(1)))}
      ${this.topText > 0 ? this.topTable(temperature) : nothing}`;
  }
}

defineElement('distill-bars', DistillBars);

declare global {
  interface HTMLElementTagNameMap {
    'distill-bars': DistillBars;
  }
}
