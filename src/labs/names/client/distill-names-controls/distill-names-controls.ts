import { computeGroup, runGroup } from '../../../../components/distill-run-controls/run-groups';
import { controlsStyles } from '../../../../components/shared/controls-styles';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../../../i18n/index';
import type { ViewSettings } from '../../../../state/common';
import type { BackendInfo } from '../../../../../workers/trainer-api';
import '../../../../components/distill-run-controls/distill-run-controls';
import { defineElement } from '../../../../components/shared/define';
import type { DistillRunChangeDetail } from '../../../../components/shared/events';
import { formStyles, logRangeField, logStops, numberField, rangeField, selectField } from '../../../../components/shared/fields';
import { hostStyles } from '../../../../components/shared/styles';
import { formatFixed, formatInteger, formatKnob, formatSignificant } from '../../../../shared/format';
import { emitPanel } from '../../../panel-events';
import { limits } from '../../../params';
import { namesParameters } from '../../shared/flops';
import { CONTEXT } from '../../shared/corpus';
import { namesTable } from '../../shared/params';
import {
  ACCESS,
  MISSING_MASS,
  NAMES_BATCH_SIZES,
  NAMES_LIMITS,
  QUERY_BUDGETS,
  cloneNamesExperiment,
  defaultNamesExperiment,
  namesStudent,
  type NamesAccess,
  type NamesExperiment,
  type NamesKnobs,
} from '../../shared/schema';
import { namesMsg } from '../../i18n/index';

const LEARNING_RATE_STOPS: readonly number[] = logStops(limits(namesTable, 'knobs.learningRate'));

/**
 * The names lab's controls: run, the students and what the teacher exposes to each, their shape,
 * the distillation and sampling knobs, the price, and the backend. A view: it shows `experiment`
 * and reports changes.
 *
 * @summary The names lab's control panel.
 *
 * @event distill-experiment-change - `{ experiment }`: the whole updated names experiment.
 * @event distill-view-change - `{ backend? , speed? }`.
 * @event distill-command - From its `<distill-run-controls>`, unchanged.
 *
 * @csspart form - The column of groups.
 * @csspart group - Each fieldset.
 * @csspart field - Each labelled control.
 */
export class DistillNamesControls extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    controlsStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
        margin: 0;
      }
      fieldset {
        margin: 0;
      }
      .student {
        display: grid;
        gap: 0.5rem;
        padding: 0.5rem 0.6rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
      }
      .remove {
        font-size: 0.85em;
        padding: 0.15em 0.6em;
      }
      .student h3 {
        margin: 0;
        font-size: 1em;
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) experiment: NamesExperiment = defaultNamesExperiment();
  @property({ attribute: false }) view: ViewSettings = { backend: 'auto', speed: 100 };
  @property({ type: Boolean, reflect: true }) running = false;
  @property({ attribute: false }) backendInfo?: BackendInfo;

  private readonly restore = () => this.requestUpdate();

  private change(next: NamesExperiment): void {
    this.experiment = next;
    emitPanel(this, 'distill-experiment-change', { experiment: cloneNamesExperiment(next) });
  }

  private setKnobs(patch: Partial<NamesKnobs>): void {
    this.change({ ...cloneNamesExperiment(this.experiment), knobs: { ...this.experiment.knobs, ...patch } });
  }

  private setStudent(i: number, patch: { access?: NamesAccess; k?: number }): void {
    const next = cloneNamesExperiment(this.experiment);
    next.students[i] = { ...next.students[i]!, ...patch };
    this.change(next);
  }

  private onRunChange(e: CustomEvent<DistillRunChangeDetail>): void {
    e.stopPropagation();
    emitPanel(this, 'distill-view-change', e.detail);
  }

  private renderStudent(i: number): TemplateResult {
    const t = namesMsg.controls;
    const s = this.experiment.students[i]!;
    const count = this.experiment.students.length;
    return html`<div class="student" part="student" data-testid="student-${i + 1}">
      <h3>
        <span>${t.student(i)}</span>
        ${count > NAMES_LIMITS.students.min
          ? html`<button
              type="button"
              class="remove"
              part="button"
              aria-label=${t.removeStudent(i)}
              title=${t.removeStudent(i)}
              @click=${() => {
                const next = cloneNamesExperiment(this.experiment);
                next.students.splice(i, 1);
                this.change(next);
              }}
            >
              ${t.remove}
            </button>`
          : nothing}
      </h3>
      ${selectField({
        id: `access-${i + 1}`,
        label: t.access,
        help: namesMsg.accessHelp[s.access],
        options: ACCESS,
        current: s.access,
        text: (a) => namesMsg.access[a],
        name: `${t.student(i)}: ${t.access}`,
        onPick: (access) => this.setStudent(i, { access }),
      })}
      ${s.access === 'topk'
        ? numberField({
            id: `k-${i + 1}`,
            label: t.k,
            help: t.kHelp,
            range: NAMES_LIMITS.k,
            value: s.k,
            name: `${t.student(i)}: ${t.k}`,
            onValue: (k) => (k === s.k ? this.restore() : this.setStudent(i, { k })),
            restore: this.restore,
          })
        : nothing}
    </div>`;
  }

  private renderStudents(): TemplateResult {
    const t = namesMsg.controls;
    const e = this.experiment;
    const params = namesParameters(e.shape.embed, [e.shape.hidden]);
    return html`<fieldset part="group group-students">
        <legend>${t.studentsTitle}</legend>
        ${e.students.map((_, i) => this.renderStudent(i))}
        ${e.students.length < NAMES_LIMITS.students.max
          ? html`<button
              type="button"
              part="button"
              @click=${() => {
                const next = cloneNamesExperiment(e);
                const used = new Set(next.students.map((s) => s.access));
                next.students.push(namesStudent(ACCESS.find((a) => !used.has(a)) ?? 'topk'));
                this.change(next);
              }}
            >
              ${t.addStudent}
            </button>`
          : nothing}
        ${selectField({
          id: 'budget',
          label: t.budget,
          help: t.budgetHelp,
          options: QUERY_BUDGETS,
          current: e.budget as (typeof QUERY_BUDGETS)[number],
          text: (n) => t.budgetOption(n),
          onPick: (budget) => this.change({ ...cloneNamesExperiment(e), budget }),
        })}
      </fieldset>
      <fieldset part="group group-shape">
        <legend>${t.shapeTitle}</legend>
        <div class="row">
          ${numberField({
            id: 'embed',
            label: t.embed,
            range: limits(namesTable, 'shape.embed'),
            value: e.shape.embed,
            describedBy: 'shape-help',
            onValue: (embed) => (embed === e.shape.embed ? this.restore() : this.change({ ...cloneNamesExperiment(e), shape: { ...e.shape, embed } })),
            restore: this.restore,
          })}
          ${numberField({
            id: 'hidden',
            label: t.hidden,
            range: limits(namesTable, 'shape.hidden'),
            value: e.shape.hidden,
            describedBy: 'shape-help',
            onValue: (hidden) => (hidden === e.shape.hidden ? this.restore() : this.change({ ...cloneNamesExperiment(e), shape: { ...e.shape, hidden } })),
            restore: this.restore,
          })}
        </div>
        <p class="help" id="shape-help" part="help">
          ${t.shapeHelp(CONTEXT)} <span data-testid="student-parameters">${msg.controls.parameters(formatInteger(params))}</span>
        </p>
        ${numberField({
          id: 'seed',
          label: t.seed,
          help: msg.controls.seedHelp,
          range: limits(namesTable, 'seed'),
          value: e.seed,
          onValue: (seed) => (seed === e.seed ? this.restore() : this.change({ ...cloneNamesExperiment(e), seed })),
          restore: this.restore,
        })}
      </fieldset>`;
  }

  private renderKnobs(): TemplateResult {
    const t = namesMsg.controls;
    const k = this.experiment.knobs;
    const temp = (id: string, key: 'temperature' | 'samplingTemperature' | 'streamTemperature', label: string, help: string) =>
      rangeField({
        id,
        label,
        help,
        shown: formatFixed(k[key], 1),
        range: limits(namesTable, `knobs.${key}`),
        value: k[key],
        valueText: formatKnob(k[key], 1),
        onInput: (v) => this.setKnobs({ [key]: Number(v.toFixed(1)) }),
      });
    return html`<fieldset part="group group-distillation">
      <legend>${msg.controls.groups.distillation}</legend>
      ${temp('temperature', 'temperature', t.temperature, t.temperatureHelp)}
      ${this.experiment.students.some((s) => s.access === 'topk')
        ? selectField({
            id: 'missing-mass',
            label: t.missingMass,
            help: namesMsg.missingMassHelp,
            options: MISSING_MASS,
            current: k.missingMass,
            text: (m) => namesMsg.missingMass[m],
            onPick: (missingMass) => this.setKnobs({ missingMass }),
          })
        : nothing}
      ${temp('sampling-temperature', 'samplingTemperature', t.samplingTemperature, t.samplingHelp)}
      ${temp('stream-temperature', 'streamTemperature', t.streamTemperature, t.streamHelp)}
      ${logRangeField({
        id: 'learning-rate',
        label: t.learningRate,
        help: msg.controls.learningRateHelp,
        shown: formatSignificant(k.learningRate),
        stops: LEARNING_RATE_STOPS,
        value: k.learningRate,
        valueText: formatSignificant(k.learningRate),
        onValue: (learningRate) => this.setKnobs({ learningRate }),
      })}
      ${selectField({
        id: 'batch-size',
        label: t.batchSize,
        help: msg.controls.batchSizeHelp,
        options: NAMES_BATCH_SIZES,
        current: k.batchSize as (typeof NAMES_BATCH_SIZES)[number],
        text: (b) => formatInteger(b),
        onPick: (batchSize) => this.setKnobs({ batchSize }),
      })}
      ${numberField({
        id: 'price',
        label: t.price,
        help: t.priceHelp,
        range: limits(namesTable, 'knobs.price'),
        value: k.price,
        onValue: (price) => (price === k.price ? this.restore() : this.setKnobs({ price })),
        restore: this.restore,
      })}
    </fieldset>`;
  }

  override render(): TemplateResult {
    const groups = { legends: msg.controls.groups, running: this.running, speed: this.view.speed, backend: this.view.backend, backendInfo: this.backendInfo, onChange: (e: CustomEvent<DistillRunChangeDetail>) => this.onRunChange(e) };
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()}>
      ${runGroup(groups)}
      ${this.renderKnobs()} ${this.renderStudents()}
      ${computeGroup(groups)}
    </form>`;
  }
}

defineElement('distill-names-controls', DistillNamesControls);

declare global {
  interface HTMLElementTagNameMap {
    'distill-names-controls': DistillNamesControls;
  }
}
