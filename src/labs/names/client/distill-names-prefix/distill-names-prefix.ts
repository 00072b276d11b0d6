import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../../../../components/distill-bars/distill-bars';
import type { BarsModel } from '../../../../components/distill-bars/distill-bars';
import { defineElement } from '../../../../components/shared/define';
import { formStyles } from '../../../../components/shared/fields';
import { seriesChip, studentStyle, TEACHER_STYLE, seriesFillStyles } from '../../../../components/shared/series';
import { hostStyles } from '../../../../components/shared/styles';
import { formatKnob } from '../../../../shared/format';
import { emitPanel } from '../../../panel-events';
import { CONTEXT, VOCAB } from '../../shared/corpus';
import { namesMsg } from '../../i18n/index';
import { atTemperature, characterLabels, readPrefix } from '../view-data';

/**
 * The prefix box: type the start of a name and see what the teacher and each student predict next,
 * as bars (top 10 and the rest, at the KD temperature and at 1), converging as the students train.
 *
 * @summary Next-character distributions after a typed prefix.
 *
 * @event distill-input - `{ name: 'prefix', payload: string }`: a valid prefix was typed.
 *
 * @csspart input - The text box.
 * @csspart plot - Each row of bars (from `<distill-bars>`).
 */
export class DistillNamesPrefix extends LitElement {
  static override styles = [
    hostStyles,
    seriesFillStyles,
    formStyles,
    css`
      .box {
        display: flex;
        gap: 0.6rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
      input {
        font: inherit;
        font-size: 1.15em;
        width: 12ch;
        padding: 0.2em 0.4em;
      }
      .invalid {
        color: var(--distill-error-color, #b3261e);
        margin: 0.3rem 0 0;
      }
      .legend {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
      }
      h3 {
        font-size: 1em;
        margin: 0.6rem 0 0.3rem;
      }
    `,
  ];

  /** Teacher's distribution (27), then each student's (students × 27); `null` before the first readout. */
  @property({ attribute: false }) teacher: Float32Array | null = null;
  @property({ attribute: false }) students: Float32Array | null = null;
  /** Labels of the students, in order. */
  @property({ attribute: false }) labels: string[] = [];
  /** The prefix the distributions are for (what the run has). */
  @property() current = '';
  @property({ type: Number }) temperature = 1;
  @property({ type: Boolean }) disabled = false;

  @state() private invalid = false;
  @state() private typed: string | null = null;

  private onInput(e: Event): void {
    const typed = (e.target as HTMLInputElement).value;
    this.typed = typed;
    const prefix = readPrefix(typed);
    this.invalid = prefix === null;
    if (prefix !== null && prefix !== this.current) emitPanel(this, 'distill-input', { name: 'prefix', payload: prefix });
  }

  private models(): BarsModel[] {
    return [
      { key: TEACHER_STYLE.key, label: namesMsg.lossChart.teacher, style: TEACHER_STYLE },
      ...this.labels.map((label, i) => ({ key: studentStyle(i).key, label, style: studentStyle(i) })),
    ];
  }

  private renderBars(): TemplateResult | typeof nothing {
    if (!this.teacher || !this.students) return nothing;
    const dists: Float32Array[] = [this.teacher];
    for (let i = 0; i * VOCAB < this.students.length; i++) dists.push(this.students.subarray(i * VOCAB, (i + 1) * VOCAB));
    const models = this.models().slice(0, dists.length);
    const t = namesMsg.prefix;
    return html`<h3 data-testid="prefix-showing">${t.showing(this.current)}</h3>
      ${this.current.length > CONTEXT ? html`<p class="help">${t.window(CONTEXT, this.current.slice(-CONTEXT))}</p>` : nothing}
      <ul class="legend" aria-hidden="true">
        ${models.map((m) => html`<li>${seriesChip(m.style)}${m.label}</li>`)}
      </ul>
      <distill-bars
        exportparts="plot, bar, bar-teacher, bar-student-1, bar-student-2, bar-student-3, top"
        zoom
        top-k="10"
        .classes=${characterLabels(t.end)}
        .models=${models}
        .atT=${dists.map((d) => atTemperature(d, this.temperature))}
        .at1=${dists}
        .temperature=${this.temperature}
        .topText=${3}
        .captionAtT=${`${t.showing(this.current)}, T = ${formatKnob(this.temperature, 1)}`}
        .captionAt1=${`${t.showing(this.current)}, T = 1`}
      ></distill-bars>
      <p class="help">${t.rows}</p>`;
  }

  override render(): TemplateResult {
    const t = namesMsg.prefix;
    return html`<div class="box">
        <label for="prefix">${t.label}</label>
        <input
          id="prefix"
          part="input"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="15"
          placeholder=${t.placeholder}
          aria-describedby="prefix-help"
          aria-invalid=${this.invalid ? 'true' : 'false'}
          .value=${this.typed ?? this.current}
          ?disabled=${this.disabled}
          @input=${this.onInput}
        />
      </div>
      <p class="help" id="prefix-help" part="help">${t.help}</p>
      ${this.invalid ? html`<p class="invalid" role="alert">${t.invalid}</p>` : nothing} ${this.renderBars()}`;
  }
}

defineElement('distill-names-prefix', DistillNamesPrefix);

declare global {
  interface HTMLElementTagNameMap {
    'distill-names-prefix': DistillNamesPrefix;
  }
}
