/**
 * The log-scale bar chart of `<distill-cost>`, from "this run in your browser" to "the fleet": one row
 * per bar with its label and figures in text, the bar itself drawn in SVG.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ComparisonBar } from '../../cost/cost-model';
import { formatDollars, formatDuration, formatGpuHours } from '../../cost/units';
import { msg } from '../../i18n/index';
import { formatInteger } from '../../shared/format';
import { axisLabels, barWidth, chartAxis } from './cost-data';
import { deviceText } from './cost-device';
import type { CostView } from './cost-parts';

/** Bars take these colours (Okabe–Ito); each bar also carries its own text, so colour is never the only cue. */
const BAR_CLASS: Record<ComparisonBar['id'], string> = {
  'run-browser': 'bar-browser',
  'run-h800': 'bar-h800',
  projection: 'bar-projection',
  'deepseek-v3': 'bar-deepseek',
  fleet: 'bar-fleet',
};

/** A generous width per character of an axis label (0.875em of a 16 px font), for fitting them. */
const AXIS_CHAR_PX = 8.4;

export function renderChart(v: CostView, bars: ComparisonBar[]): TemplateResult {
  const t = msg.cost;
  const axis = chartAxis(bars.map((b) => b.dollars));
  const { ticks, x } = axis;
  // Labels never overlap: only every n-th grid line is labelled when the track is narrow.
  const texts = ticks.map((e) => formatDollars(10 ** e));
  const width = v.axisWidth > 0 ? v.axisWidth : 300;
  const labels = axisLabels(
    ticks.map((e) => x(10 ** e)),
    texts.map((s) => s.length * AXIS_CHAR_PX),
    width,
  );
  const grid = ticks.map((e) => svg`<line class="grid" x1="${x(10 ** e)}%" x2="${x(10 ** e)}%" y1="0" y2="100%" />`);
  const presetLabel = t.presets[v.preset].label;
  const run = v.run;
  const rows = bars.map((bar) => {
    const label =
      bar.id === 'projection'
        ? t.barProjection(presetLabel)
        : bar.id === 'run-browser' && run
          ? t.barBrowser(deviceText(run))
          : t.bars[bar.id];
    let detail: string;
    if ((bar.id === 'run-browser' || bar.id === 'run-h800') && !run) detail = t.barNoRun;
    else if (bar.dollars === undefined) detail = t.needsRun;
    else if (bar.id === 'fleet') detail = t.barFleet(formatDollars(bar.dollars), formatInteger(bar.gpus));
    else if (bar.seconds !== undefined) detail = t.barTime(formatDollars(bar.dollars), formatDuration(bar.seconds));
    else detail = t.barGpuHours(formatDollars(bar.dollars), formatGpuHours(bar.gpuHours));
    if (bar.dollars === 0) detail = `${detail} \u00b7 ${t.barNoPrice}`;
    const width = barWidth(bar.dollars, axis);
    return html`<li class="bar-row" part="bar" data-bar=${bar.id}>
      <span class="bar-text"><span class="bar-label">${label}</span> <span class="bar-value" data-testid="bar-${bar.id}">${detail}</span></span>
      <svg class="track" width="100%" height="30" aria-hidden="true" focusable="false">
        ${grid}
        ${width > 0 ? svg`<rect class="bar ${BAR_CLASS[bar.id]}" x="0" y="3" width="${width}%" height="24" rx="3" />` : nothing}
      </svg>
    </li>`;
  });
  return html`<section class="card chart" part="chart" aria-labelledby="chart-title">
    <h3 id="chart-title">${t.chartTitle}</h3>
    <p class="help">${t.chartHelp}</p>
    <ul class="bars" aria-label=${t.chartLabel}>
      ${rows}
      <li class="bar-row axis" aria-hidden="true">
        <span></span>
        <svg class="track" width="100%" height="26" focusable="false">
          ${labels.map(({ index, anchor }) => svg`<text x="${x(10 ** ticks[index]!)}%" y="18" text-anchor=${anchor}>${texts[index]}</text>`)}
        </svg>
      </li>
    </ul>
  </section>`;
}
