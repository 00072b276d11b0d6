import { css, html, LitElement, type TemplateResult } from 'lit';
import '../distill-curves/distill-curves';
import type { DistillCurves } from '../distill-curves/distill-curves';
import { type Toy2dCurvesInput, toy2dCurvesSpec, toy2dPoint } from '../distill-curves/toy2d-curves';
import { defineElement } from '../shared/define';

export { MAX_POINTS } from '../distill-curves/curves-spec';

/**
 * Training curves as three small multiples: KL to the teacher, hard-label test loss and test
 * accuracy, for teacher, student and labels-only student. Feed it with `push(snapshot)`.
 *
 * A thin wrapper kept while the playground moves over: `<distill-curves>` with the 2-D lab's spec
 * (../distill-curves/toy2d-curves). New pages use those two directly.
 *
 * @summary Streaming training curves: KL to teacher, hard-label loss, accuracy.
 *
 * @slot - Not used.
 *
 * @csspart legend - The role legend above the charts.
 * @csspart chart - Each chart's figure (also `chart-kl`, `chart-hard`, `chart-accuracy`).
 * @csspart plot - The uPlot container of each chart.
 * @csspart latest - The text line with the latest values under each chart.
 *
 * @cssproperty --distill-teacher-color - Teacher line (solid).
 * @cssproperty --distill-student-color - Student line (dashed).
 * @cssproperty --distill-labels-color - Labels-only line (dotted).
 * @cssproperty --distill-text-color - Axis text.
 * @cssproperty --distill-grid-color - Grid lines.
 * @cssproperty --distill-chart-height - Height of each plot (default 210px).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillLossChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** Created up front, so points pushed before the first render are kept. */
  private readonly curves: DistillCurves = document.createElement('distill-curves');

  constructor() {
    super();
    this.curves.spec = toy2dCurvesSpec();
    this.curves.setAttribute('exportparts', 'legend, chart, chart-kl, chart-hard, chart-accuracy, plot, latest');
  }

  /** Number of points held (after any downsampling). */
  get length(): number {
    return this.curves.length;
  }

  /** Appends one snapshot (x = step). A step that goes backwards starts a new history. */
  push(snapshot: Toy2dCurvesInput): void {
    const point = toy2dPoint(snapshot);
    this.curves.push(point.x, point.values);
  }

  /** Forgets all points. */
  clear(): void {
    this.curves.clear();
  }

  override render(): TemplateResult {
    return html`${this.curves}`;
  }
}

defineElement('distill-loss-chart', DistillLossChart);

declare global {
  interface HTMLElementTagNameMap {
    'distill-loss-chart': DistillLossChart;
  }
}
