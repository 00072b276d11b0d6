import { css, html, LitElement, type TemplateResult } from 'lit';
import '../distill-curves/distill-curves';
import type { DistillCurves } from '../distill-curves/distill-curves';
import { type MnistCurvesStudent, type MnistErrorCount, mnistCurvesSpec, mnistPoint } from '../distill-curves/mnist-curves';
import { defineElement } from '../shared/define';

export { MAX_POINTS } from '../distill-curves/curves-spec';

/**
 * Test error (%) against training step in the MNIST lab: the frozen teacher as a flat reference
 * line and one line per student. Feed it with `push(step, teacher, students)`. The axis zooms to a
 * few times the latest errors (a button shows 0–100 %); the latest values are also text.
 *
 * A thin wrapper kept while the playground moves over: `<distill-curves>` with the MNIST spec
 * (../distill-curves/mnist-curves). New pages use those two directly.
 *
 * @summary Streaming test-error curves for the MNIST teacher and students.
 *
 * @slot - Not used.
 *
 * @csspart legend - The model legend.
 * @csspart chart - The figure.
 * @csspart range - The "Show 0–100 %" toggle.
 * @csspart plot - The uPlot container.
 * @csspart latest - The text line with the latest (or hovered) values.
 *
 * @cssproperty --distill-teacher-color - Teacher line (solid blue).
 * @cssproperty --distill-student-1-color - First student (dashed vermillion; falls back to `--distill-student-color`).
 * @cssproperty --distill-student-2-color - Second student (dotted black; falls back to `--distill-labels-color`).
 * @cssproperty --distill-student-3-color - Third student (dash-dot reddish purple).
 * @cssproperty --distill-text-color - Axis text.
 * @cssproperty --distill-grid-color - Grid lines.
 * @cssproperty --distill-chart-height - Height of the plot (default 260px).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillErrorChart extends LitElement {
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
  /** Ids and labels of the spec in use: a new spec only when they change. */
  private specKey: string | null = null;

  constructor() {
    super();
    this.curves.spec = mnistCurvesSpec([]);
    this.curves.setAttribute('exportparts', 'legend, chart, range, plot, latest');
  }

  /** Show the whole 0–100 % range instead of zooming to the latest errors. */
  get fullRange(): boolean {
    return this.curves.fullRange;
  }

  set fullRange(value: boolean) {
    this.curves.fullRange = value;
  }

  /** Number of points held (after any downsampling). */
  get length(): number {
    return this.curves.length;
  }

  /**
   * Appends the test errors at `step`. A step that goes backwards, or a different set of students,
   * starts a new history; the same step again replaces the last point. Labels may be refined
   * during a run without losing points.
   */
  push(step: number, teacher: MnistErrorCount, students: readonly MnistCurvesStudent[]): void {
    const key = JSON.stringify(students.map((s) => [s.id, s.label]));
    if (key !== this.specKey) {
      this.specKey = key;
      this.curves.spec = mnistCurvesSpec(students);
    }
    const point = mnistPoint(step, teacher, students);
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

defineElement('distill-error-chart', DistillErrorChart);

declare global {
  interface HTMLElementTagNameMap {
    'distill-error-chart': DistillErrorChart;
  }
}
