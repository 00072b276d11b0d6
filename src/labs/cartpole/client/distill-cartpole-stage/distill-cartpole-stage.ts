import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import '../../../../components/distill-bars/distill-bars';
import type { BarsModel } from '../../../../components/distill-bars/distill-bars';
import { defineElement } from '../../../../components/shared/define';
import { formStyles, selectField } from '../../../../components/shared/fields';
import { OKABE_ITO } from '../../../../components/shared/palette';
import { seriesColor, seriesColorExpr, TEACHER_STYLE } from '../../../../components/shared/series';
import { hostStyles } from '../../../../components/shared/styles';
import { formatFixed, formatInteger, formatKnob, formatPercent } from '../../../../shared/format';
import { cartpoleMsg } from '../../i18n/index';
import type { PolicyWeights } from '../../shared/policy';
import { STUDENT_ROLES, type StudentRole } from '../../shared/readouts';
import { STUDENT_STYLE } from '../curves';
import { Replay, type ReplayFrame } from '../replay';
import { drawStage } from './stage-drawing';
import { stageStyles } from './distill-cartpole-stage.styles';

/** Replay speeds in environment steps per second: real time (τ = 0.02 s) and a readable slow motion. */
export const REPLAY_SPEEDS = { live: 50, slow: 4 } as const;
export type ReplaySpeed = keyof typeof REPLAY_SPEEDS;
const SPEED_KEYS = Object.keys(REPLAY_SPEEDS) as ReplaySpeed[];
/** How long an ended episode stays on screen before the next one starts (real-time mode). */
const END_PAUSE_MS = 1200;
const DEG = 180 / Math.PI;

/**
 * The student at the wheel: episodes played on the page by a student's latest weights (from the
 * snapshots), drawn as a cart and pole, with the teacher's choice beside the student's in every
 * state and both policies' action probabilities as bars. No tfjs: the replay is plain arithmetic.
 *
 * @summary A CartPole replay of a student, with the teacher's choices beside it.
 *
 * @csspart canvas - The cart-and-pole drawing.
 * @csspart bars - The action probabilities (`<distill-bars>`).
 * @csspart lines - The state, choices and episode as text.
 */
export class DistillCartpoleStage extends LitElement {
  static override styles = [hostStyles, formStyles, stageStyles];

  @property({ attribute: false }) teacher: PolicyWeights | null = null;
  /** Each student's latest weights. */
  @property({ attribute: false }) policies: Record<StudentRole, PolicyWeights> | null = null;
  @property({ type: Number }) temperature = 1;
  /** Seeds the replayed episodes (the run's seed; the episodes differ from the training ones). */
  @property({ type: Number }) seed = 1;

  @state() private shown: StudentRole = 'distilled';
  @state() private speed: ReplaySpeed = 'live';
  @state() private paused = false;
  /** Playing one slow episode, to stop at its end. */
  @state() private once = false;
  @state() private stoppedOnce = false;
  @state() private frame: ReplayFrame | null = null;
  @query('canvas') private canvas?: HTMLCanvasElement;

  private replay: Replay | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.replay) this.schedule();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('teacher') || changed.has('seed')) && this.teacher && this.policies) this.newReplay();
    else if (changed.has('policies') && this.policies && this.teacher && !this.replay) this.newReplay();
    if (changed.has('temperature') && this.replay) this.frame = (this.replay.setTemperature(this.temperature), this.replay.frame);
  }

  protected override updated(): void {
    this.draw();
  }

  private newReplay(): void {
    this.replay = new Replay(this.policies![this.shown], this.teacher!, (this.seed * 31 + 7) >>> 0, this.temperature);
    this.frame = this.replay.frame;
    this.stoppedOnce = false;
    this.schedule();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.stopTimer();
    if (this.paused || !this.replay || !this.isConnected) return;
    const ended = this.frame?.ended;
    const wait = ended ? (this.once ? -1 : END_PAUSE_MS) : 1000 / REPLAY_SPEEDS[this.speed];
    if (wait < 0) {
      this.once = false;
      this.paused = true;
      this.stoppedOnce = true;
      return;
    }
    this.timer = setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    this.timer = null;
    const r = this.replay;
    if (!r) return;
    // A new episode takes the student's weights as they are now.
    this.frame = this.frame?.ended ? r.restart(this.policies?.[this.shown]) : r.advance();
    this.schedule();
  }

  private pickRole(role: StudentRole): void {
    this.shown = role;
    if (this.replay && this.policies) this.frame = this.replay.restart(this.policies[role]);
    this.schedule();
  }

  private pickSpeed(speed: ReplaySpeed): void {
    this.speed = speed;
    this.schedule();
  }

  private togglePause(): void {
    this.paused = !this.paused;
    this.stoppedOnce = false;
    if (!this.paused && this.frame?.ended && this.replay) this.frame = this.replay.restart(this.policies?.[this.shown]);
    this.schedule();
  }

  private stepOnce(): void {
    if (!this.replay) return;
    this.frame = this.frame?.ended ? this.replay.restart(this.policies?.[this.shown]) : this.replay.advance();
  }

  private slowEpisode(): void {
    if (!this.replay || !this.policies) return;
    this.speed = 'slow';
    this.once = true;
    this.paused = false;
    this.stoppedOnce = false;
    this.frame = this.replay.restart(this.policies[this.shown]);
    this.schedule();
  }

  private draw(): void {
    const canvas = this.canvas;
    const f = this.frame;
    if (!canvas || !f) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 560;
    const height = canvas.clientHeight || 200;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawStage(
      ctx,
      width,
      height,
      { x: f.state[0], theta: f.state[2], studentAction: f.studentAction, teacherChoice: f.teacherChoice, ended: f.ended !== null, failed: f.ended?.failed ?? false },
      {
        student: seriesColor(this, STUDENT_STYLE[this.shown]),
        teacher: seriesColor(this, TEACHER_STYLE),
        ink: '#33333a',
        muted: '#6b6b75',
        danger: OKABE_ITO.vermillion,
      },
    );
  }

  private renderLines(f: ReplayFrame): TemplateResult {
    const s = cartpoleMsg.stage;
    const who = cartpoleMsg.roles[this.shown];
    const actions = cartpoleMsg.actionWords;
    const pStudent = f.studentAction === 1 ? f.studentRight : 1 - f.studentRight;
    const pTeacher = f.teacherChoice === 1 ? f.teacherRight : 1 - f.teacherRight;
    const agree = f.studentAction === f.teacherChoice;
    return html`<ul class="lines" part="lines" aria-live="off">
      <li class="num" data-testid="replay-step">${s.stepLine(formatInteger(f.step), String(f.seed))}</li>
      <li class="num">${s.state(formatFixed(f.state[0], 2), formatFixed(f.state[1], 2), formatFixed(f.state[2] * DEG, 1), formatFixed(f.state[3], 2))}</li>
      ${f.ended
        ? html`<li data-testid="replay-ended">${s.ended(formatInteger(f.step), f.ended.failed)} ${this.stoppedOnce ? s.stopped : nothing}</li>`
        : html`<li><span class="key student" aria-hidden="true"></span>${s.studentChoice(who, actions[f.studentAction]!, formatFixed(pStudent, 2))}</li>
            <li><span class="key teacher" aria-hidden="true"></span>${s.teacherChoice(actions[f.teacherChoice]!, formatFixed(pTeacher, 2))}
              — <span class="agree">${agree ? s.agree : s.disagree}</span></li>`}
      ${f.step > 0 ? html`<li>${s.agreement(formatPercent(f.agreed / f.step, 0))}</li>` : nothing}
    </ul>`;
  }

  private renderBars(f: ReplayFrame): TemplateResult {
    const s = cartpoleMsg.stage;
    const models: BarsModel[] = [
      { key: 'teacher', label: cartpoleMsg.roles.teacher, style: TEACHER_STYLE },
      { key: this.shown, label: cartpoleMsg.roles[this.shown], style: STUDENT_STYLE[this.shown] },
    ];
    const pair = (p: number) => [1 - p, p];
    return html`<distill-bars
      part="bars"
      axis
      .classes=${[...cartpoleMsg.actions]}
      .classTitles=${[...cartpoleMsg.actionTitles]}
      .models=${models}
      .atT=${[pair(f.teacherRightAtT), pair(f.studentRightAtT)]}
      .at1=${[pair(f.teacherRight), pair(f.studentRight)]}
      .temperature=${this.temperature}
      .captionAtT=${s.barsCaptionAtT(formatKnob(this.temperature, 2))}
      .captionAt1=${s.barsCaptionAt1}
    ></distill-bars>`;
  }

  override render(): TemplateResult {
    const s = cartpoleMsg.stage;
    const f = this.frame;
    if (!f) return html`<p class="waiting">${s.waiting}</p>`;
    const label = s.canvasLabel(formatFixed(f.state[0], 2), formatFixed(f.state[2] * DEG, 1), formatInteger(f.step));
    return html`<div
        class="stage"
        style="--_student:${seriesColorExpr(STUDENT_STYLE[this.shown])};--_teacher:${seriesColorExpr(TEACHER_STYLE)}"
      >
        <div>
          <canvas part="canvas" role="img" aria-label=${label} data-testid="cartpole-canvas"></canvas>
          ${this.renderLines(f)}
        </div>
        <div>${this.renderBars(f)}</div>
      </div>
      <div class="controls">
        ${selectField({
          id: 'replay-student',
          label: s.student,
          options: STUDENT_ROLES,
          current: this.shown,
          text: (r) => cartpoleMsg.roles[r],
          onPick: (r: StudentRole) => this.pickRole(r),
          describedBy: 'replay-help',
        })}
        ${selectField({
          id: 'replay-speed',
          label: s.speed,
          options: SPEED_KEYS,
          current: this.speed,
          text: (k) => s.speeds[k] ?? k,
          onPick: (k: ReplaySpeed) => this.pickSpeed(k),
          describedBy: 'replay-help',
        })}
        <div class="buttons">
          <button type="button" part="button" @click=${this.slowEpisode} aria-describedby="replay-help">${s.slowEpisode}</button>
          <button type="button" part="button" @click=${this.togglePause} aria-pressed=${this.paused ? 'true' : 'false'}>${this.paused ? s.resume : s.pause}</button>
          <button type="button" part="button" @click=${this.stepOnce} ?disabled=${!this.paused}>${s.stepOnce}</button>
        </div>
      </div>
      <p class="help" id="replay-help">${s.speedHelp} ${s.slowEpisodeHelp}</p>`;
  }
}

defineElement('distill-cartpole-stage', DistillCartpoleStage);

declare global {
  interface HTMLElementTagNameMap {
    'distill-cartpole-stage': DistillCartpoleStage;
  }
}
