import { computeGroup, runGroup } from '../../../../components/distill-run-controls/run-groups';
import { withLayerCount, withUnits } from '../../../../state/common';
import { html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../../../i18n/index';
import { mlpParameterCount, OPTIMIZERS, type OptimizerName } from '../../../../state/common';
import { ACTIVATIONS, type ActivationName, type AppState, BATCH_SIZES, DATASET_CLASSES, DATASETS, type DatasetName, defaultState, type Knobs, LIMITS, type StudentShape } from '../../shared/schema';
import type { BackendInfo } from '../../../../../workers/trainer-api';
import '../../../../components/distill-run-controls/distill-run-controls';
import { defineElement } from '../../../../components/shared/define';
import { emit, type DistillRunChangeDetail } from '../../../../components/shared/events';
import type { DistillChangeDetail } from '../events';
import { checkboxField, formStyles, logRangeField, logStops, numberField, rangeField, selectField } from '../../../../components/shared/fields';
import { formatFixed, formatInteger, formatKnob, formatPercent, formatSignificant } from '../../../../shared/format';
import { hostStyles } from '../../../../components/shared/styles';
import { controlsStyles } from '../../../../components/shared/controls-styles';
import { toy2dMsg } from '../../i18n/index';
import { limits } from '../../../params';
import { toy2dTable } from '../../shared/params';

/** Labelled-set sizes offered, from a handful of points per class to every point. */
const LABELLED_STOPS: readonly number[] = [5, 10, 15, 30, 60, 150, 300, LIMITS.labelled.max];

/** The offered sizes, plus the current one when a link asked for another. */
function labelledOptions(current: number): number[] {
  return LABELLED_STOPS.includes(current) ? [...LABELLED_STOPS] : [...LABELLED_STOPS, current].sort((a, b) => a - b);
}

/** Learning rates the log-scale slider stops at: 1, 2, 3, 5 per decade from 1e-4 to 1. */
export const LEARNING_RATE_STOPS: readonly number[] = logStops(limits(toy2dTable, 'knobs.learningRate'));

/**
 * Every knob of the experiment, grouped as Run, Data, Student, Distillation and Compute. A pure
 * view: it shows `state` and reports what the user changes; the owner decides what follows.
 * Edits show at once (the element updates its own copy of `state` before emitting).
 *
 * @summary The playground's control panel: play/pause/step/reset and every setting.
 *
 * @slot - Not used.
 *
 * @event distill-change - `Partial<AppState>`: what the user changed. `knobs` and `student` come whole (merged).
 * @event distill-command - `{ command: 'play' | 'pause' | 'step' | 'reset' }` (from its `<distill-run-controls>`).
 *
 * @csspart form - The grid holding the groups.
 * @csspart group - Each fieldset (also `group-run`, `group-data`, `group-student`, `group-distillation`, `group-compute`).
 * @csspart button - Each button (also `play`, `step`, `reset`).
 * @csspart field - Each labelled control with its value and explanation.
 * @csspart help - The one-line explanations.
 *
 * @cssproperty --distill-font-size - Base font size (default: the larger of 16px and 1rem).
 * @cssproperty --distill-font-family - Font (default: inherited).
 * @cssproperty --distill-text-color - Text colour.
 * @cssproperty --distill-muted-color - Explanation text colour.
 * @cssproperty --distill-accent-color - Buttons, sliders and values.
 * @cssproperty --distill-border-color - Field and group borders.
 * @cssproperty --distill-surface-color - Group background.
 * @cssproperty --distill-focus-color - Focus ring.
 * @cssproperty --distill-radius - Corner radius.
 */
export class DistillControls extends LitElement {
  static override styles = [hostStyles, formStyles, controlsStyles];

  /** The experiment and view settings to show. */
  @property({ attribute: false }) state: AppState = defaultState();
  /** Whether training is playing (the toggle then offers Pause). */
  @property({ type: Boolean, reflect: true }) running = false;
  /** The backend actually in use, shown under Compute. */
  @property({ attribute: false }) backendInfo?: BackendInfo;
  /** Parameter count of the student; computed from the shape when not given. */
  @property({ attribute: false }) studentParameters?: number;

  private readonly restore = () => this.requestUpdate();

  private change(detail: DistillChangeDetail): void {
    this.state = { ...this.state, ...detail };
    emit(this, 'distill-change', detail);
  }

  /** Speed and backend come from the run controls: shown here, reported as `distill-change`. */
  private onRunChange(e: CustomEvent<DistillRunChangeDetail>): void {
    e.stopPropagation();
    this.change(e.detail);
  }

  private setKnobs(patch: Partial<Knobs>): void {
    this.change({ knobs: { ...this.state.knobs, ...patch } });
  }

  private setStudent(patch: Partial<StudentShape>): void {
    const student = { ...this.state.student, ...patch };
    this.change({ student: { hidden: [...student.hidden], activation: student.activation } });
  }

  private setLayers(layers: number): void {
    if (layers === this.state.student.hidden.length) return this.restore();
    this.setStudent({ hidden: withLayerCount(this.state.student.hidden, layers, 8) });
  }

  private setUnits(units: number): void {
    const hidden = withUnits(this.state.student.hidden, units);
    if (hidden.join() === this.state.student.hidden.join()) return this.restore();
    this.setStudent({ hidden });
  }

  private renderData(): TemplateResult {
    const t = msg.controls;
    const s = this.state;
    return html`<fieldset part="group group-data">
      <legend>${t.groups.data}</legend>
      ${selectField({
        id: 'dataset',
        label: toy2dMsg.controls.dataset,
        help: toy2dMsg.controls.datasetHelp,
        options: DATASETS,
        current: s.dataset,
        text: (d) => toy2dMsg.controls.datasetOption(toy2dMsg.controls.datasetNames[d], DATASET_CLASSES[d]),
        onPick: (dataset: DatasetName) => this.change({ dataset }),
      })}
      ${selectField({
        id: 'labelled',
        label: toy2dMsg.controls.labelled,
        help: toy2dMsg.controls.labelledHelp,
        options: labelledOptions(s.labelled),
        current: s.labelled,
        text: (n) => toy2dMsg.controls.labelledOption(formatInteger(n), formatInteger(Math.floor(n / DATASET_CLASSES[s.dataset])), n >= LIMITS.labelled.max),
        onPick: (labelled: number) => this.change({ labelled }),
      })}
      ${numberField({
        id: 'seed',
        label: t.seed,
        help: t.seedHelp,
        range: limits(toy2dTable, 'seed'),
        value: s.seed,
        onValue: (seed) => (seed === this.state.seed ? this.restore() : this.change({ seed })),
        restore: this.restore,
      })}
    </fieldset>`;
  }

  private renderStudent(): TemplateResult {
    const t = msg.controls;
    const s = this.state;
    const classes = DATASET_CLASSES[s.dataset];
    const params = this.studentParameters ?? mlpParameterCount(2, s.student.hidden, classes);
    return html`<fieldset part="group group-student">
      <legend>${t.groups.student}</legend>
      <div class="row">
        ${numberField({
          id: 'layers',
          label: t.hiddenLayers,
          help: t.hiddenLayersHelp,
          range: LIMITS.hiddenLayers,
          value: s.student.hidden.length,
          onValue: (layers) => this.setLayers(layers),
          restore: this.restore,
        })}
        ${numberField({
          id: 'units',
          label: t.units,
          help: t.unitsHelp,
          range: LIMITS.units,
          value: s.student.hidden[0] ?? 8,
          onValue: (units) => this.setUnits(units),
          restore: this.restore,
        })}
      </div>
      ${selectField({
        id: 'activation',
        label: t.activation,
        help: t.activationHelp,
        options: ACTIVATIONS,
        current: s.student.activation,
        text: (a) => t.activationNames[a],
        onPick: (activation: ActivationName) => this.setStudent({ activation }),
      })}
      <p class="note" part="shape">
        <strong>${t.shapeLabel}:</strong>
        <span class="value" data-testid="student-shape">${t.shape([2, ...s.student.hidden, classes])}</span>
        · <span data-testid="student-parameters">${t.parameters(formatInteger(params))}</span>
      </p>
    </fieldset>`;
  }

  private renderDistillation(): TemplateResult {
    const t = msg.controls;
    const k = this.state.knobs;
    const alphaSplit = t.alphaSplit(formatPercent(k.alpha, 0), formatPercent(1 - k.alpha, 0));
    return html`<fieldset part="group group-distillation">
      <legend>${t.groups.distillation}</legend>
      ${rangeField({
        id: 'temperature',
        label: t.temperature,
        help: t.temperatureHelp,
        shown: formatFixed(k.temperature, 1),
        range: limits(toy2dTable, 'knobs.temperature'),
        value: k.temperature,
        valueText: formatKnob(k.temperature, 1),
        onInput: (temperature) => this.setKnobs({ temperature }),
      })}
      ${rangeField({
        id: 'alpha',
        label: t.alpha,
        help: t.alphaHelp,
        shown: formatFixed(k.alpha, 2),
        detail: alphaSplit,
        range: limits(toy2dTable, 'knobs.alpha'),
        value: k.alpha,
        valueText: `${formatFixed(k.alpha, 2)} · ${alphaSplit}`,
        onInput: (alpha) => this.setKnobs({ alpha: Number(alpha.toFixed(2)) }),
      })}
      ${logRangeField({
        id: 'learning-rate',
        label: t.learningRate,
        help: t.learningRateHelp,
        shown: formatSignificant(k.learningRate),
        stops: LEARNING_RATE_STOPS,
        value: k.learningRate,
        valueText: formatSignificant(k.learningRate),
        onValue: (learningRate) => this.setKnobs({ learningRate }),
      })}
      <div class="row">
        ${selectField({
          id: 'batch-size',
          label: t.batchSize,
          help: t.batchSizeHelp,
          options: BATCH_SIZES,
          current: k.batchSize as (typeof BATCH_SIZES)[number],
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
      ${checkboxField({
        id: 'labels-only',
        label: t.labelsOnly,
        help: t.labelsOnlyHelp,
        checked: this.state.labelsOnly,
        onToggle: (labelsOnly) => this.change({ labelsOnly }),
      })}
    </fieldset>`;
  }

  override render(): TemplateResult {
    const s = this.state;
    const groups = { legends: msg.controls.groups, running: this.running, speed: s.speed, backend: s.backend, backendInfo: this.backendInfo, onChange: (e: CustomEvent<DistillRunChangeDetail>) => this.onRunChange(e) };
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()}>
      ${runGroup(groups)}
      ${this.renderDistillation()} ${this.renderData()} ${this.renderStudent()}
      ${computeGroup(groups)}
    </form>`;
  }
}

defineElement('distill-controls', DistillControls);

declare global {
  interface HTMLElementTagNameMap {
    'distill-controls': DistillControls;
  }
}
