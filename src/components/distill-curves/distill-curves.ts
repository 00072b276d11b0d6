import { html, LitElement, nothing, type PropertyValues, type TemplateResult, unsafeCSS } from 'lit';
import { property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { msg } from '../../i18n/index';
import { defineElement } from '../shared/define';
import { formatCompact, formatInteger } from '../../shared/format';
import { cssValue } from '../shared/palette';
import { seriesColor, seriesLine } from '../shared/series';
import { hostStyles, legendStyles } from '../shared/styles';
import { CurveHistory } from './curves-history';
import { Spaced } from '../../shared/spaced';
import { chartRange, type CurveChart, type CurveSeries, type CurvesSpec, type CurveValues, isZoom, labelsLogSplit, logLabelEvery, specShape } from './curves-spec';
import { curvesStyles } from './distill-curves.styles';

export type { CurveChart, CurvePoint, CurveSeries, CurvesSpec, CurveValues } from './curves-spec';

/** Charts redraw at most this often (5 a second) while points stream in. */
const REDRAW_GAP_MS = 200;

/** Type and axis sizes per `spec.size`. */
const SIZES = {
  small: { font: 14, xLabel: 20, xAxis: 34, yAxis: 64, sample: 26 },
  large: { font: 16, xLabel: 22, xAxis: 36, yAxis: 72, sample: 28 },
} as const;

/**
 * Streaming training curves (uPlot), described by a view model: `spec` names the charts, their
 * axes and series (each with its colour-and-dash series style); `push(x, values)` appends one
 * point to every chart. Redraws are batched, at most five a second. Under each plot the latest
 * values (or the hovered point's) are printed as text, for screen readers and for reading exact
 * numbers. Knows no lab and no worker type: lab adapters turn snapshots into points.
 *
 * @summary Streaming line charts driven by a spec: legend, small multiples, values as text.
 *
 * @slot - Not used.
 *
 * @csspart legend - The series legend above the charts.
 * @csspart chart - Each chart's figure (also `chart-<key>`).
 * @csspart range - A zooming chart's "full range" toggle.
 * @csspart plot - The uPlot container of each chart.
 * @csspart latest - The text line with the latest (or hovered) values under each chart.
 * @csspart note - A chart's note under its values.
 *
 * @cssproperty --distill-teacher-color - Teacher line (solid).
 * @cssproperty --distill-student-1-color - Series 1 (dashed; falls back to `--distill-student-color`).
 * @cssproperty --distill-student-2-color - Series 2 (dotted; falls back to `--distill-labels-color`).
 * @cssproperty --distill-student-3-color - Series 3 (dash-dot).
 * @cssproperty --distill-text-color - Axis text.
 * @cssproperty --distill-grid-color - Grid lines.
 * @cssproperty --distill-chart-height - Height of each plot (default 210px small, 260px large).
 * @cssproperty --distill-font-size - Base font size.
 */
export class DistillCurves extends LitElement {
  static override styles = [hostStyles, legendStyles, curvesStyles, unsafeCSS(uplotCss)];

  /** Zooming charts show their full range instead of following the data. */
  @property({ type: Boolean, attribute: 'full-range', reflect: true }) fullRange = false;

  private currentSpec: CurvesSpec | null = null;
  private shape = '';
  private history = new CurveHistory(null);
  private plots: (uPlot | null)[] = [];
  /** Per chart: the data index under the pointer, or null. */
  private hover: (number | null)[] = [];
  private plotsStale = true;
  /** The pending redraw's timer (0: none). */
  private frame: ReturnType<typeof setTimeout> | 0 = 0;
  private resizeObserver: ResizeObserver | null = null;

  /**
   * What to draw. A spec of the same shape (same charts, series, scales and styles; only words
   * differ) keeps the points; any other shape starts a new history.
   */
  get spec(): CurvesSpec | null {
    return this.currentSpec;
  }

  set spec(spec: CurvesSpec | null) {
    const old = this.currentSpec;
    this.currentSpec = spec;
    const shape = specShape(spec);
    if (shape !== this.shape) {
      this.shape = shape;
      this.history = new CurveHistory(spec);
      this.hover = (spec?.charts ?? []).map(() => null);
      this.destroyPlots();
      this.plotsStale = true;
    }
    this.requestUpdate('spec', old);
  }

  /** Number of points held (after any downsampling). */
  get length(): number {
    return this.history.length;
  }

  /**
   * Appends the values at `x` (per chart key, per series key). An x that goes backwards starts a
   * new history; the same x again replaces the last point.
   */
  push(x: number, values: CurveValues): void {
    const before = this.history.length;
    this.history.push(x, values);
    if (this.history.length < before) this.hover = this.hover.map(() => null);
    this.schedule();
  }

  /** Forgets all points. */
  clear(): void {
    this.history.clear();
    this.hover = this.hover.map(() => null);
    this.schedule();
  }

  /**
   * Redraws soon, and at most every REDRAW_GAP_MS: while training streams points, each redraw
   * lays out and paints every chart, on the cores training needs. The redraw is a task of its own
   * (not an animation-frame callback, which runs inside the frame's own task with its layout and
   * paint): on a slow core the 2-D page's frames held ~15 ms of chart redraws beside ~40 ms of
   * layout and paint, and crossed 50 ms.
   */
  private schedule(): void {
    if (!this.frame) this.redraw.request();
  }

  private readonly redraw = new Spaced(REDRAW_GAP_MS, () => {
    this.frame ||= setTimeout(() => {
      this.frame = 0;
      if (this.onScreen && !document.hidden) this.drawPlots();
      else this.drawnStale = true;
      this.requestUpdate();
    });
  });

  private drawPlots(): void {
    this.drawnStale = false;
    this.plots.forEach((plot, c) => plot?.setData(this.history.data(c) as uPlot.AlignedData));
  }

  /**
   * Whether the charts are on screen: off screen (scrolled away, below the fold, hidden) the
   * canvases are not redrawn (uPlot's redraws were the largest script item of the MNIST page's
   * profile) until they come into view. The values under them, text for screen readers, follow.
   */
  private onScreen = true;
  private drawnStale = false;
  private visibility: IntersectionObserver | null = null;

  private watchVisibility(): void {
    if (this.visibility || typeof IntersectionObserver === 'undefined') return;
    this.visibility = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      this.onScreen = entry.isIntersecting;
      this.catchUp();
    });
    this.visibility.observe(this);
  }

  /** Draws what was held back while off screen or in a hidden tab. */
  private readonly catchUp = (): void => {
    if (this.onScreen && !document.hidden && this.drawnStale) this.drawPlots();
  };

  private toggleRange(): void {
    this.fullRange = !this.fullRange;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.watchVisibility();
    document.addEventListener('visibilitychange', this.catchUp);
    if (this.hasUpdated) {
      this.plotsStale = true;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.frame) clearTimeout(this.frame);
    this.frame = 0;
    document.removeEventListener('visibilitychange', this.catchUp);
    this.redraw.cancel();
    this.visibility?.disconnect();
    this.visibility = null;
    this.onScreen = true;
    this.destroyPlots();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.plotsStale && this.isConnected) this.createPlots();
    else if (changed.has('fullRange')) this.plots.forEach((plot, c) => plot?.setData(this.history.data(c) as uPlot.AlignedData));
  }

  private destroyPlots(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.plots.forEach((p) => p?.destroy());
    this.plots = [];
  }

  private createPlots(): void {
    this.destroyPlots();
    this.plotsStale = false;
    const spec = this.currentSpec;
    if (!spec) return;
    const size = SIZES[spec.size ?? 'small'];
    const text = cssValue(this, '--distill-text-color', '#1b1b1f');
    const grid = cssValue(this, '--distill-grid-color', 'rgba(0,0,0,0.1)');
    const family = getComputedStyle(this).fontFamily || 'system-ui, sans-serif';
    const font = `${size.font}px ${family}`;
    const containers = [...this.renderRoot.querySelectorAll<HTMLElement>('.plot')];
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const plot = this.plots[containers.indexOf(entry.target as HTMLElement)];
        const { width, height } = entry.contentRect;
        if (plot && width > 0 && height > 0) plot.setSize({ width: Math.floor(width), height: Math.floor(height) });
      }
    });
    this.resizeObserver = observer;
    const byKey = new Map(spec.series.map((s) => [s.key, s]));
    this.plots = spec.charts.map((chart, c) => {
      const container = containers[c];
      if (!container) return null;
      const opts: uPlot.Options = {
        width: Math.max(100, Math.floor(container.clientWidth)),
        height: Math.max(100, Math.floor(container.clientHeight)),
        legend: { show: false },
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 8 } },
        scales: {
          x: { time: false },
          y: {
            ...(chart.scale === 'log' ? { distr: 3 as const, log: 10 as const } : {}),
            range: () => chartRange(chart, this.history.stats(c), this.fullRange),
          },
        },
        axes: [
          {
            stroke: text,
            font,
            label: spec.xLabel,
            // The tick labels' font too: a canvas given two fonts resolves each anew at every
            // redraw (~0.5 ms a time on a slow core, measured).
            labelFont: font,
            labelSize: size.xLabel,
            labelGap: 0,
            size: size.xAxis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid, width: 1 },
            values: (_u, splits) => splits.map((v) => formatCompact(v)),
          },
          {
            stroke: text,
            font,
            size: size.yAxis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid, width: 1 },
            values: (u, splits) => {
              if (chart.scale !== 'log') return splits.map((v) => (v === null ? '' : chart.axis(v)));
              const { min, max } = u.scales.y!;
              const decades = min && max && min > 0 ? Math.log10(max / min) : 1;
              const every = logLabelEvery(decades, u.bbox.height / (window.devicePixelRatio || 1));
              return splits.map((v) => (v === null || !labelsLogSplit(v, every) ? '' : chart.axis(v)));
            },
          },
        ],
        series: [
          { label: spec.xLabel },
          ...chart.series.map((key) => {
            const s = byKey.get(key);
            return {
              label: s?.label ?? key,
              stroke: s ? seriesColor(this, s.style) : text,
              width: s?.width ?? 2.5,
              dash: s ? [...s.style.dash] : [],
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
      const plot = new uPlot(opts, this.history.data(c) as uPlot.AlignedData, container);
      observer.observe(container);
      return plot;
    });
  }

  /** The series to list: all but optional ones that no push has included yet. */
  private shown(series: readonly (CurveSeries | undefined)[]): CurveSeries[] {
    return series.filter((s): s is CurveSeries => !!s && (!s.optional || this.history.has(s.key)));
  }

  private values(chart: CurveChart, c: number, sample: number): TemplateResult {
    const spec = this.currentSpec!;
    const hover = this.hover[c] ?? null;
    const index = hover ?? this.history.length - 1;
    if (index < 0) return html`<span class="lead">${msg.curves.noData}</span>`;
    const lead = hover === null ? msg.curves.latest : msg.curves.atX(spec.xLabel, formatInteger(this.history.x[index]));
    const byKey = new Map(spec.series.map((s) => [s.key, s]));
    return html`<span class="lead">${lead}</span>
      ${this.shown(chart.series.map((k) => byKey.get(k))).map((s) => {
        const v = this.history.value(c, s.key, index);
        return html`<span class="item" data-testid="latest-${chart.key}-${s.key}"
          >${seriesLine(s.style, sample)}${s.label}
          <span class="num">${v === null ? msg.units.missing : chart.format(v)}</span></span
        >`;
      })}`;
  }

  override render(): TemplateResult | typeof nothing {
    const spec = this.currentSpec;
    if (!spec) return nothing;
    const sizeName = spec.size ?? 'small';
    const size = SIZES[sizeName];
    return html`<ul class="legend" part="legend" aria-label=${spec.legendLabel}>
        ${this.shown(spec.series).map((s) => html`<li>${seriesLine(s.style)}${s.description ?? s.label}</li>`)}
      </ul>
      <div class="charts ${sizeName}">
        ${spec.charts.map(
          (chart, c) => html`<figure part="chart chart-${chart.key}">
            <figcaption class=${isZoom(chart.range) ? 'with-toggle' : ''}>${chart.title}</figcaption>
            ${isZoom(chart.range)
              ? html`<button
                  type="button"
                  class="range"
                  part="range"
                  aria-pressed=${this.fullRange ? 'true' : 'false'}
                  title=${chart.range.toggleHelp}
                  @click=${this.toggleRange}
                >
                  ${chart.range.toggle}
                </button>`
              : nothing}
            <div class="plot" part="plot" role="img" aria-label=${chart.label}></div>
            <p class="latest" part="latest" aria-live="off">${this.values(chart, c, size.sample)}</p>
            ${chart.note ? html`<p class="note" part="note">${chart.note}</p>` : nothing}
          </figure>`,
        )}
      </div>`;
  }
}

defineElement('distill-curves', DistillCurves);

declare global {
  interface HTMLElementTagNameMap {
    'distill-curves': DistillCurves;
  }
}
