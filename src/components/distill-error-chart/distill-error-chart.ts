import { html, LitElement, type TemplateResult, unsafeCSS } from 'lit';
import { property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { msg } from '../../i18n/index';
import type { MnistErrors, MnistStudentReadout } from '../../../workers/trainer-api';
import { defineElement } from '../shared/define';
import { formatCompact, formatInteger, formatPercent, formatSignificant } from '../shared/format';
import { cssValue } from '../shared/palette';
import { hostStyles, legendStyles } from '../shared/styles';
import { modelLine, type ModelStyle, studentStyle, TEACHER_STYLE } from '../distill-digits/mnist-models';
import { errorAxisTop } from './error-axis';
import { errorChartStyles } from './distill-error-chart.styles';

type Value = number | null;

interface Line {
  name: string;
  style: ModelStyle;
}

/** Above this many points, every other point is dropped (the last is always kept). */
export const MAX_POINTS = 2000;

function percentOf(e: MnistErrors): Value {
  return e.total > 0 && Number.isFinite(e.errors) ? (100 * e.errors) / e.total : null;
}

/**
 * Test error (%) against training step in the MNIST lab: the frozen teacher as a flat reference
 * line and one line per student, each with its own colour and dash. Feed it with
 * `push(step, teacher, students)`; redraws are batched to one per animation frame. The axis zooms
 * to a few times the latest errors (a button shows 0–100 %); the latest values are also text.
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
 * @cssproperty --distill-student-2-color - Second student (dotted black).
 * @cssproperty --distill-student-3-color - Third student (dash-dot reddish purple).
 * @cssproperty --distill-text-color - Axis text.
 * @cssproperty --distill-grid-color - Grid lines.
 * @cssproperty --distill-chart-height - Height of the plot (default 260px).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillErrorChart extends LitElement {
  static override styles = [hostStyles, legendStyles, errorChartStyles, unsafeCSS(uplotCss)];

  /** Show the whole 0–100 % range instead of zooming to the latest errors. */
  @property({ type: Boolean, attribute: 'full-range', reflect: true }) fullRange = false;

  private x: number[] = [];
  /** Column 0 is the teacher, then one per student; values in percent, aligned with `x`. */
  private columns: Value[][] = [[]];
  private lines: Line[] = [{ name: msg.mnist.teacher, style: TEACHER_STYLE }];
  /** Student ids of the current history: a different set starts a new one. */
  private studentKey = '';
  private plot: uPlot | null = null;
  private hover: number | null = null;
  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;

  /** Number of points held (after any downsampling). */
  get length(): number {
    return this.x.length;
  }

  /**
   * Appends the test errors at `step`. A step that goes backwards, or a different set of students,
   * starts a new history; the same step again replaces the last point.
   */
  push(step: number, teacher: MnistErrors, students: MnistStudentReadout[]): void {
    const key = students.map((s) => s.id).join('\u0000');
    const last = this.x[this.x.length - 1];
    if (key !== this.studentKey || (last !== undefined && step < last)) {
      this.clearData();
      this.studentKey = key;
      this.lines = [
        { name: msg.mnist.teacher, style: TEACHER_STYLE },
        ...students.map((s, i) => ({ name: s.label || msg.mnist.studentFallback(i), style: studentStyle(i) })),
      ];
      this.columns = this.lines.map(() => []);
      this.destroyPlot();
    } else {
      // Labels may be refined during a run (e.g. a parameter count filled in).
      students.forEach((s, i) => {
        const line = this.lines[i + 1];
        if (line && s.label) line.name = s.label;
      });
    }
    const values = [percentOf(teacher), ...students.map((s) => percentOf(s.test))];
    const replace = last !== undefined && step === last && this.x.length > 0;
    if (!replace) this.x.push(step);
    this.columns.forEach((column, k) => {
      const v = values[k] ?? null;
      if (replace) column[column.length - 1] = v;
      else column.push(v);
    });
    if (this.x.length > MAX_POINTS) this.downsample();
    this.schedule();
  }

  /** Forgets all points. */
  clear(): void {
    this.clearData();
    this.schedule();
  }

  private clearData(): void {
    this.x = [];
    this.columns = this.columns.map(() => []);
    this.hover = null;
  }

  private downsample(): void {
    const keep = (_: unknown, i: number, a: readonly unknown[]) => i % 2 === 0 || i === a.length - 1;
    this.x = this.x.filter(keep);
    this.columns = this.columns.map((column) => column.filter(keep));
  }

  private data(): uPlot.AlignedData {
    return [this.x, ...this.columns] as uPlot.AlignedData;
  }

  private yTop(): number {
    let latestMax = Number.NaN;
    let dataMax = 0;
    for (const column of this.columns) {
      const latest = column[column.length - 1];
      if (latest !== null && latest !== undefined) latestMax = Number.isNaN(latestMax) ? latest : Math.max(latestMax, latest);
      for (const v of column) if (v !== null && v > dataMax) dataMax = v;
    }
    return errorAxisTop(latestMax, this.x.length ? dataMax : Number.NaN, this.fullRange);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.plot) this.plot.setData(this.data());
      else if (this.hasUpdated) this.createPlot();
      this.requestUpdate();
    });
  }

  private toggleRange(): void {
    this.fullRange = !this.fullRange;
    this.plot?.setData(this.data());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.createPlot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.destroyPlot();
  }

  protected override firstUpdated(): void {
    this.createPlot();
  }

  private destroyPlot(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.plot?.destroy();
    this.plot = null;
  }

  private createPlot(): void {
    if (this.plot) return;
    const container = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!container) return;
    const text = cssValue(this, '--distill-text-color', '#1b1b1f');
    const grid = cssValue(this, '--distill-grid-color', 'rgba(0,0,0,0.1)');
    const family = getComputedStyle(this).fontFamily || 'system-ui, sans-serif';
    const font = `16px ${family}`;
    const t = msg.mnist.errorChart;
    const opts: uPlot.Options = {
      width: Math.max(100, Math.floor(container.clientWidth)),
      height: Math.max(100, Math.floor(container.clientHeight)),
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
      scales: {
        x: { time: false },
        y: { range: () => [0, this.yTop()] },
      },
      axes: [
        {
          stroke: text,
          font,
          label: t.stepAxis,
          labelFont: `600 ${font}`,
          labelSize: 22,
          labelGap: 0,
          size: 36,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          values: (_u, splits) => splits.map((v) => formatCompact(v)),
        },
        {
          stroke: text,
          font,
          size: 72,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          values: (_u, splits) => splits.map((v) => `${formatSignificant(v, 2)} ${msg.units.percent}`),
        },
      ],
      series: [
        { label: t.stepAxis },
        ...this.lines.map(({ name, style }) => {
          const fallback =
            style.key === 'student-1' ? cssValue(this, '--distill-student-color', style.color) : style.color;
          return {
            label: name,
            stroke: cssValue(this, style.cssVar, fallback),
            width: style.key === 'teacher' ? 2.5 : 3,
            dash: style.dash,
            points: { show: false },
            spanGaps: false,
          } satisfies uPlot.Series;
        }),
      ],
      hooks: {
        setCursor: [
          (u) => {
            const idx = u.cursor.idx ?? null;
            if (this.hover !== idx) {
              this.hover = idx;
              this.requestUpdate();
            }
          },
        ],
      },
    };
    this.plot = new uPlot(opts, this.data(), container);
    this.resizeObserver = new ResizeObserver((entries) => {
      const { width, height } = entries[0]!.contentRect;
      if (this.plot && width > 0 && height > 0) this.plot.setSize({ width: Math.floor(width), height: Math.floor(height) });
    });
    this.resizeObserver.observe(container);
  }

  private values(): TemplateResult {
    const t = msg.mnist.errorChart;
    const index = this.hover ?? this.x.length - 1;
    if (index < 0) return html`<span class="lead">${t.noData}</span>`;
    const lead = this.hover === null ? t.latest : t.atStep(formatInteger(this.x[index]));
    return html`<span class="lead">${lead}</span>
      ${this.lines.map((line, k) => {
        const v = this.columns[k]?.[index];
        return html`<span class="item" data-testid="latest-${line.style.key}"
          >${modelLine(line.style, 28)}${line.name}
          <span class="num">${v === null || v === undefined ? msg.units.missing : formatPercent(v / 100, 2)}</span></span
        >`;
      })}`;
  }

  override render(): TemplateResult {
    const t = msg.mnist.errorChart;
    return html`<ul class="legend" part="legend" aria-label=${msg.mnist.modelsLegend}>
        ${this.lines.map((line) => html`<li>${modelLine(line.style)}${line.name}</li>`)}
      </ul>
      <figure part="chart">
        <div class="head">
          <figcaption>${t.title}</figcaption>
          <button
            type="button"
            class="range"
            part="range"
            aria-pressed=${this.fullRange ? 'true' : 'false'}
            title=${t.fullRangeHelp}
            @click=${this.toggleRange}
          >
            ${t.fullRange}
          </button>
        </div>
        <div class="plot" part="plot" role="img" aria-label=${t.chartLabel}></div>
        <p class="latest" part="latest" aria-live="off">${this.values()}</p>
        <p class="note">${t.teacherNote}</p>
      </figure>`;
  }
}

defineElement('distill-error-chart', DistillErrorChart);

declare global {
  interface HTMLElementTagNameMap {
    'distill-error-chart': DistillErrorChart;
  }
}
