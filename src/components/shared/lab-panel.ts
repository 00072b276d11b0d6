/**
 * What every lab's panel element shares: it receives each snapshot in order (so its curves keep
 * their history, even for snapshots that arrive before the first render), shows the starting
 * line in place of its summary while a run starts, and the training compute under its summary.
 */
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatFlops, formatFlopsPerSecond } from '../../cost/units';
import { msg } from '../../i18n/index';
import type { LabPanel } from '../../labs/types';
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

  /** The panel's curves element, once rendered (each panel queries its own; `declare` emits no field). */
  protected declare curves?: DistillCurves;
  /** Adds a snapshot's point to the curves. */
  protected abstract plot(curves: DistillCurves, s: S): void;
  /** What the panel keeps of each snapshot besides its curves (maps, the selection). */
  protected abstract note(s: S, fresh: boolean): void;

  receive(snapshot: unknown, fresh: boolean): void {
    const s = snapshot as S;
    this.note(s, fresh);
    const curves = this.curves;
    if (!curves) {
      if (fresh) this.backlog = [];
      this.backlog.push(s);
      return;
    }
    if (fresh) curves.clear();
    this.plot(curves, s);
  }

  protected override updated(changed: PropertyValues): void {
    const curves = this.curves;
    if (curves && this.backlog.length) {
      const backlog = this.backlog;
      this.backlog = [];
      curves.clear();
      for (const s of backlog) this.plot(curves, s);
    }
    super.updated(changed);
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
