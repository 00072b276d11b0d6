import { html, LitElement, nothing, type TemplateResult, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { msg } from '../../i18n/index';
import type { Toy2dSnapshot as Snapshot } from '../../../workers/trainer-api';
import { defineElement } from '../shared/define';
import { formatCompact, formatInteger, formatNats, formatPercent, formatSignificant } from '../shared/format';
import { roleLine } from '../shared/markers';
import { cssValue, type Role, ROLE_STYLES } from '../shared/palette';
import { hostStyles, legendStyles } from '../shared/styles';
import { lossChartStyles } from './distill-loss-chart.styles';

type Value = number | null;

interface SeriesSpec {
  role: Role;
  read: (s: Snapshot) => Value;
}

interface ChartSpec {
  key: 'kl' | 'hard' | 'accuracy';
  title: () => string;
  format: (v: number) => string;
  axis: (v: number) => string;
  /** Fixed y-range, or null for [0, max]. */
  range: [number, number] | null;
  series: SeriesSpec[];
}

const CHARTS: readonly ChartSpec[] = [
  {
    key: 'kl',
    title: () => msg.lossChart.kl,
    format: (v) => formatNats(v),
    axis: (v) => formatSignificant(v),
    range: null,
    series: [
      { role: 'student', read: (s) => s.student.klToTeacher },
      { role: 'labelsOnly', read: (s) => s.labelsOnly?.klToTeacher ?? null },
    ],
  },
  {
    key: 'hard',
    title: () => msg.lossChart.hardLoss,
    format: (v) => formatNats(v),
    axis: (v) => formatSignificant(v),
    range: null,
    series: [
      { role: 'teacher', read: (s) => s.teacher.hardLoss },
      { role: 'student', read: (s) => s.student.hardLoss },
      { role: 'labelsOnly', read: (s) => s.labelsOnly?.hardLoss ?? null },
    ],
  },
  {
    key: 'accuracy',
    title: () => msg.lossChart.accuracy,
    format: (v) => formatPercent(v),
    axis: (v) => formatPercent(v, 0),
    range: [0, 1],
    series: [
      { role: 'teacher', read: (s) => s.teacher.accuracy },
      { role: 'student', read: (s) => s.student.accuracy },
      { role: 'labelsOnly', read: (s) => s.labelsOnly?.accuracy ?? null },
    ],
  },
];

/** Above this many points, every other point is dropped (the last is always kept). */
export const MAX_POINTS = 2000;

/**
 * Training curves as three small multiples (uPlot): KL to the teacher, hard-label test loss and
 * test accuracy, for teacher, student and labels-only student. Feed it with `push(snapshot)`;
 * redraws are batched to one per animation frame. The latest values are also printed as text.
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
  static override styles = [hostStyles, legendStyles, lossChartStyles, unsafeCSS(uplotCss)];

  private x: number[] = [];
  /** Per chart, per series: the values, aligned with `x`. */
  private columns: Value[][][] = CHARTS.map((c) => c.series.map(() => []));
  private plots: (uPlot | null)[] = CHARTS.map(() => null);
  /** Per chart: the data index under the pointer, or null. */
  private hover: (number | null)[] = CHARTS.map(() => null);
  private sawLabelsOnly = false;
  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;

  /** Number of points held (after any downsampling). */
  get length(): number {
    return this.x.length;
  }

  /** Appends one snapshot (x = step). A step that goes backwards starts a new history. */
  push(snapshot: Snapshot): void {
    const last = this.x[this.x.length - 1];
    if (last !== undefined && snapshot.step < last) this.clearData();
    const replace = last !== undefined && snapshot.step === last;
    if (!replace) this.x.push(snapshot.step);
    CHARTS.forEach((chart, c) =>
      chart.series.forEach((series, k) => {
        const v = series.read(snapshot);
        const value = v === null || !Number.isFinite(v) ? null : v;
        const column = this.columns[c]![k]!;
        if (replace) column[column.length - 1] = value;
        else column.push(value);
      }),
    );
    if (snapshot.labelsOnly) this.sawLabelsOnly = true;
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
    this.columns = CHARTS.map((c) => c.series.map(() => []));
    this.hover = CHARTS.map(() => null);
    this.sawLabelsOnly = false;
  }

  private downsample(): void {
    const keep = (_: unknown, i: number, a: readonly unknown[]) => i % 2 === 0 || i === a.length - 1;
    this.x = this.x.filter(keep);
    this.columns = this.columns.map((chart) => chart.map((column) => column.filter(keep)));
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.plots.forEach((plot, c) => plot?.setData([this.x, ...this.columns[c]!] as uPlot.AlignedData));
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.createPlots();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.plots.forEach((p) => p?.destroy());
    this.plots = CHARTS.map(() => null);
  }

  protected override firstUpdated(): void {
    this.createPlots();
  }

  private createPlots(): void {
    if (this.plots.some((p) => p !== null)) return;
    const text = cssValue(this, '--distill-text-color', '#1b1b1f');
    const grid = cssValue(this, '--distill-grid-color', 'rgba(0,0,0,0.1)');
    const family = getComputedStyle(this).fontFamily || 'system-ui, sans-serif';
    const font = `14px ${family}`;
    const containers = [...this.renderRoot.querySelectorAll<HTMLElement>('.plot')];
    this.resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const c = containers.indexOf(entry.target as HTMLElement);
        const plot = this.plots[c];
        const { width, height } = entry.contentRect;
        if (plot && width > 0 && height > 0) plot.setSize({ width: Math.floor(width), height: Math.floor(height) });
      }
    });
    CHARTS.forEach((chart, c) => {
      const container = containers[c]!;
      const opts: uPlot.Options = {
        width: Math.max(100, Math.floor(container.clientWidth)),
        height: Math.max(100, Math.floor(container.clientHeight)),
        legend: { show: false },
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
        scales: {
          x: { time: false },
          y: {
            range: chart.range
              ? () => chart.range!
              : (_u, _min, max) => [0, max !== null && Number.isFinite(max) && max > 0 ? max * 1.08 : 1],
          },
        },
        axes: [
          {
            stroke: text,
            font,
            label: msg.lossChart.stepAxis,
            labelFont: `600 ${font}`,
            labelSize: 20,
            labelGap: 0,
            size: 34,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid, width: 1 },
            values: (_u, splits) => splits.map((v) => formatCompact(v)),
          },
          {
            stroke: text,
            font,
            size: 64,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid, width: 1 },
            values: (_u, splits) => splits.map((v) => chart.axis(v)),
          },
        ],
        series: [
          { label: msg.lossChart.stepAxis },
          ...chart.series.map(({ role }) => {
            const style = ROLE_STYLES[role];
            return {
              label: msg.roles[role],
              stroke: cssValue(this, style.cssVar, style.color),
              width: 2.5,
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
              if (this.hover[c] !== idx) {
                this.hover[c] = idx;
                this.requestUpdate();
              }
            },
          ],
        },
      };
      this.plots[c] = new uPlot(opts, [this.x, ...this.columns[c]!] as uPlot.AlignedData, container);
      this.resizeObserver!.observe(container);
    });
  }

  private values(c: number): TemplateResult {
    const chart = CHARTS[c]!;
    const hover = this.hover[c] ?? null;
    const index = hover ?? this.x.length - 1;
    if (index < 0) return html`<span class="lead">${msg.lossChart.noData}</span>`;
    const lead = hover === null ? msg.lossChart.latest : `${msg.lossChart.stepAxis} ${formatInteger(this.x[index])}:`;
    return html`<span class="lead">${lead}</span>
      ${chart.series.map(({ role }, k) => {
        if (role === 'labelsOnly' && !this.sawLabelsOnly) return nothing;
        const v = this.columns[c]![k]![index];
        return html`<span class="item" data-testid="latest-${chart.key}-${role}"
          >${roleLine(role, 26)}${msg.roles[role]}
          <span class="num">${v === null || v === undefined ? msg.units.missing : chart.format(v)}</span></span
        >`;
      })}`;
  }

  override render(): TemplateResult {
    const roles: Role[] = this.sawLabelsOnly ? ['teacher', 'student', 'labelsOnly'] : ['teacher', 'student'];
    return html`<ul class="legend" part="legend" aria-label=${msg.legend}>
        ${roles.map((role) => html`<li>${roleLine(role)}${msg.roleDescriptions[role]}</li>`)}
      </ul>
      <div class="charts">
        ${CHARTS.map(
          (chart, c) => html`<figure part="chart chart-${chart.key}">
            <figcaption>${chart.title()}</figcaption>
            <div class="plot" part="plot" role="img" aria-label=${msg.lossChart.chartLabel(chart.title())}></div>
            <p class="latest" part="latest">${this.values(c)}</p>
          </figure>`,
        )}
      </div>`;
  }
}

defineElement('distill-loss-chart', DistillLossChart);

declare global {
  interface HTMLElementTagNameMap {
    'distill-loss-chart': DistillLossChart;
  }
}
