import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '../../i18n/index';
import {
  ACTIVATIONS,
  type ActivationName,
  type AppState,
  BACKEND_CHOICES,
  type BackendChoice,
  BATCH_SIZES,
  DATASET_CLASSES,
  DATASETS,
  type DatasetName,
  defaultState,
  type Knobs,
  LIMITS,
  mlpParameterCount,
  OPTIMIZERS,
  type OptimizerName,
  type Speed,
  SPEEDS,
  type StudentShape,
} from '../../state/experiment';
import type { BackendInfo } from '../../../workers/trainer-api';
import { defineElement } from '../shared/define';
import { emit, type DistillChangeDetail, type DistillCommand } from '../shared/events';
import { formatFixed, formatInteger, formatKnob, formatPercent, formatSignificant } from '../shared/format';
import { hostStyles } from '../shared/styles';
import { controlsStyles } from './distill-controls.styles';

/** Learning rates the log-scale slider stops at: 1, 2, 3, 5 per decade from 1e-4 to 1. */
export const LEARNING_RATE_STOPS: readonly number[] = (() => {
  const stops: number[] = [];
  for (let exp = Math.log10(LIMITS.learningRate.min); exp < Math.log10(LIMITS.learningRate.max); exp++) {
    for (const m of [1, 2, 3, 5]) stops.push(Number((m * 10 ** exp).toPrecision(2)));
  }
  stops.push(LIMITS.learningRate.max);
  return stops;
})();

/** Index of the stop nearest to `lr` on a log scale. */
function nearestStop(lr: number): number {
  let best = 0;
  for (let i = 1; i < LEARNING_RATE_STOPS.length; i++) {
    if (Math.abs(Math.log(LEARNING_RATE_STOPS[i]!) - Math.log(lr)) < Math.abs(Math.log(LEARNING_RATE_STOPS[best]!) - Math.log(lr))) {
      best = i;
    }
  }
  return best;
}

function clampInt(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

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
 * @event distill-command - `{ command: 'play' | 'pause' | 'step' | 'reset' }`.
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
  static override styles = [hostStyles, controlsStyles];

  /** The experiment and view settings to show. */
  @property({ attribute: false }) state: AppState = defaultState();
  /** Whether training is playing (the toggle then offers Pause). */
  @property({ type: Boolean, reflect: true }) running = false;
  /** The backend actually in use, shown under Compute. */
  @property({ attribute: false }) backendInfo?: BackendInfo;
  /** Parameter count of the student; computed from the shape when not given. */
  @property({ attribute: false }) studentParameters?: number;

  private change(detail: DistillChangeDetail): void {
    this.state = { ...this.state, ...detail };
    emit(this, 'distill-change', detail);
  }

  private command(command: DistillCommand): void {
    emit(this, 'distill-command', { command });
  }

  private setKnobs(patch: Partial<Knobs>): void {
    this.change({ knobs: { ...this.state.knobs, ...patch } });
  }

  private setStudent(patch: Partial<StudentShape>): void {
    const student = { ...this.state.student, ...patch };
    this.change({ student: { hidden: [...student.hidden], activation: student.activation } });
  }

  private onLayers(e: Event): void {
    const input = e.target as HTMLInputElement;
    const layers = clampInt(input.valueAsNumber, LIMITS.hiddenLayers);
    const hidden = [...this.state.student.hidden];
    if (!Number.isFinite(input.valueAsNumber) || layers === hidden.length) {
      this.requestUpdate();
      return;
    }
    const width = hidden[hidden.length - 1] ?? 8;
    while (hidden.length < layers) hidden.push(width);
    hidden.length = layers;
    this.setStudent({ hidden });
  }

  private onUnits(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (!Number.isFinite(input.valueAsNumber)) {
      this.requestUpdate();
      return;
    }
    const units = clampInt(input.valueAsNumber, LIMITS.units);
    const hidden = this.state.student.hidden.map(() => units);
    if (hidden.join() === this.state.student.hidden.join()) {
      this.requestUpdate();
      return;
    }
    this.setStudent({ hidden });
  }

  private onSeed(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (!Number.isFinite(input.valueAsNumber)) {
      this.requestUpdate();
      return;
    }
    const seed = clampInt(input.valueAsNumber, LIMITS.seed);
    if (seed === this.state.seed) {
      this.requestUpdate();
      return;
    }
    this.change({ seed });
  }

  private field(
    id: string,
    label: string,
    help: string,
    control: TemplateResult,
    value?: string | TemplateResult,
    detail?: string,
  ): TemplateResult {
    return html`<div class="field" part="field field-${id}">
      <div class="head">
        <label for=${id}>${label}</label>
        ${value === undefined ? nothing : html`<output for=${id} id="${id}-value" aria-hidden="true">${value}</output>`}
      </div>
      ${control}
      ${detail === undefined ? nothing : html`<p class="sub" aria-hidden="true">${detail}</p>`}
      <p class="help" part="help" id="${id}-help">${help}</p>
    </div>`;
  }

  private select<T extends string | number>(
    id: string,
    options: readonly T[],
    current: T,
    text: (option: T) => string,
    onPick: (option: T) => void,
  ): TemplateResult {
    return html`<select
      id=${id}
      aria-describedby="${id}-help"
      @change=${(e: Event) => onPick(options[(e.target as HTMLSelectElement).selectedIndex]!)}
    >
      ${options.map((o) => html`<option value=${String(o)} ?selected=${o === current}>${text(o)}</option>`)}
    </select>`;
  }

  override render(): TemplateResult {
    const t = msg.controls;
    const s = this.state;
    const k = s.knobs;
    const classes = DATASET_CLASSES[s.dataset];
    const params = this.studentParameters ?? mlpParameterCount(2, s.student.hidden, classes);
    const lrIndex = nearestStop(k.learningRate);
    const alphaSplit = t.alphaSplit(formatPercent(k.alpha, 0), formatPercent(1 - k.alpha, 0));
    const alphaText = `${formatFixed(k.alpha, 2)} · ${alphaSplit}`;
    const info = this.backendInfo;

    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()}>
      <fieldset part="group group-run">
        <legend>${t.groups.run}</legend>
        <div class="buttons">
          <button
            type="button"
            class="primary"
            part="button play"
            aria-describedby="play-help"
            @click=${() => this.command(this.running ? 'pause' : 'play')}
          >
            <span class="icon ${this.running ? 'icon-pause' : 'icon-play'}" aria-hidden="true"></span>
            ${this.running ? t.pause : t.play}
          </button>
          <button type="button" part="button step" aria-describedby="step-help" ?disabled=${this.running} @click=${() => this.command('step')}>
            ${t.step}
          </button>
          <button type="button" part="button reset" aria-describedby="reset-help" @click=${() => this.command('reset')}>
            ${t.reset}
          </button>
        </div>
        <p class="help" part="help">
          <span id="play-help">${t.playHelp}</span>
          <span id="step-help">${t.stepHelp}</span>
          <span id="reset-help">${t.resetHelp}</span>
        </p>
        ${this.field(
          'speed',
          t.speed,
          t.speedHelp,
          this.select('speed', SPEEDS, s.speed, (v) => t.speedOption(v), (speed: Speed) => this.change({ speed })),
        )}
      </fieldset>

      <fieldset part="group group-data">
        <legend>${t.groups.data}</legend>
        ${this.field(
          'dataset',
          t.dataset,
          t.datasetHelp,
          this.select(
            'dataset',
            DATASETS,
            s.dataset,
            (d) => t.datasetOption(t.datasetNames[d], DATASET_CLASSES[d]),
            (dataset: DatasetName) => this.change({ dataset }),
          ),
        )}
        ${this.field(
          'seed',
          t.seed,
          t.seedHelp,
          html`<input
            id="seed"
            type="number"
            inputmode="numeric"
            min=${LIMITS.seed.min}
            max=${LIMITS.seed.max}
            step=${LIMITS.seed.step}
            .value=${live(String(s.seed))}
            aria-describedby="seed-help"
            @change=${this.onSeed}
          />`,
        )}
      </fieldset>

      <fieldset part="group group-student">
        <legend>${t.groups.student}</legend>
        <div class="row">
          ${this.field(
            'layers',
            t.hiddenLayers,
            t.hiddenLayersHelp,
            html`<input
              id="layers"
              type="number"
              min=${LIMITS.hiddenLayers.min}
              max=${LIMITS.hiddenLayers.max}
              step="1"
              .value=${live(String(s.student.hidden.length))}
              aria-describedby="layers-help"
              @change=${this.onLayers}
            />`,
          )}
          ${this.field(
            'units',
            t.units,
            t.unitsHelp,
            html`<input
              id="units"
              type="number"
              min=${LIMITS.units.min}
              max=${LIMITS.units.max}
              step="1"
              .value=${live(String(s.student.hidden[0] ?? 8))}
              aria-describedby="units-help"
              @change=${this.onUnits}
            />`,
          )}
        </div>
        ${this.field(
          'activation',
          t.activation,
          t.activationHelp,
          this.select('activation', ACTIVATIONS, s.student.activation, (a) => t.activationNames[a], (activation: ActivationName) =>
            this.setStudent({ activation }),
          ),
        )}
        <p class="note" part="shape">
          <strong>${t.shapeLabel}:</strong>
          <span class="value" data-testid="student-shape">${t.shape([2, ...s.student.hidden, classes])}</span>
          · <span data-testid="student-parameters">${t.parameters(formatInteger(params))}</span>
        </p>
      </fieldset>

      <fieldset part="group group-distillation">
        <legend>${t.groups.distillation}</legend>
        ${this.field(
          'temperature',
          t.temperature,
          t.temperatureHelp,
          html`<input
            id="temperature"
            type="range"
            min=${LIMITS.temperature.min}
            max=${LIMITS.temperature.max}
            step=${LIMITS.temperature.step}
            .value=${live(String(k.temperature))}
            aria-valuetext=${formatKnob(k.temperature, 1)}
            aria-describedby="temperature-help"
            @input=${(e: Event) => this.setKnobs({ temperature: (e.target as HTMLInputElement).valueAsNumber })}
          />`,
          formatFixed(k.temperature, 1),
        )}
        ${this.field(
          'alpha',
          t.alpha,
          t.alphaHelp,
          html`<input
            id="alpha"
            type="range"
            min=${LIMITS.alpha.min}
            max=${LIMITS.alpha.max}
            step=${LIMITS.alpha.step}
            .value=${live(String(k.alpha))}
            aria-valuetext=${alphaText}
            aria-describedby="alpha-help"
            @input=${(e: Event) => this.setKnobs({ alpha: Number((e.target as HTMLInputElement).valueAsNumber.toFixed(2)) })}
          />`,
          formatFixed(k.alpha, 2),
          alphaSplit,
        )}
        ${this.field(
          'learning-rate',
          t.learningRate,
          t.learningRateHelp,
          html`<input
            id="learning-rate"
            type="range"
            min="0"
            max=${LEARNING_RATE_STOPS.length - 1}
            step="1"
            .value=${live(String(lrIndex))}
            aria-valuetext=${formatSignificant(k.learningRate)}
            aria-describedby="learning-rate-help"
            @input=${(e: Event) =>
              this.setKnobs({ learningRate: LEARNING_RATE_STOPS[(e.target as HTMLInputElement).valueAsNumber]! })}
          />`,
          formatSignificant(k.learningRate),
        )}
        <div class="row">
          ${this.field(
            'batch-size',
            t.batchSize,
            t.batchSizeHelp,
            this.select('batch-size', BATCH_SIZES, k.batchSize as (typeof BATCH_SIZES)[number], (b) => formatInteger(b), (batchSize) =>
              this.setKnobs({ batchSize }),
            ),
          )}
          ${this.field(
            'optimizer',
            t.optimizer,
            t.optimizerHelp,
            this.select('optimizer', OPTIMIZERS, k.optimizer, (o) => t.optimizerNames[o], (optimizer: OptimizerName) =>
              this.setKnobs({ optimizer }),
            ),
          )}
        </div>
        <div class="field check" part="field field-labels-only">
          <input
            id="labels-only"
            type="checkbox"
            .checked=${live(s.labelsOnly)}
            aria-describedby="labels-only-help"
            @change=${(e: Event) => this.change({ labelsOnly: (e.target as HTMLInputElement).checked })}
          />
          <label for="labels-only">${t.labelsOnly}</label>
          <p class="help" part="help" id="labels-only-help">${t.labelsOnlyHelp}</p>
        </div>
      </fieldset>

      <fieldset part="group group-compute">
        <legend>${t.groups.compute}</legend>
        ${this.field(
          'backend',
          t.backend,
          t.backendHelp,
          this.select('backend', BACKEND_CHOICES, s.backend, (b) => t.backendNames[b], (backend: BackendChoice) =>
            this.change({ backend }),
          ),
        )}
        ${info
          ? html`<p class="note" part="backend-info" data-testid="backend-info">
                ${t.runningOn(t.backendNames[info.name], info.adapter)}
              </p>
              ${info.fallbackReason
                ? html`<p class="note warning" part="backend-fallback">${t.fallback(info.fallbackReason)}</p>`
                : nothing}`
          : nothing}
      </fieldset>
    </form>`;
  }
}

defineElement('distill-controls', DistillControls);

declare global {
  interface HTMLElementTagNameMap {
    'distill-controls': DistillControls;
  }
}
