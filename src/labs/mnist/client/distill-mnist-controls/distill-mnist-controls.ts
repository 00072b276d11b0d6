import { computeGroup, runGroup } from '../../../../components/distill-run-controls/run-groups';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { BackendChoice, Speed } from '../../../../state/common';
import {
  cloneMnistExperiment,
  MNIST_LIMITS,
  type MnistExperiment,
  type MnistKnobs,
  type MnistPreset,
  PRESETS,
  presetById,
  type StudentSpec,
} from '../../shared/schema';
import type { BackendInfo } from '../../../../../workers/trainer-api';
import { controlsStyles } from '../../../../components/shared/controls-styles';
import '../../../../components/distill-run-controls/distill-run-controls';
import { defineElement } from '../../../../components/shared/define';
import { emit, type DistillRunChangeDetail } from '../../../../components/shared/events';
import type { DistillMnistChangeDetail } from '../events';
import { formStyles, legendField, numberInput } from '../../../../components/shared/fields';
import { hostStyles } from '../../../../components/shared/styles';
import { mnistControlsStyles } from './distill-mnist-controls.styles';
import { distillationGroup } from './distillation-group';
import { studentCard } from './student-card';
import { transferGroup } from './transfer-group';
import { isDefaultExperiment, matchingPreset } from './preset-match';
import { mnistMsg } from '../../i18n/index';
import { limits } from '../../../params';
import { mnistTable } from '../../shared/params';

export { MNIST_LEARNING_RATE_STOPS } from './distillation-group';

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
  static override styles = [hostStyles, formStyles, controlsStyles, mnistControlsStyles];

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

  private readonly restore = () => this.requestUpdate();

  /** Speed and backend come from the run controls: shown here, reported as `distill-mnist-change`. */
  private onRunChange(e: CustomEvent<DistillRunChangeDetail>): void {
    e.stopPropagation();
    const detail = e.detail;
    if ('speed' in detail) this.speed = detail.speed;
    else this.backend = detail.backend;
    this.emitChange(detail);
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

  private get groups() {
    return { legends: mnistMsg.mnistControls.groups, running: this.running, speed: this.speed, backend: this.backend, backendInfo: this.backendInfo, onChange: (e: CustomEvent<DistillRunChangeDetail>) => this.onRunChange(e) };
  }

  private renderRun(): TemplateResult {
    return runGroup(this.groups);
  }

  private renderPreset(): TemplateResult {
    const t = mnistMsg.mnistControls;
    // No preset named (a fresh load, a link): the experiment may still be one, or the default.
    const active = asPreset(this.preset) ?? (this.preset === null ? matchingPreset(this.experiment) : undefined);
    const isDefault = !active && isDefaultExperiment(this.experiment);
    return html`<fieldset part="group group-preset" class="preset">
      <legend id="preset-label">${t.groups.preset}</legend>
      ${legendField(
        'preset',
        t.presetHelp,
        html`<select
          id="preset"
          aria-labelledby="preset-label"
          aria-describedby="preset-help"
          @change=${(e: Event) => this.choosePreset((e.target as HTMLSelectElement).value)}
        >
          ${active ? nothing : html`<option value="" disabled selected>${isDefault ? t.defaultSettings : t.custom}</option>`}
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
        : html`<p class="note" data-testid="preset-custom">${isDefault ? t.defaultNote : t.customNote}</p>`}
    </fieldset>`;
  }

  private renderStudents(): TemplateResult {
    const t = mnistMsg.mnistControls;
    const students = this.experiment.students;
    const canAdd = students.length < MNIST_LIMITS.students.max;
    return html`<fieldset part="group group-students">
      <legend>${t.groups.students}</legend>
      <p class="help" part="help" id="students-help">${t.studentsHelp}</p>
      <div class="cards">
        ${students.map((s, i) =>
          studentCard(s, i, students.length, {
            set: (patch) => this.setStudent(i, patch),
            setLayers: (layers) => this.setLayers(i, layers),
            setUnits: (layer, units) => this.setUnits(i, layer, units),
            remove: () => void this.removeStudent(i),
            restore: this.restore,
          }),
        )}
      </div>
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
    return distillationGroup(this.experiment, {
      setKnobs: (patch) => this.setKnobs(patch),
      edit: (edit) => this.edit(edit),
      restore: this.restore,
    });
  }

  private renderTransfer(): TemplateResult {
    return transferGroup(this.experiment, this.draftTransferSize, {
      setKnobs: (patch) => this.setKnobs(patch),
      edit: (edit) => this.edit(edit),
      draft: (size) => (this.draftTransferSize = size),
      restore: this.restore,
    });
  }

  private renderSeed(): TemplateResult {
    const t = mnistMsg.mnistControls;
    return html`<fieldset part="group group-seed">
      <legend id="seed-label">${t.groups.seed}</legend>
      ${legendField(
        'seed',
        t.seedHelp,
        numberInput({
          id: 'seed',
          range: limits(mnistTable, 'seed'),
          value: this.experiment.seed,
          onValue: (seed) => this.edit((e) => (e.seed = seed)),
          restore: this.restore,
          labelledBy: 'seed-label',
        }),
      )}
    </fieldset>`;
  }

  private renderCompute(): TemplateResult {
    return computeGroup(this.groups);
  }

  override render(): TemplateResult {
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()}>
      <div class="top">${this.renderRun()} ${this.renderDistillation()}</div>
      ${this.renderPreset()} ${this.renderStudents()}
      <div class="rest">
        ${this.renderTransfer()}
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
