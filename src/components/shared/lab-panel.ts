/**
 * What every lab's panel element shares: it receives each snapshot in order (so its curves keep
 * their history, even for snapshots that arrive before the first render), shows the starting
 * line in place of its summary while a run starts, the training compute under its summary, and
 * the settings frame: a column beside the views on a wide screen, a drawer (a modal dialog, so
 * focus stays in it and Escape closes it) opened from a compact toolbar on a phone.
 */
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import '../distill-run-controls/distill-run-controls';
import { RUN_CONTROLS_PARTS } from '../distill-run-controls/distill-run-controls';
import { formatFlops, formatFlopsPerSecond } from '../../cost/units';
import { msg } from '../../i18n/index';
import type { LabPanel } from '../../labs/types';
import { emitPanel } from '../../labs/panel-events';
import type { ViewSettings } from '../../state/common';
import type { BackendInfo } from '../../../workers/trainer-api';
import type { DistillCurves } from '../distill-curves/distill-curves';

export abstract class LabPanelElement<S extends { flops: { total: number; perSecond: number } }> extends LitElement implements LabPanel {
  @property({ attribute: false }) view: ViewSettings = { backend: 'auto', speed: 100 };
  @property({ attribute: false }) snapshot: S | null = null;
  @property({ attribute: false }) backendInfo?: BackendInfo;
  @property({ type: Boolean }) playing = false;
  @property({ type: Boolean }) starting = false;

  /** Snapshots received before the curves existed, plotted once they do. */
  private backlog: S[] = [];

  /** Every curves element the panel renders (the stage's and those further down): each gets every point. */
  protected get curves(): DistillCurves[] {
    return this.renderRoot ? [...this.renderRoot.querySelectorAll<DistillCurves>('distill-curves')] : [];
  }
  /** Adds a snapshot's point to a curves element. */
  protected abstract plot(curves: DistillCurves, s: S): void;
  /** What the panel keeps of each snapshot besides its curves (maps, the selection). */
  protected abstract note(s: S, fresh: boolean): void;

  receive(snapshot: unknown, fresh: boolean): void {
    const s = snapshot as S;
    this.note(s, fresh);
    const all = this.curves;
    if (all.length === 0) {
      if (fresh) this.backlog = [];
      this.backlog.push(s);
      return;
    }
    for (const curves of all) {
      if (fresh) curves.clear();
      this.plot(curves, s);
    }
  }

  protected override updated(changed: PropertyValues): void {
    const all = this.curves;
    if (all.length && this.backlog.length) {
      const backlog = this.backlog;
      this.backlog = [];
      for (const curves of all) {
        curves.clear();
        for (const s of backlog) this.plot(curves, s);
      }
    }
    super.updated(changed);
  }

  private get settingsDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog.settings') ?? null;
  }

  private readonly openSettings = (): void => {
    const dialog = this.settingsDialog;
    if (dialog && !dialog.open) dialog.showModal();
  };

  /**
   * The lab's settings (its controls element) in the shared frame: shown as the controls column
   * on a wide screen; on a phone, a drawer opened from `renderToolbar`'s Settings button.
   */
  protected renderSettings(content: TemplateResult): TemplateResult {
    const t = msg.panel;
    return html`<dialog class="settings controls" part="controls" aria-label=${t.settings}>
      <div class="drawer-head">
        <h2>${t.settings}</h2>
        <button type="button" class="pill" @click=${() => this.settingsDialog?.close()}>${t.closeSettings}</button>
      </div>
      ${content}
    </dialog>`;
  }

  /** On a phone only: Play / Step / Reset and the Settings button, kept at the top while scrolling. */
  protected renderToolbar(): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      <distill-run-controls show="buttons" exportparts=${RUN_CONTROLS_PARTS} .running=${this.playing}></distill-run-controls>
      <button type="button" class="pill" aria-haspopup="dialog" title=${msg.panel.settingsHelp} @click=${this.openSettings}>
        ${msg.panel.settings}
      </button>
    </div>`;
  }

  /**
   * A controls change may carry view settings (speed, backend) beside experiment fields: sends
   * those as `distill-view-change` and returns the rest, the experiment patch.
   */
  protected takeView<D extends Partial<ViewSettings>>(detail: D): Omit<D, 'backend' | 'speed'> {
    const { backend, speed, ...patch } = detail;
    if (backend !== undefined || speed !== undefined) {
      emitPanel(this, 'distill-view-change', { ...(backend !== undefined ? { backend } : {}), ...(speed !== undefined ? { speed } : {}) });
    }
    return patch;
  }

  /** The summary's place while a run starts: the playground's starting line, slotted in. */
  protected renderStartingSummary(): TemplateResult {
    return html`<p class="summary" part="summary"><slot name="starting"></slot></p>`;
  }

  /** "Training compute so far: …, at … on this device". */
  protected renderCompute(): TemplateResult {
    const f = this.snapshot?.flops;
    return html`<span data-testid="compute">${msg.playground.compute(formatFlops(f?.total ?? 0), formatFlopsPerSecond(f?.perSecond ?? 0))}</span>`;
  }
}
