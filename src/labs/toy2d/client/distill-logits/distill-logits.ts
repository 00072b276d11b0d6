import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../../../i18n/index';
import type { ProbeReadout } from '../../shared/readouts';
import { defineElement } from '../../../../components/shared/define';
import { emit } from '../../../../components/shared/events';
import { formatCoordinate, formatFixed, formatKnob } from '../../../../shared/format';
import { ROLE_STYLES, type Role, seriesChip, seriesFillStyles } from '../../../../components/shared/series';
import { hostStyles, legendStyles } from '../../../../components/shared/styles';
import '../../../../components/distill-bars/distill-bars';
import type { BarsModel, Distribution } from '../../../../components/distill-bars/distill-bars';
import { logitsStyles } from './distill-logits.styles';
import { toy2dMsg } from '../../i18n/index';

/**
 * The output distributions at a few probe points, teacher beside student (and the labels-only
 * student), once at the distillation temperature T and once at T = 1. Bars animate as the
 * student converges. Roles differ by colour and fill pattern; classes by colour and marker shape.
 *
 * @summary Probe cards: per-class probability bars for teacher, student and labels-only student.
 *
 * @slot - Not used.
 *
 * @event distill-probe-select - `{ index }`: the user chose a probe card.
 *
 * @csspart legend - The role legend above the cards.
 * @csspart card - Each probe card (the selected one also has `card-selected`).
 * @csspart probe-button - The button naming each probe (selects it).
 * @csspart plot - Each row of bars.
 * @csspart bar - Each bar (also `bar-teacher`, `bar-student`, `bar-labelsOnly`).
 * @csspart kl - The KL line under each card.
 *
 * @cssproperty --distill-teacher-color - Teacher bars (solid).
 * @cssproperty --distill-student-color - Student bars (striped).
 * @cssproperty --distill-labels-color - Labels-only bars (dotted).
 * @cssproperty --distill-class-0-color - Class colours, 0 to 4.
 * @cssproperty --distill-accent-color - Selected card and probe buttons.
 * @cssproperty --distill-bar-height - Height of one row of bars (default 88px).
 * @cssproperty --distill-bar-transition - Bar animation time (default 250ms).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillLogits extends LitElement {
  static override styles = [hostStyles, seriesFillStyles, legendStyles, logitsStyles];

  /** The latest probe readout, or null before the first snapshot. */
  @property({ attribute: false }) probes: ProbeReadout | null = null;
  /** Index of the selected probe. */
  @property({ type: Number }) selected = 0;
  /** Show only the selected probe's card, with buttons to pick another (compact: beside the maps). */
  @property({ type: Boolean, attribute: 'selected-only' }) selectedOnly = false;
  /** Show the labels-only student (when the readout has it). */
  @property({ type: Boolean, attribute: 'labels-only' }) labelsOnly = true;

  private select(index: number): void {
    if (index === this.selected) return;
    this.selected = index;
    emit(this, 'distill-probe-select', { index });
  }

  /** The roles shown: teacher, student, and the labels-only student when asked for and present. */
  private roles(p: ProbeReadout | null): Role[] {
    const roles: Role[] = ['teacher', 'student'];
    if (this.labelsOnly && (p === null || p.labelsOnlyAtT !== null)) roles.push('labelsOnly');
    return roles;
  }

  private bars(p: ProbeReadout, probe: number): TemplateResult {
    const roles = this.roles(p);
    const n = p.classes;
    const at = (probs: Float32Array | null): Distribution => probs?.subarray(probe * n, (probe + 1) * n) ?? [];
    const models: BarsModel[] = roles.map((role) => ({ key: role, label: msg.roles[role], style: ROLE_STYLES[role] }));
    const atT = { teacher: p.teacherAtT, student: p.studentAtT, labelsOnly: p.labelsOnlyAtT };
    const at1 = { teacher: p.teacherAt1, student: p.studentAt1, labelsOnly: p.labelsOnlyAt1 };
    return html`<distill-bars
      exportparts="plot, bar, bar-teacher, bar-student, bar-labelsOnly"
      markers
      .classes=${Array.from({ length: n }, (_, c) => msg.className(c))}
      .models=${models}
      .atT=${roles.map((r) => at(atT[r]))}
      .at1=${roles.map((r) => at(at1[r]))}
      .temperature=${p.temperature}
      .captionAtT=${toy2dMsg.logits.tableCaption(probe, formatKnob(p.temperature, 1))}
      .captionAt1=${toy2dMsg.logits.tableCaption(probe, formatKnob(1))}
    ></distill-bars>`;
  }

  private card(p: ProbeReadout, i: number): TemplateResult {
    const t = toy2dMsg.logits;
    const selected = i === this.selected;
    const showLabels = this.labelsOnly && p.klLabelsOnly !== null;
    return html`<article
      class="card ${selected ? 'selected' : ''}"
      part="card ${selected ? 'card-selected' : ''}"
      data-testid="probe-${i}"
      @click=${() => this.select(i)}
    >
      <header>
        ${this.selectedOnly
          ? html`<strong>${t.probe(i)}</strong>`
          : html`<button type="button" class="probe-button" part="probe-button" aria-pressed=${selected ? 'true' : 'false'}>
              ${t.probe(i)}
            </button>`}
        <span class="where">${t.probeAt(formatCoordinate(p.points[2 * i]), formatCoordinate(p.points[2 * i + 1]))}</span>
      </header>
      ${this.bars(p, i)}
      <p class="kl" part="kl">
        ${t.klLine}
        <span class="pair"
          >${t.klStudent} <span class="num" data-testid="kl-student-${i}">${formatFixed(p.klStudent[i], 3)}</span>
          ${msg.units.nats}</span
        >${showLabels
          ? html` ·
              <span class="pair"
                >${t.klLabelsOnly}
                <span class="num" data-testid="kl-labels-${i}">${formatFixed(p.klLabelsOnly![i], 3)}</span>
                ${msg.units.nats}</span
              >`
          : nothing}
      </p>
      ${showLabels && p.klStudent[i]! > p.klLabelsOnly![i]! * 1.1 && p.klStudent[i]! > 0.005
        ? html`<p class="closer" part="closer-note">${t.closerNote}</p>`
        : nothing}
    </article>`;
  }

  /** One button per probe, the selected one pressed (selected-only mode). */
  private picker(p: ProbeReadout): TemplateResult {
    const t = toy2dMsg.logits;
    return html`<div class="picker" role="group" aria-label=${t.pickerLabel}>
      ${Array.from(
        { length: p.count },
        (_, i) => html`<button
          type="button"
          class="probe-button"
          part="probe-button"
          aria-label=${t.selectProbe(i)}
          aria-pressed=${i === this.selected ? 'true' : 'false'}
          @click=${() => this.select(i)}
        >
          ${i + 1}
        </button>`,
      )}
    </div>`;
  }

  override render(): TemplateResult {
    const p = this.probes;
    return html`<ul class="legend" part="legend" aria-label=${msg.legend}>
        ${this.roles(p).map(
          (role) => html`<li title=${msg.roleDescriptions[role]}>${seriesChip(ROLE_STYLES[role])}${this.selectedOnly ? msg.roles[role] : msg.roleDescriptions[role]}</li>`,
        )}
      </ul>
      ${p && p.count > 0
        ? this.selectedOnly
          ? html`${this.picker(p)}
              <div class="cards single">${this.card(p, Math.min(this.selected, p.count - 1))}</div>`
          : html`<div class="cards">${Array.from({ length: p.count }, (_, i) => this.card(p, i))}</div>`
        : html`<p class="empty">${toy2dMsg.logits.empty}</p>`}`;
  }
}

defineElement('distill-logits', DistillLogits);

declare global {
  interface HTMLElementTagNameMap {
    'distill-logits': DistillLogits;
  }
}
