import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../../../components/shared/define';
import { seriesChip, studentStyle, TEACHER_STYLE, type SeriesStyle, seriesFillStyles } from '../../../../components/shared/series';
import { hostStyles } from '../../../../components/shared/styles';
import { formatKnob, formatPercent } from '../../../../shared/format';
import type { Novelty } from '../../shared/corpus';
import { namesMsg } from '../../i18n/index';

export interface StreamModel {
  label: string;
  samples: readonly string[];
  novelty: Record<Novelty, number>;
}

/** How many of each model's latest names are shown. */
const SHOWN = 12;

/**
 * Each model's latest names at the stream temperature, getting more name-like as the students
 * train, with the shares of those names found in the training list, the held-out lists, or new.
 *
 * @summary The sample stream of the teacher and each student.
 *
 * @csspart model - Each model's block.
 */
export class DistillNamesStream extends LitElement {
  static override styles = [
    hostStyles,
    seriesFillStyles,
    css`
      .models {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
        gap: 0.8rem;
      }
      h3 {
        font-size: 1em;
        margin: 0 0 0.3rem;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        columns: 2;
        font-family: ui-monospace, monospace;
      }
      .shares {
        margin: 0.3rem 0 0;
        font-size: 0.9em;
        color: var(--distill-muted-color, #4a4a55);
      }
      .caption {
        margin: 0 0 0.6rem;
        font-size: 0.92em;
        color: var(--distill-muted-color, #4a4a55);
      }
    `,
  ];

  @property({ attribute: false }) teacher: StreamModel | null = null;
  @property({ attribute: false }) students: StreamModel[] = [];
  @property({ type: Number }) temperature = 1;

  private block(m: StreamModel, style: SeriesStyle, testid: string): TemplateResult {
    const t = namesMsg.stream;
    return html`<section part="model" data-testid=${testid} aria-label=${m.label}>
      <h3>${seriesChip(style)}${m.label}</h3>
      ${m.samples.length
        ? html`<ol>
              ${m.samples.slice(0, SHOWN).map((s) => html`<li>${s || '\u2205'}</li>`)}
            </ol>
            <p class="shares">${t.shares(formatPercent(m.novelty.train, 0), formatPercent(m.novelty.heldOut, 0), formatPercent(m.novelty.new, 0))}</p>`
        : html`<p class="shares">${t.waiting}</p>`}
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.teacher) return nothing;
    return html`<p class="caption">${namesMsg.stream.caption(formatKnob(this.temperature, 1))}</p>
      <div class="models">
        ${this.block(this.teacher, TEACHER_STYLE, 'stream-teacher')}
        ${this.students.map((s, i) => this.block(s, studentStyle(i), `stream-student-${i + 1}`))}
      </div>`;
  }
}

defineElement('distill-names-stream', DistillNamesStream);

declare global {
  interface HTMLElementTagNameMap {
    'distill-names-stream': DistillNamesStream;
  }
}
