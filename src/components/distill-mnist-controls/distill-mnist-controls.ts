import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '../../i18n/index';
import { BACKEND_CHOICES, type BackendChoice, mlpParameterCount, type Speed, SPEEDS } from '../../state/experiment';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  cloneMnistExperiment,
  digitsKept,
  digitsLeftOut,
  HINT_LAYERS,
  HINT_MODES,
  type HintLayer,
  type HintMode,
  MNIST_BATCH_SIZES,
  MNIST_CLASSES,
  MNIST_LIMITS,
  MNIST_OPTIMIZERS,
  MNIST_PIXELS,
  type MnistExperiment,
  type MnistKnobs,
  type MnistPreset,
  OBJECTIVES,
  type Objective,
  PRESETS,
  presetById,
  type StudentSpec,
} from '../../state/mnist';
import type { BackendInfo } from '../../../workers/trainer-api';
import { controlsStyles } from '../distill-controls/distill-controls.styles';
import { defineElement } from '../shared/define';
import { emit, type DistillCommand, type DistillMnistChangeDetail } from '../shared/events';
import { formatFixed, formatInteger, formatKnob, formatPercent, formatSignificant } from '../shared/format';
import { hostStyles } from '../shared/styles';
import { mnistControlsStyles } from './distill-mnist-controls.styles';

type NumberRange = { min: number; max: number; step: number };

/** Learning rates the log-scale slider stops at: 1, 2, 3, 5 per decade over the MNIST range. */
export const MNIST_LEARNING_RATE_STOPS: readonly number[] = (() => {
  const stops: number[] = [];
  const { min, max } = MNIST_LIMITS.learningRate;
  for (let exp = Math.round(Math.log10(min)); exp < Math.round(Math.log10(max)); exp++) {
    for (const m of [1, 2, 3, 5]) stops.push(Number((m * 10 ** exp).toPrecision(2)));
  }
  stops.push(max);
  return stops;
})();

/** Index of the stop nearest to `lr` on a log scale. */
function nearestStop(lr: number): number {
  let best = 0;
  const distance = (i: number) => Math.abs(Math.log(MNIST_LEARNING_RATE_STOPS[i]!) - Math.log(lr));
  for (let i = 1; i < MNIST_LEARNING_RATE_STOPS.length; i++) if (distance(i) < distance(best)) best = i;
  return best;
}

/** `value` clamped to `range` and rounded to its step (steps of 1 give whole numbers). */
function clampToStep(value: number, range: NumberRange): number {
  const stepped = Math.round((value - range.min) / range.step) * range.step + range.min;
  const decimals = Math.max(0, -Math.floor(Math.log10(range.step)));
  return Number(Math.min(range.max, Math.max(range.min, stepped)).toFixed(decimals));
}

/** The preset a select value names, typed. */
function asPreset(id: string | null): MnistPreset | undefined {
  return id === null ? undefined : presetById(id);
}

/**
 * Every setting of the MNIST lab, grouped as Run, Preset, Students, Distillation, Transfer set,
 * Seed and Compute: the 2-D controls' look and habits (a visible label, a one-line explanation and
 * the value as text for every control; big targets for projectors). A pure view: it shows
 * `experiment` and reports what the user changes; the owner decides what follows (a knob applies at
 * once, anything else starts a new run: see `mnistNeedsReset`). Edits show at once: the element
 * updates its own copy before emitting, and clears `preset` when the user changes the experiment.
 *
 * @summary The MNIST lab's control panel: play/pause/step/reset, the presets, up to three students, every knob.
 *
 * @slot - Not used.
 *
 * @event distill-mnist-change - `{ mnist: MnistExperiment }` (the whole updated experiment, a fresh deep copy), or `{ backend }`, or `{ speed }`.
 * @event distill-preset - `{ id: PresetId }`: a preset was chosen. The element shows its experiment at once; the owner loads it.
 * @event distill-command - `{ command: 'play' | 'pause' | 'step' | 'reset' }`.
 *
 * @csspart form - The container of the groups.
 * @csspart group - Each fieldset (also `group-run`, `group-preset`, `group-students`, `group-distillation`, `group-transfer`, `group-seed`, `group-compute`).
 * @csspart button - Each button (also `play`, `step`, `reset`, `add-student`, `remove-student`).
 * @csspart field - Each labelled control with its value and explanation.
 * @csspart help - The one-line explanations.
 * @csspart preset-details - The chosen preset's paper figure, what to look for, and our step budget.
 * @csspart student - Each student's card.
 * @csspart student-summary - A card's one-line description, e.g. "Logit KD · top-3 · 800-800".
 * @csspart digits - The ten "leave out" checkboxes.
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
 * @cssproperty --distill-controls-column-width - Width of a column of groups (default 18rem).
 */
export class DistillMnistControls extends LitElement {
  static override styles = [hostStyles, controlsStyles, mnistControlsStyles];

  /** The experiment to show. Never mutated: edits replace it with a fresh copy. */
  @property({ attribute: false }) experiment: MnistExperiment = cloneMnistExperiment(presetById('hinton')!.experiment);
  /** Whether training is playing (the toggle then offers Pause). */
  @property({ type: Boolean, reflect: true }) running = false;
  /** The active preset's id, or null once the user has changed something. */
  @property({ type: String }) preset: string | null = 'hinton';
  /** The backend actually in use, shown under Compute. */
  @property({ attribute: false }) backendInfo?: BackendInfo;
  /** The backend asked for. */
  @property() backend: BackendChoice = 'auto';
  /** Steps per second the play loop aims for (0: full speed). */
  @property({ type: Number }) speed: Speed = 100;

  /** The transfer-set slider's value while it is dragged (committed on release). */
  private draftTransferSize: number | null = null;

  private emitChange(detail: DistillMnistChangeDetail): void {
    emit(this, 'distill-mnist-change', detail);
  }

  private command(command: DistillCommand): void {
    emit(this, 'distill-command', { command });
  }

  /** Applies `edit` to a copy of the experiment; shows and reports it if anything changed. */
  private edit(edit: (e: MnistExperiment) => void): void {
    const next = cloneMnistExperiment(this.experiment);
    edit(next);
    if (JSON.stringify(next) === JSON.stringify(this.experiment)) {
      this.requestUpdate();
      return;
    }
    this.experiment = next;
    this.preset = null;
    this.emitChange({ mnist: cloneMnistExperiment(next) });
  }

  private setKnobs(patch: Partial<MnistKnobs>): void {
    this.edit((e) => Object.assign(e.knobs, patch));
  }

  private setStudent(index: number, patch: Partial<StudentSpec>): void {
    this.edit((e) => {
      const s = e.students[index];
      if (s) e.students[index] = { ...s, ...patch, hidden: [...(patch.hidden ?? s.hidden)] };
    });
  }

  private choosePreset(id: string): void {
    const p = presetById(id);
    if (!p) return;
    this.preset = p.id;
    this.experiment = cloneMnistExperiment(p.experiment);
    this.draftTransferSize = null;
    emit(this, 'distill-preset', { id: p.id });
  }

  private async addStudent(): Promise<void> {
    const students = this.experiment.students;
    if (students.length >= MNIST_LIMITS.students.max) return;
    const last = students[students.length - 1]!;
    this.edit((e) => e.students.push({ ...last, hidden: [...last.hidden] }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#s${students.length}-objective`)?.focus();
  }

  private async removeStudent(index: number): Promise<void> {
    if (this.experiment.students.length <= MNIST_LIMITS.students.min) return;
    this.edit((e) => e.students.splice(index, 1));
    // The pressed button is gone: keep the keyboard user in the group.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#add-student')?.focus();
  }

  private setLayers(index: number, layers: number): void {
    const hidden = [...this.experiment.students[index]!.hidden];
    const width = hidden[hidden.length - 1]!;
    while (hidden.length < layers) hidden.push(width);
    hidden.length = layers;
    this.setStudent(index, { hidden });
  }

  private setUnits(index: number, layer: number, units: number): void {
    const hidden = [...this.experiment.students[index]!.hidden];
    hidden[layer] = units;
    this.setStudent(index, { hidden });
  }

  private toggleDigit(digit: number, leaveOut: boolean): void {
    this.edit((e) => {
      const set = new Set(e.transfer.excludeDigits);
      if (leaveOut) set.add(digit);
      else set.delete(digit);
      const excludeDigits = [...set].sort((a, b) => a - b);
      // Never leave no digit at all (the checkbox of the last one is disabled too).
      if (digitsKept({ ...e.transfer, excludeDigits }).length > 0) e.transfer.excludeDigits = excludeDigits;
    });
  }

  /** A number input that clamps to `range` on change, and puts back the shown value when emptied. */
  private numberInput(
    id: string,
    range: NumberRange,
    value: number,
    onValue: (v: number) => void,
    options: { name?: string; labelledBy?: string; describedBy?: string } = {},
  ): TemplateResult {
    return html`<input
      id=${id}
      type="number"
      inputmode=${range.step < 1 ? 'decimal' : 'numeric'}
      min=${range.min}
      max=${range.max}
      step=${range.step}
      .value=${live(String(value))}
      aria-label=${options.name ?? nothing}
      aria-labelledby=${options.labelledBy ?? nothing}
      aria-describedby=${options.describedBy ?? `${id}-help`}
      @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).valueAsNumber;
        if (!Number.isFinite(v)) {
          this.requestUpdate();
          return;
        }
        const clamped = clampToStep(v, range);
        if (clamped === value) this.requestUpdate();
        else onValue(clamped);
      }}
    />`;
  }

  private field(
    id: string,
    label: string,
    help: string | typeof nothing,
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
      ${help === nothing ? nothing : html`<p class="help" part="help" id="${id}-help">${help}</p>`}
    </div>`;
  }

  /** A group's only control, named by the group's legend (`${id}-label`) rather than a second, identical label. */
  private legendField(id: string, help: string, control: TemplateResult): TemplateResult {
    return html`<div class="field" part="field field-${id}">
      ${control}
      <p class="help" part="help" id="${id}-help">${help}</p>
    </div>`;
  }

  private select<T extends string | number>(
    id: string,
    options: readonly T[],
    current: T,
    text: (option: T) => string,
    onPick: (option: T) => void,
    name?: string,
  ): TemplateResult {
    return html`<select
      id=${id}
      aria-label=${name ?? nothing}
      aria-describedby="${id}-help"
      @change=${(e: Event) => onPick(options[(e.target as HTMLSelectElement).selectedIndex]!)}
    >
      ${options.map((o) => html`<option value=${String(o)} ?selected=${o === current}>${text(o)}</option>`)}
    </select>`;
  }

  private renderRun(): TemplateResult {
    const c = msg.controls;
    const t = msg.mnistControls;
    return html`<fieldset part="group group-run">
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
          ${this.running ? c.pause : c.play}
        </button>
        <button type="button" part="button step" aria-describedby="step-help" ?disabled=${this.running} @click=${() => this.command('step')}>
          ${c.step}
        </button>
        <button type="button" part="button reset" aria-describedby="reset-help" @click=${() => this.command('reset')}>
          ${c.reset}
        </button>
      </div>
      <p class="help" part="help">
        <span id="play-help">${c.playHelp}</span>
        <span id="step-help">${c.stepHelp}</span>
        <span id="reset-help">${c.resetHelp}</span>
      </p>
      ${this.field(
        'speed',
        c.speed,
        c.speedHelp,
        this.select('speed', SPEEDS, this.speed, (v) => c.speedOption(v), (speed: Speed) => {
          this.speed = speed;
          this.emitChange({ speed });
        }),
      )}
    </fieldset>`;
  }

  private renderPreset(): TemplateResult {
    const t = msg.mnistControls;
    const active = asPreset(this.preset);
    return html`<fieldset part="group group-preset" class="preset">
      <legend id="preset-label">${t.groups.preset}</legend>
      ${this.legendField(
        'preset',
        t.presetHelp,
        html`<select
          id="preset"
          aria-labelledby="preset-label"
          aria-describedby="preset-help"
          @change=${(e: Event) => this.choosePreset((e.target as HTMLSelectElement).value)}
        >
          ${active ? nothing : html`<option value="" disabled selected>${t.custom}</option>`}
          ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === active?.id}>${p.title}</option>`)}
        </select>`,
      )}
      ${active
        ? html`<dl class="preset-details" part="preset-details" data-testid="preset-details">
            <div>
              <dt>${t.paper}</dt>
              <dd data-testid="preset-paper">${active.paper}</dd>
            </div>
            <div>
              <dt>${t.lookFor}</dt>
              <dd data-testid="preset-summary">${active.summary}</dd>
            </div>
            <div>
              <dt>${t.ours}</dt>
              <dd data-testid="preset-steps">${active.stepsNote}</dd>
            </div>
          </dl>`
        : html`<p class="note" data-testid="preset-custom">${t.customNote}</p>`}
    </fieldset>`;
  }

  private renderStudent(s: StudentSpec, i: number, count: number): TemplateResult {
    const t = msg.mnistControls;
    const c = msg.controls;
    const name = t.studentName(i);
    const id = `s${i}`;
    const usesTeacher = s.objective !== 'labels';
    const summary = [t.objectiveNames[s.objective], ...(usesTeacher ? [t.accessShort(s.access, s.k)] : []), t.shape(s.hidden)];
    const params = mlpParameterCount(MNIST_PIXELS, s.hidden, MNIST_CLASSES);
    return html`<fieldset class="student" part="student" data-testid="student">
      <legend>${name}</legend>
      <div class="student-head">
        <p class="summary value" part="student-summary" data-testid="student-summary">
          ${summary.map((part, j) => html`${j ? t.summarySeparator : ''}<span class="part">${part}</span>`)}
        </p>
        ${count > MNIST_LIMITS.students.min
          ? html`<button
              type="button"
              class="small"
              part="button remove-student"
              aria-label=${t.removeLabel(name)}
              @click=${() => void this.removeStudent(i)}
            >
              ${t.remove}
            </button>`
          : nothing}
      </div>
      ${this.field(
        `${id}-objective`,
        t.objective,
        t.objectiveHelps[s.objective],
        this.select(
          `${id}-objective`,
          OBJECTIVES,
          s.objective,
          (o) => t.objectiveNames[o],
          (objective: Objective) => this.setStudent(i, { objective }),
          t.studentControl(name, t.objectiveName),
        ),
      )}
      ${usesTeacher
        ? html`<div class="row ${s.access === 'topk' ? 'row-k' : 'row-1'}">
            ${this.field(
              `${id}-access`,
              t.access,
              nothing,
              this.select(
                `${id}-access`,
                ACCESS_LEVELS,
                s.access,
                (a) => t.accessNames[a],
                (access: AccessLevel) => this.setStudent(i, { access }),
                t.studentControl(name, t.accessName),
              ),
            )}
            ${s.access === 'topk'
              ? this.field(
                  `${id}-k`,
                  t.k,
                  nothing,
                  this.numberInput(`${id}-k`, MNIST_LIMITS.k, s.k, (k) => this.setStudent(i, { k }), {
                    name: t.studentControl(name, t.kName),
                    describedBy: `${id}-access-help`,
                  }),
                )
              : nothing}
            <p class="help span" part="help" id="${id}-access-help">
              ${t.accessHelps[s.access]}${s.access === 'topk' ? html` ${t.kHelp}` : nothing}
            </p>
          </div>`
        : nothing}
      <div class="row ${s.hidden.length === 2 ? 'row-3' : ''}">
        ${this.field(
          `${id}-layers`,
          t.hiddenLayers,
          nothing,
          this.numberInput(`${id}-layers`, MNIST_LIMITS.hiddenLayers, s.hidden.length, (n) => this.setLayers(i, n), {
            name: t.studentControl(name, t.hiddenLayersName),
            describedBy: `${id}-units-help`,
          }),
        )}
        ${s.hidden.map((units, layer) =>
          this.field(
            `${id}-units-${layer + 1}`,
            t.layerUnits(layer + 1),
            nothing,
            this.numberInput(`${id}-units-${layer + 1}`, MNIST_LIMITS.units, units, (u) => this.setUnits(i, layer, u), {
              name: t.studentControl(name, t.layerUnitsName(layer + 1)),
              describedBy: `${id}-units-help`,
            }),
          ),
        )}
        <p class="help span" part="help" id="${id}-units-help">${t.hiddenLayersHelp} ${t.unitsHelp}</p>
      </div>
      <p class="note" data-testid="student-shape">
        ${c.shape([MNIST_PIXELS, ...s.hidden, MNIST_CLASSES])} · ${c.parameters(formatInteger(params))}
      </p>
    </fieldset>`;
  }

  private renderStudents(): TemplateResult {
    const t = msg.mnistControls;
    const students = this.experiment.students;
    const canAdd = students.length < MNIST_LIMITS.students.max;
    return html`<fieldset part="group group-students">
      <legend>${t.groups.students}</legend>
      <p class="help" part="help" id="students-help">${t.studentsHelp}</p>
      <div class="cards">${students.map((s, i) => this.renderStudent(s, i, students.length))}</div>
      <div class="buttons add">
        <button
          type="button"
          id="add-student"
          part="button add-student"
          aria-describedby="add-student-help"
          ?disabled=${!canAdd}
          @click=${() => void this.addStudent()}
        >
          <span class="icon" aria-hidden="true">+</span> ${t.add}
        </button>
        <p class="help" part="help" id="add-student-help">${canAdd ? t.addHelp : t.full}</p>
      </div>
    </fieldset>`;
  }

  private renderDistillation(): TemplateResult {
    const c = msg.controls;
    const t = msg.mnistControls;
    const k = this.experiment.knobs;
    const lrIndex = nearestStop(k.learningRate);
    const alphaSplit = c.alphaSplit(formatPercent(k.alpha, 0), formatPercent(1 - k.alpha, 0));
    const usesHints = this.experiment.students.some((s) => s.objective === 'hints');
    return html`<fieldset part="group group-distillation">
      <legend>${t.groups.distillation}</legend>
      ${this.field(
        'temperature',
        c.temperature,
        c.temperatureHelp,
        html`<input
          id="temperature"
          type="range"
          min=${MNIST_LIMITS.temperature.min}
          max=${MNIST_LIMITS.temperature.max}
          step=${MNIST_LIMITS.temperature.step}
          .value=${live(String(k.temperature))}
          aria-valuetext=${formatKnob(k.temperature, 1)}
          aria-describedby="temperature-help"
          @input=${(e: Event) => this.setKnobs({ temperature: (e.target as HTMLInputElement).valueAsNumber })}
        />`,
        formatFixed(k.temperature, 1),
      )}
      ${this.field(
        'alpha',
        c.alpha,
        c.alphaHelp,
        html`<input
          id="alpha"
          type="range"
          min=${MNIST_LIMITS.alpha.min}
          max=${MNIST_LIMITS.alpha.max}
          step=${MNIST_LIMITS.alpha.step}
          .value=${live(String(k.alpha))}
          aria-valuetext=${`${formatFixed(k.alpha, 2)} · ${alphaSplit}`}
          aria-describedby="alpha-help"
          @input=${(e: Event) => this.setKnobs({ alpha: Number((e.target as HTMLInputElement).valueAsNumber.toFixed(2)) })}
        />`,
        formatFixed(k.alpha, 2),
        alphaSplit,
      )}
      ${this.field(
        'learning-rate',
        c.learningRate,
        c.learningRateHelp,
        html`<input
          id="learning-rate"
          type="range"
          min="0"
          max=${MNIST_LEARNING_RATE_STOPS.length - 1}
          step="1"
          .value=${live(String(lrIndex))}
          aria-valuetext=${formatSignificant(k.learningRate)}
          aria-describedby="learning-rate-help"
          @input=${(e: Event) =>
            this.setKnobs({ learningRate: MNIST_LEARNING_RATE_STOPS[(e.target as HTMLInputElement).valueAsNumber]! })}
        />`,
        formatSignificant(k.learningRate),
      )}
      <div class="row">
        ${this.field(
          'batch-size',
          c.batchSize,
          c.batchSizeHelp,
          this.select('batch-size', MNIST_BATCH_SIZES, k.batchSize as (typeof MNIST_BATCH_SIZES)[number], (b) => formatInteger(b), (batchSize) =>
            this.setKnobs({ batchSize }),
          ),
        )}
        ${this.field(
          'optimizer',
          c.optimizer,
          c.optimizerHelp,
          this.select('optimizer', MNIST_OPTIMIZERS, k.optimizer, (o) => c.optimizerNames[o], (optimizer) => this.setKnobs({ optimizer })),
        )}
      </div>
      ${usesHints
        ? html`${this.field(
              'hint-mode',
              t.hintMode,
              t.hintModeHelps[k.hintMode],
              this.select('hint-mode', HINT_MODES, k.hintMode, (m) => t.hintModeNames[m], (hintMode: HintMode) => this.setKnobs({ hintMode })),
            )}
            ${k.hintMode === 'two-stage'
              ? this.field(
                  'hint-steps',
                  t.hintSteps,
                  t.hintStepsHelp,
                  this.numberInput('hint-steps', MNIST_LIMITS.hintSteps, k.hintSteps, (hintSteps) => this.setKnobs({ hintSteps })),
                )
              : this.field(
                  'hint-weight',
                  t.hintWeight,
                  t.hintWeightHelp,
                  html`<input
                    id="hint-weight"
                    type="range"
                    min=${MNIST_LIMITS.hintWeight.min}
                    max=${MNIST_LIMITS.hintWeight.max}
                    step=${MNIST_LIMITS.hintWeight.step}
                    .value=${live(String(k.hintWeight))}
                    aria-valuetext=${formatKnob(k.hintWeight, 1)}
                    aria-describedby="hint-weight-help"
                    @input=${(e: Event) =>
                      this.setKnobs({ hintWeight: Number((e.target as HTMLInputElement).valueAsNumber.toFixed(1)) })}
                  />`,
                  formatFixed(k.hintWeight, 1),
                )}
            ${this.field(
              'hint-layer',
              t.hintLayer,
              t.hintLayerHelp,
              this.select('hint-layer', HINT_LAYERS, this.experiment.hintLayer, (l) => t.hintLayerOption(l), (hintLayer: HintLayer) =>
                this.edit((e) => (e.hintLayer = hintLayer)),
              ),
            )}`
        : html`<p class="note" data-testid="hints-off">${t.hintsOff}</p>`}
    </fieldset>`;
  }

  private renderTransfer(): TemplateResult {
    const t = msg.mnistControls;
    const transfer = this.experiment.transfer;
    const k = this.experiment.knobs;
    const size = this.draftTransferSize ?? transfer.size;
    const kept = digitsKept(transfer);
    const leftOut = digitsLeftOut(transfer);
    const range = MNIST_LIMITS.transferSize;
    return html`<fieldset part="group group-transfer">
      <legend>${t.groups.transfer}</legend>
      ${this.field(
        'transfer-size',
        t.transferSize,
        t.transferSizeHelp,
        html`<input
          id="transfer-size"
          type="range"
          min=${range.min}
          max=${range.max}
          step=${range.step}
          .value=${live(String(size))}
          aria-valuetext=${t.images(formatInteger(size))}
          aria-describedby="transfer-size-help"
          @input=${(e: Event) => {
            this.draftTransferSize = (e.target as HTMLInputElement).valueAsNumber;
            this.requestUpdate();
          }}
          @change=${(e: Event) => {
            const v = clampToStep((e.target as HTMLInputElement).valueAsNumber, range);
            this.draftTransferSize = null;
            this.edit((x) => (x.transfer.size = v));
          }}
        />`,
        t.images(formatInteger(size)),
      )}
      <fieldset class="digits-group" part="digits">
        <legend>${t.leaveOut}</legend>
        <div class="digits">
          ${Array.from({ length: MNIST_CLASSES }, (_, d) => {
            const excluded = transfer.excludeDigits.includes(d);
            // The last digit still kept cannot be left out too.
            const last = !excluded && kept.length === 1 && kept[0] === d;
            return html`<label class="digit ${excluded ? 'checked' : ''}">
              <input
                type="checkbox"
                .checked=${live(excluded)}
                ?disabled=${last}
                aria-label=${t.leaveOutDigit(d)}
                aria-describedby=${last ? 'leave-out-help last-digit-help' : 'leave-out-help'}
                @change=${(e: Event) => this.toggleDigit(d, (e.target as HTMLInputElement).checked)}
              /><span>${d}</span>
            </label>`;
          })}
        </div>
        <p class="help" part="help" id="leave-out-help">${t.leaveOutHelp}</p>
        ${kept.length === 1 ? html`<p class="help" part="help" id="last-digit-help">${t.lastDigit}</p>` : nothing}
        ${transfer.onlyDigits ? html`<p class="note">${t.onlyDigits(transfer.onlyDigits.join(', '))}</p>` : nothing}
      </fieldset>
      <div class="field check" part="field field-bias-correction">
        <input
          id="bias-correction"
          type="checkbox"
          .checked=${live(k.biasCorrection)}
          aria-describedby="bias-correction-help"
          @change=${(e: Event) => this.setKnobs({ biasCorrection: (e.target as HTMLInputElement).checked })}
        />
        <label for="bias-correction">${t.biasCorrection}</label>
        <p class="help" part="help" id="bias-correction-help">${t.biasCorrectionHelp}</p>
      </div>
      ${k.biasCorrection
        ? this.field(
            'bias-shift',
            t.biasShift,
            leftOut.length ? t.biasShiftHelp : `${t.biasShiftHelp} ${t.biasNothingLeftOut}`,
            this.numberInput('bias-shift', MNIST_LIMITS.biasShift, k.biasShift, (biasShift) => this.setKnobs({ biasShift })),
          )
        : nothing}
    </fieldset>`;
  }

  private renderSeed(): TemplateResult {
    const t = msg.mnistControls;
    return html`<fieldset part="group group-seed">
      <legend id="seed-label">${t.groups.seed}</legend>
      ${this.legendField(
        'seed',
        t.seedHelp,
        this.numberInput('seed', MNIST_LIMITS.seed, this.experiment.seed, (seed) => this.edit((e) => (e.seed = seed)), {
          labelledBy: 'seed-label',
        }),
      )}
    </fieldset>`;
  }

  private renderCompute(): TemplateResult {
    const c = msg.controls;
    const info = this.backendInfo;
    return html`<fieldset part="group group-compute">
      <legend>${msg.mnistControls.groups.compute}</legend>
      ${this.field(
        'backend',
        c.backend,
        c.backendHelp,
        this.select('backend', BACKEND_CHOICES, this.backend, (b) => c.backendNames[b], (backend: BackendChoice) => {
          this.backend = backend;
          this.emitChange({ backend });
        }),
      )}
      ${info
        ? html`<p class="note" part="backend-info" data-testid="backend-info">${c.runningOn(c.backendNames[info.name], info.adapter)}</p>
            ${info.fallbackReason ? html`<p class="note warning" part="backend-fallback">${c.fallback(info.fallbackReason)}</p>` : nothing}`
        : nothing}
    </fieldset>`;
  }

  override render(): TemplateResult {
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()}>
      <div class="top">${this.renderRun()} ${this.renderPreset()}</div>
      ${this.renderStudents()}
      <div class="rest">
        ${this.renderDistillation()} ${this.renderTransfer()}
        <div class="stack">${this.renderSeed()} ${this.renderCompute()}</div>
      </div>
    </form>`;
  }
}

defineElement('distill-mnist-controls', DistillMnistControls);

declare global {
  interface HTMLElementTagNameMap {
    'distill-mnist-controls': DistillMnistControls;
  }
}
