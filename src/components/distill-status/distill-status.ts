import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '../../i18n/index';
import type { BackendInfo, ProgressUnit } from '../../../workers/trainer-api';
import { defineElement } from '../shared/define';
import { emit } from '../shared/events';
import { formatInteger } from '../../shared/format';
import { hostStyles } from '../shared/styles';
import { statusStyles } from './distill-status.styles';
import { autoWhyText, shortAdapter } from './status-text';

export interface StatusMessage {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

/** The screen-reader copy of the status line changes at most this often while training. */
export const ANNOUNCE_INTERVAL_MS = 5000;

/**
 * One line of run status: "Step 1,200 · 5,300 examples/s · WebGPU · swiftshader", plus whether
 * training runs, and an optional notice. The visible line updates with every snapshot but is
 * hidden from assistive technology; a polite live copy is refreshed at most every 5 s (and at
 * once when training starts or pauses), so screen readers are not flooded at 30 Hz.
 *
 * @summary Run status line with a throttled live region and a dismissable notice.
 *
 * @slot - Not used.
 *
 * @event distill-message-dismiss - `{ kind, text }`: the user dismissed the notice.
 *
 * @csspart line - The visible status line.
 * @csspart state - The "starting" / "training" / "paused" badge.
 * @csspart pending - While starting: the command waiting to be carried out.
 * @csspart why - How `auto` chose the backend.
 * @csspart notice - The notice box (also `notice-info`, `notice-warning`, `notice-error`).
 * @csspart dismiss - The notice's dismiss button.
 *
 * @cssproperty --distill-running-color - "training" badge.
 * @cssproperty --distill-info-color - Info notice accent.
 * @cssproperty --distill-warning-color - Warning notice accent.
 * @cssproperty --distill-error-color - Error notice accent.
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillStatus extends LitElement {
  static override styles = [hostStyles, statusStyles];

  @property({ type: Number }) step = 0;
  @property({ type: Number, attribute: 'examples-per-second' }) examplesPerSecond = 0;
  /** What the run counts its progress in (`examples`, `tokens`, `environment steps`): the throughput's unit. */
  @property() unit: ProgressUnit = 'examples';
  @property({ attribute: false }) backend?: BackendInfo;
  @property({ type: Boolean, reflect: true }) running = false;
  /** While a run starts: what is happening ("Starting WebAssembly… · loading the teacher 40 %"); null once ready. */
  @property({ attribute: false }) starting: string | null = null;
  /** A command pressed while the run starts, waiting to be carried out ("Play pressed: …"). */
  @property({ attribute: false }) pending: string | null = null;
  /** A notice shown under the line until dismissed; a new object shows again. */
  @property({ attribute: false }) message?: StatusMessage | null;

  @state() private announced = '';
  private lastAnnounce = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dismissed: StatusMessage | null = null;

  /** The status line as text (what the live region reads). */
  get text(): string {
    const t = msg.status;
    if (this.starting !== null) return [this.starting, this.pending].filter(Boolean).join(' ');
    const b = this.backend;
    const backend = b ? t.backendWithAdapter(msg.controls.backendNames[b.name], shortAdapter(b.adapter)) : '';
    const why = b ? autoWhyText(b.auto, b.name) : '';
    return `${t.status(formatInteger(this.step), formatInteger(this.examplesPerSecond), backend, this.perSecond)} · ${
      this.running ? t.training : t.paused
    }${why ? `. ${why}` : ''}`;
  }

  private get perSecond(): string {
    return msg.units.perSecond[this.unit] ?? msg.units.examplesPerSecond;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('message') && this.message !== this.dismissed) this.dismissed = null;
    const relevant = ['step', 'examplesPerSecond', 'unit', 'backend', 'running', 'starting', 'pending'] as const;
    if (!relevant.some((k) => changed.has(k)) || this.text === this.announced) return;
    const now = performance.now();
    const startedOrReady = changed.has('starting') && (changed.get('starting') === null || this.starting === null);
    const urgent = changed.has('running') || changed.has('backend') || changed.has('pending') || startedOrReady || this.lastAnnounce === 0;
    if (urgent || now - this.lastAnnounce >= ANNOUNCE_INTERVAL_MS) {
      this.announce(now);
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.announce(performance.now());
      }, ANNOUNCE_INTERVAL_MS - (now - this.lastAnnounce));
    }
  }

  private announce(now: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastAnnounce = now;
    this.announced = this.text;
  }

  private dismiss(): void {
    const message = this.message;
    if (!message) return;
    this.dismissed = message;
    emit(this, 'distill-message-dismiss', { kind: message.kind, text: message.text });
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const t = msg.status;
    const b = this.backend;
    const message = this.message && this.message !== this.dismissed ? this.message : null;
    const why = this.starting === null && b ? autoWhyText(b.auto, b.name) : '';
    return html`<div role="region" aria-label=${t.region}>
      ${this.starting !== null
        ? html`<p class="line" part="line" aria-hidden="true" data-testid="status-line">
            <span class="state starting" part="state">${t.starting}</span>
            <span data-testid="status-starting">${this.starting}</span>
            ${this.pending ? html`<span class="pending" part="pending" data-testid="status-pending">${this.pending}</span>` : nothing}
          </p>`
        : html`<p class="line" part="line" aria-hidden="true" data-testid="status-line">
            <span class="state ${this.running ? 'training' : 'paused'}" part="state"
              >${this.running ? t.training : t.paused}</span
            >
            <span title=${b?.adapter || nothing}
              >${t.status(
                formatInteger(this.step),
                formatInteger(this.examplesPerSecond),
                b ? t.backendWithAdapter(msg.controls.backendNames[b.name], shortAdapter(b.adapter)) : '',
                this.perSecond,
              )}</span
            >
          </p>`}
      ${why ? html`<p class="why" part="why" aria-hidden="true" data-testid="status-why">${why}</p>` : nothing}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="status-live">${this.announced}</p>
      ${message
        ? html`<div
            class="notice ${message.kind}"
            part="notice notice-${message.kind}"
            role=${message.kind === 'error' ? 'alert' : 'status'}
          >
            <span class="text"><span class="kind">${t.kinds[message.kind]}:</span> ${message.text}</span>
            <button type="button" part="dismiss" aria-label=${t.dismissLabel} @click=${this.dismiss}>${t.dismiss}</button>
          </div>`
        : nothing}
    </div>`;
  }
}

defineElement('distill-status', DistillStatus);

declare global {
  interface HTMLElementTagNameMap {
    'distill-status': DistillStatus;
  }
}
