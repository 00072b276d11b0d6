import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../i18n/index';
import { BACKEND_CHOICES, type BackendChoice, type Speed, SPEEDS } from '../../state/common';
import type { BackendInfo } from '../../../workers/trainer-api';
import { defineElement } from '../shared/define';
import { emit, type DistillCommand } from '../shared/events';
import { formStyles, selectField } from '../shared/fields';
import { hostStyles } from '../shared/styles';
import { runControlsStyles } from './distill-run-controls.styles';

/** Which part of the run controls an element shows: a panel puts the buttons and the backend in different groups. */
export type RunControlsShow = 'all' | 'run' | 'play' | 'buttons' | 'compute' | 'backend';

/** What each `show` value includes: the buttons, their explanation, the speed, the backend. */
const SHOWN: Record<RunControlsShow, { buttons: boolean; help: boolean; speed: boolean; backend: boolean }> = {
  all: { buttons: true, help: true, speed: true, backend: true },
  run: { buttons: true, help: true, speed: true, backend: false },
  play: { buttons: true, help: true, speed: false, backend: false },
  buttons: { buttons: true, help: false, speed: false, backend: false },
  compute: { buttons: false, help: false, speed: true, backend: true },
  backend: { buttons: false, help: false, speed: false, backend: true },
};

/**
 * Running a lab: Play / Pause (one toggle), Step, Reset, the speed, and the backend with what it
 * actually runs on. Lab-agnostic: every lab panel uses it, and it works alone on a page. A pure
 * view: it reports what the user asks for; the owner decides what follows. A chosen speed or
 * backend shows at once.
 *
 * @summary Play/Pause, Step, Reset, Speed and Backend for any lab.
 *
 * @slot - Not used.
 *
 * @event distill-command - `{ command: 'play' | 'pause' | 'step' | 'reset' }`.
 * @event distill-run-change - `{ speed }` or `{ backend }`: the user chose one.
 *
 * @csspart button - Each button (also `play`, `step`, `reset`).
 * @csspart field - Each labelled control (also `field-speed`, `field-backend`).
 * @csspart help - The one-line explanations.
 * @csspart backend-info - "Running on …".
 * @csspart backend-fallback - Why another backend than the one asked for runs.
 *
 * @cssproperty --distill-accent-color - Buttons and values.
 * @cssproperty --distill-border-color - Field borders.
 * @cssproperty --distill-surface-color - Button and field background.
 * @cssproperty --distill-muted-color - Explanation text colour.
 * @cssproperty --distill-focus-color - Focus ring.
 * @cssproperty --distill-radius - Corner radius.
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillRunControls extends LitElement {
  static override styles = [hostStyles, formStyles, runControlsStyles];

  /** Whether training is playing (the toggle then offers Pause, and Step is disabled). */
  @property({ type: Boolean, reflect: true }) running = false;
  /** Steps per second the play loop aims for (0: full speed). */
  @property({ type: Number }) speed: Speed = 100;
  /** The backend asked for. */
  @property() backend: BackendChoice = 'auto';
  /** The backend actually in use. */
  @property({ attribute: false }) backendInfo?: BackendInfo;
  /**
   * `run` (buttons and speed), `play` (buttons with their explanation), `buttons` (the buttons
   * alone, for a compact toolbar), `compute` (speed and backend), `backend` (backend and what
   * runs), or `all`.
   */
  @property() show: RunControlsShow = 'all';

  private command(command: DistillCommand): void {
    emit(this, 'distill-command', { command });
  }

  private renderButtons(): TemplateResult {
    const c = msg.controls;
    const help = SHOWN[this.show].help;
    return html`<div class="buttons">
        <button
          type="button"
          class="primary"
          part="button play"
          aria-describedby=${help ? 'play-help' : nothing}
          @click=${() => this.command(this.running ? 'pause' : 'play')}
        >
          <span class="icon ${this.running ? 'icon-pause' : 'icon-play'}" aria-hidden="true"></span>
          ${this.running ? c.pause : c.play}
        </button>
        <button type="button" part="button step" aria-describedby=${help ? 'step-help' : nothing} ?disabled=${this.running} @click=${() => this.command('step')}>
          ${c.step}
        </button>
        <button type="button" part="button reset" aria-describedby=${help ? 'reset-help' : nothing} @click=${() => this.command('reset')}>
          ${c.reset}
        </button>
      </div>
      ${help
        ? html`<p class="help" part="help">
            <span id="play-help">${c.playHelp}</span>
            <span id="step-help">${c.stepHelp}</span>
            <span id="reset-help">${c.resetHelp}</span>
          </p>`
        : nothing}`;
  }

  private renderSpeed(): TemplateResult {
    const c = msg.controls;
    return html`${selectField({
        id: 'speed',
        label: c.speed,
        help: c.speedHelp,
        options: SPEEDS,
        current: this.speed,
        text: (v) => c.speedOption(v),
        onPick: (speed: Speed) => {
          this.speed = speed;
          emit(this, 'distill-run-change', { speed });
        },
      })}`;
  }

  private renderBackend(): TemplateResult {
    const c = msg.controls;
    const info = this.backendInfo;
    return html`${selectField({
        id: 'backend',
        label: c.backend,
        help: c.backendHelp,
        options: BACKEND_CHOICES,
        current: this.backend,
        text: (b) => c.backendNames[b],
        onPick: (backend: BackendChoice) => {
          this.backend = backend;
          emit(this, 'distill-run-change', { backend });
        },
      })}
      ${info
        ? html`<p class="note" part="backend-info" data-testid="backend-info">${c.runningOn(c.backendNames[info.name], info.adapter)}</p>
            ${info.fallbackReason ? html`<p class="note warning" part="backend-fallback">${c.fallback(info.fallbackReason)}</p>` : nothing}`
        : nothing}`;
  }

  override render(): TemplateResult {
    const shown = SHOWN[this.show] ?? SHOWN.all;
    return html`${shown.buttons ? this.renderButtons() : nothing} ${shown.speed ? this.renderSpeed() : nothing}
    ${shown.backend ? this.renderBackend() : nothing}`;
  }
}

/** The parts a panel that contains `<distill-run-controls>` passes on as its own. */
export const RUN_CONTROLS_PARTS =
  'button, play, step, reset, field, field-speed, field-backend, help, backend-info, backend-fallback';

defineElement('distill-run-controls', DistillRunControls);

declare global {
  interface HTMLElementTagNameMap {
    'distill-run-controls': DistillRunControls;
  }
}
