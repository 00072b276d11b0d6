import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../i18n/index';
import type { ProbeReadout } from '../../../workers/trainer-api';
import { defineElement } from '../shared/define';
import { emit } from '../shared/events';
import { formatCoordinate, formatFixed, formatKnob, formatPercent } from '../shared/format';
import { classMarker } from '../shared/markers';
import type { Role } from '../shared/palette';
import { hostStyles, legendStyles, roleStyles } from '../shared/styles';
import { logitsStyles } from './distill-logits.styles';

interface RoleRow {
  role: Role;
  probs: Float32Array;
}

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
  static override styles = [hostStyles, roleStyles, legendStyles, logitsStyles];

  /** The latest probe readout, or null before the first snapshot. */
  @property({ attribute: false }) probes: ProbeReadout | null = null;
  /** Index of the selected probe. */
  @property({ type: Number }) selected = 0;
  /** Show the labels-only student (when the readout has it). */
  @property({ type: Boolean, attribute: 'labels-only' }) labelsOnly = true;

  private select(index: number): void {
    if (index === this.selected) return;
    this.selected = index;
    emit(this, 'distill-probe-select', { index });
  }

  private rows(p: ProbeReadout, atT: boolean): RoleRow[] {
    const rows: RoleRow[] = [
      { role: 'teacher', probs: atT ? p.teacherAtT : p.teacherAt1 },
      { role: 'student', probs: atT ? p.studentAtT : p.studentAt1 },
    ];
    const labels = atT ? p.labelsOnlyAtT : p.labelsOnlyAt1;
    if (this.labelsOnly && labels) rows.push({ role: 'labelsOnly', probs: labels });
    return rows;
  }

  private plot(p: ProbeReadout, probe: number, rows: RoleRow[]): TemplateResult {
    const groups: TemplateResult[] = [];
    for (let c = 0; c < p.classes; c++) {
      groups.push(html`<div class="group">
        ${rows.map(({ role, probs }) => {
          const v = probs[probe * p.classes + c] ?? 0;
          return html`<div
            class="bar fill-${role}"
            part="bar bar-${role}"
            style="height:${(Math.min(1, Math.max(0, v)) * 100).toFixed(2)}%"
            title=${msg.logits.bar(msg.roles[role], msg.className(c), formatPercent(v))}
          ></div>`;
        })}
      </div>`);
    }
    return html`<div class="plot" part="plot" aria-hidden="true">${groups}</div>`;
  }

  private table(p: ProbeReadout, probe: number, rows: RoleRow[], temperature: string): TemplateResult {
    const classes = Array.from({ length: p.classes }, (_, c) => c);
    return html`<div class="visually-hidden"><table>
      <caption>
        ${msg.logits.tableCaption(probe, temperature)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg.logits.modelHeader}</th>
          ${classes.map((c) => html`<th scope="col">${msg.className(c)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ role, probs }) => html`<tr>
            <th scope="row">${msg.roles[role]}</th>
            ${classes.map((c) => html`<td>${formatPercent(probs[probe * p.classes + c])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private card(p: ProbeReadout, i: number): TemplateResult {
    const t = msg.logits;
    const selected = i === this.selected;
    const temperature = formatKnob(p.temperature, 1);
    const rowsT = this.rows(p, true);
    const rows1 = this.rows(p, false);
    const showLabels = this.labelsOnly && p.klLabelsOnly !== null;
    return html`<article
      class="card ${selected ? 'selected' : ''}"
      part="card ${selected ? 'card-selected' : ''}"
      data-testid="probe-${i}"
      @click=${() => this.select(i)}
    >
      <header>
        <button type="button" class="probe-button" part="probe-button" aria-pressed=${selected ? 'true' : 'false'}>
          ${t.probe(i)}
        </button>
        <span class="where">${t.probeAt(formatCoordinate(p.points[2 * i]), formatCoordinate(p.points[2 * i + 1]))}</span>
      </header>
      <div class="row-label" aria-hidden="true">${t.atT(temperature)}</div>
      ${this.plot(p, i, rowsT)}
      <div class="row-label" aria-hidden="true">${t.atOne}</div>
      ${this.plot(p, i, rows1)}
      <div class="classes" aria-hidden="true">
        ${Array.from({ length: p.classes }, (_, c) => html`<div class="class">${classMarker(c, 18)}<span>${msg.className(c)}</span></div>`)}
      </div>
      ${this.table(p, i, rowsT, temperature)} ${this.table(p, i, rows1, formatKnob(1))}
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
    </article>`;
  }

  override render(): TemplateResult {
    const p = this.probes;
    const roles: Role[] = ['teacher', 'student'];
    if (this.labelsOnly && (p === null || p.labelsOnlyAtT !== null)) roles.push('labelsOnly');
    return html`<ul class="legend" part="legend" aria-label=${msg.legend}>
        ${roles.map(
          (role) => html`<li><span class="chip fill-${role}" aria-hidden="true"></span>${msg.roleDescriptions[role]}</li>`,
        )}
      </ul>
      ${p && p.count > 0
        ? html`<div class="cards">${Array.from({ length: p.count }, (_, i) => this.card(p, i))}</div>`
        : html`<p class="empty">${msg.logits.empty}</p>`}`;
  }
}

defineElement('distill-logits', DistillLogits);

declare global {
  interface HTMLElementTagNameMap {
    'distill-logits': DistillLogits;
  }
}
