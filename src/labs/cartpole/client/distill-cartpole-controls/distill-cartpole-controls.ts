import { computeGroup, runGroup } from '../../../../components/distill-run-controls/run-groups';
import { withLayerCount, withUnits } from '../../../../state/common';
import { controlsStyles } from '../../../../components/shared/controls-styles';
import { html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../../../i18n/index';
import { OPTIMIZERS, type OptimizerName, type ViewSettings } from '../../../../state/common';
import type { BackendInfo } from '../../../../../workers/trainer-api';
import '../../../../components/distill-run-controls/distill-run-controls';
import { defineElement } from '../../../../components/shared/define';
import { emit, type DistillRunChangeDetail } from '../../../../components/shared/events';
import { formStyles, logRangeField, logStops, numberField, rangeField, selectField } from '../../../../components/shared/fields';
import { hostStyles } from '../../../../components/shared/styles';
import { formatFixed, formatInteger, formatKnob, formatSignificant } from '../../../../shared/format';
import { limits } from '../../../params';
import { cartpoleTable } from '../../shared/params';
import {
  ACTIVATIONS,
  defaultCartpoleExperiment,
  ENVIRONMENTS,
  LIMITS,
  STATE_SOURCES,
  STEPS_PER_UPDATE,
  type ActivationName,
  type CartpoleExperiment,
  type Knobs,
  type StateSource,
  type StudentShape,
} from '../../shared/schema';
import { layerShapes } from '../../shared/policy';
import { cartpoleMsg } from '../../i18n/index';
import type { CartpoleChangeDetail } from '../events';
import { cartpoleControlsStyles } from './distill-cartpole-controls.styles';

const LEARNING_RATE_STOPS: readonly number[] = logStops(limits(cartpoleTable, 'knobs.learningRate'));

function parameters(hidden: readonly number[]): number {
  return layerShapes(4, hidden, 2).reduce((n, [a, b]) => n + a * b + b, 0);
}

/**
 * The CartPole lab's controls: run, student shape, distillation knobs, environment seed, compute.
 * A pure view: it shows `experiment` and `view` and reports what the user changes.
 *
 * @summary The CartPole lab's control panel.
 *
 * @event distill-cartpole-change - What the user changed (`knobs` and `student` whole, merged; `speed`, `backend`).
 * @event distill-command - `{ command }` from its `<distill-run-controls>`.
 *
 * @csspart form - The grid holding the groups.
 * @csspart group - Each fieldset (also `group-run`, `group-student`, `group-distillation`, `group-environment`, `group-compute`).
 * @csspart field - Each labelled control.
 * @csspart help - The one-line explanations.
 */
export class DistillCartpoleControls extends LitElement {
  static override styles = [hostStyles, formStyles, controlsStyles, cartpoleControlsStyles];

  @property({ attribute: false }) experiment: CartpoleExperiment = defaultCartpoleExperiment();
  @property({ attribute: false }) view: ViewSettings = { backend: 'auto', speed: 100 };
  @property({ type: Boolean, reflect: true }) running = false;
  @property({ attribute: false }) backendInfo?: BackendInfo;

  private readonly restore = () => this.requestUpdate();

  private change(detail: CartpoleChangeDetail): void {
    const { backend, speed, ...rest } = detail;
    this.experiment = { ...this.experiment, ...rest };
    if (backend !== undefined || speed !== undefined) this.view = { ...this.view, ...(backend !== undefined ? { backend } : {}), ...(speed !== undefined ? { speed } : {}) };
    emit(this, 'distill-cartpole-change', detail);
  }

  private onRunChange(e: CustomEvent<DistillRunChangeDetail>): void {
    e.stopPropagation();
    this.change(e.detail);
  }

  private setKnobs(patch: Partial<Knobs>): void {
    this.change({ knobs: { ...this.experiment.knobs, ...patch } });
  }

  private setStudent(patch: Partial<StudentShape>): void {
    const s = { ...this.experiment.student, ...patch };
    this.change({ student: { hidden: [...s.hidden], activation: s.activation } });
  }

  private setLayers(layers: number): void {
    if (layers === this.experiment.student.hidden.length) return this.restore();
    this.setStudent({ hidden: withLayerCount(this.experiment.student.hidden, layers, 16) });
  }

  private setUnits(units: number): void {
    const hidden = withUnits(this.experiment.student.hidden, units);
    if (hidden.join() === this.experiment.student.hidden.join()) return this.restore();
    this.setStudent({ hidden });
  }

  private renderStudent(): TemplateResult {
    const t = msg.controls;
    const c = cartpoleMsg.controls;
    const s = this.experiment.student;
    return html`<fieldset part="group group-student">
      <legend>${c.groups.student}</legend>
      <div class="row">
        ${numberField({
          id: 'layers',
          label: t.hiddenLayers,
          help: t.hiddenLayersHelp,
          range: LIMITS.hiddenLayers,
          value: s.hidden.length,
          onValue: (n) => this.setLayers(n),
          restore: this.restore,
        })}
        ${numberField({
          id: 'units',
          label: t.units,
          help: c.unitsHelp,
          range: LIMITS.units,
          value: s.hidden[0] ?? 16,
          onValue: (n) => this.setUnits(n),
          restore: this.restore,
        })}
      </div>
      ${selectField({
        id: 'activation',
        label: t.activation,
        help: t.activationHelp,
        options: ACTIVATIONS,
        current: s.activation,
        text: (a) => t.activationNames[a],
        onPick: (activation: ActivationName) => this.setStudent({ activation }),
      })}
      <p class="note" part="shape">
        <strong>${t.shapeLabel}:</strong>
        <span class="value" data-testid="student-shape">${c.shape(s.hidden)}</span>
        · <span data-testid="student-parameters">${t.parameters(formatInteger(parameters(s.hidden)))}</span>
      </p>
    </fieldset>`;
  }

  private renderDistillation(): TemplateResult {
    const t = msg.controls;
    const c = cartpoleMsg.controls;
    const k = this.experiment.knobs;
    return html`<fieldset part="group group-distillation">
      <legend>${c.groups.distillation}</legend>
      ${selectField({
        id: 'states',
        label: c.states,
        help: c.statesHelp,
        options: STATE_SOURCES,
        current: k.states,
        text: (o) => c.stateNames[o] ?? o,
        onPick: (states: StateSource) => this.setKnobs({ states }),
      })}
      ${rangeField({
        id: 'temperature',
        label: t.temperature,
        help: c.temperatureHelp,
        shown: formatFixed(k.temperature, 2),
        range: limits(cartpoleTable, 'knobs.temperature'),
        value: k.temperature,
        valueText: formatKnob(k.temperature, 2),
        onInput: (temperature) => this.setKnobs({ temperature }),
      })}
      ${logRangeField({
        id: 'learning-rate',
        label: t.learningRate,
        help: c.learningRateHelp,
        shown: formatSignificant(k.learningRate),
        stops: LEARNING_RATE_STOPS,
        value: k.learningRate,
        valueText: formatSignificant(k.learningRate),
        onValue: (learningRate) => this.setKnobs({ learningRate }),
      })}
      <div class="row">
        ${selectField({
          id: 'batch-size',
          label: c.batchSize,
          help: c.batchSizeHelp(ENVIRONMENTS),
          options: STEPS_PER_UPDATE,
          current: k.batchSize as (typeof STEPS_PER_UPDATE)[number],
          text: (b) => formatInteger(b),
          onPick: (batchSize) => this.setKnobs({ batchSize }),
        })}
        ${selectField({
          id: 'optimizer',
          label: t.optimizer,
          help: t.optimizerHelp,
          options: OPTIMIZERS,
          current: k.optimizer,
          text: (o) => t.optimizerNames[o],
          onPick: (optimizer: OptimizerName) => this.setKnobs({ optimizer }),
        })}
      </div>
    </fieldset>`;
  }

  override render(): TemplateResult {
    const e = this.experiment;
    const groups = { legends: msg.controls.groups, running: this.running, speed: this.view.speed, backend: this.view.backend, backendInfo: this.backendInfo, onChange: (ev: CustomEvent<DistillRunChangeDetail>) => this.onRunChange(ev) };
    return html`<form part="form" @submit=${(ev: Event) => ev.preventDefault()}>
      ${runGroup(groups)}
      ${this.renderDistillation()} ${this.renderStudent()}
      <fieldset part="group group-environment">
        <legend>${cartpoleMsg.controls.groups.environment}</legend>
        ${numberField({
          id: 'seed',
          label: msg.controls.seed,
          help: cartpoleMsg.controls.seedHelp,
          range: limits(cartpoleTable, 'seed'),
          value: e.seed,
          onValue: (seed) => (seed === this.experiment.seed ? this.restore() : this.change({ seed })),
          restore: this.restore,
        })}
      </fieldset>
      ${computeGroup(groups)}
    </form>`;
  }
}

defineElement('distill-cartpole-controls', DistillCartpoleControls);

declare global {
  interface HTMLElementTagNameMap {
    'distill-cartpole-controls': DistillCartpoleControls;
  }
}
