import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  apiBill,
  type ComparisonBar,
  comparisonBars,
  type GpuRunCost,
  DEEPSEEK_V3,
  deepseekDaysPerTrillionTokens,
  deepseekEffectiveFlopsPerSecond,
  deepseekImpliedMfu,
  deepseekTable,
  DEFAULT_MFU,
  FLEET,
  fleetToRunRatio,
  isPresetId,
  type PresetId,
  PRESET_IDS,
  presetSettings,
  type ProjectionSettings,
  projectTraining,
  projectTransferSet,
  type RunMeasurement,
  runOnCatalog,
} from '../../cost/cost-model';
import { trainingFlops } from '../../cost/flops';
import { defaultPrices, GPU_CATALOG, type GpuId, gpuById, type GpuSpec, isGpuId } from '../../cost/gpus';
import { type SourceId, SOURCE_IDS, SOURCES, type Sourced } from '../../cost/sources';
import {
  formatCount,
  formatCountIn,
  formatDollars,
  formatDollarsIn,
  formatDuration,
  formatFlops,
  formatFlopsPerSecond,
  formatGpuHours,
  formatPrice,
  formatTimes,
  parseQuantity,
  parseUtilisation,
} from '../../cost/units';
import { msg } from '../../i18n/index';
import { defineElement } from '../shared/define';
import { formatInteger, formatPercent } from '../../shared/format';

/** "34.6 %" that never breaks before the sign. */
const percent = (fraction: number): string => formatPercent(fraction).replace(' ', '\u00a0');
import { hostStyles } from '../shared/styles';
import { costStyles } from './distill-cost.styles';

export type { RunMeasurement } from '../../cost/cost-model';

/** Every assumption the widget uses, as the user has set it. */
export interface DistillCostChangeDetail {
  preset: PresetId;
  /** Model-FLOPs utilisation, 0–1. */
  mfu: number;
  /** US$ per GPU-hour, per catalog GPU. */
  prices: Record<GpuId, number>;
  projection: ProjectionSettings;
}

declare module '../shared/events' {
  interface DistillEventMap {
    'distill-cost-change': CustomEvent<DistillCostChangeDetail>;
  }
}

/** A positive number as people type it ("37B", "14.8T", "2,048"), or undefined. */
const quantityConverter = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null) return undefined;
    const x = parseQuantity(value);
    return Number.isFinite(x) && x > 0 ? x : undefined;
  },
  toAttribute(value: number | undefined): string | null {
    return value === undefined ? null : String(value);
  },
};

/** Model-FLOPs utilisation: "0.35", "35" and "35%" all mean 35 %. Anything else: the default. */
const utilisationConverter = {
  fromAttribute(value: string | null): number {
    const x = value === null ? Number.NaN : parseUtilisation(value);
    return Number.isFinite(x) ? x : DEFAULT_MFU;
  },
  toAttribute(value: number): string {
    return String(value);
  },
};

const presetConverter = {
  fromAttribute: (value: string | null): PresetId => (isPresetId(value) ? value : 'deepseek-v3'),
  toAttribute: (value: PresetId): string => value,
};

const gpuConverter = {
  fromAttribute: (value: string | null): GpuId => (isGpuId(value) ? value : DEEPSEEK_V3.gpu),
  toAttribute: (value: GpuId): string => value,
};

/** Bars take these colours (Okabe–Ito); each bar also carries its own text, so colour is never the only cue. */
const BAR_CLASS: Record<ComparisonBar['id'], string> = {
  'run-browser': 'bar-browser',
  'run-h800': 'bar-h800',
  projection: 'bar-projection',
  'deepseek-v3': 'bar-deepseek',
  fleet: 'bar-fleet',
};

type FieldId = 'params' | 'tokens' | 'gpus' | 'teacher-params' | 'api-price' | 'mfu' | `price-${GpuId}`;

/**
 * What would this cost at scale? The FLOPs of the run in the browser beside DeepSeek-V3's
 * reported GPU-hours and dollars and the estimated fleet behind it: the run on each catalog GPU at
 * an editable utilisation, a 6·N·D scale projection with the teacher's transfer-set cost (on GPUs
 * or through an API), and a log-scale bar chart from "this run on your GPU" to "the fleet".
 * Every assumption is editable and every figure cites its source.
 *
 * Works alone on any page (attributes only; no worker, no tfjs): the "this run" parts then ask the
 * reader to run the playground. Inside the playground, set `run` and it follows the live run.
 *
 * @summary Run FLOPs beside DeepSeek-scale GPU-hours and dollars, with every assumption editable.
 *
 * @slot - Not used.
 *
 * @event distill-cost-change - `{ preset, mfu, prices, projection }`: the user changed an assumption.
 *
 * @csspart chart - The log-scale bar chart (also `bar`, one per bar).
 * @csspart debate - The DeepSeek-V3 run and fleet cards (also `deepseek-table`, `fleet`).
 * @csspart run - "This run at data-centre speed" (also `run-table`).
 * @csspart projection - The 6·N·D scale projection (also `transfer`).
 * @csspart field - Each labelled input with its explanation.
 * @csspart sources - The numbered source list.
 *
 * @cssproperty --distill-font-size - Base font size (default: the larger of 16px and 1rem).
 * @cssproperty --distill-font-family - Font (default: inherited).
 * @cssproperty --distill-text-color - Text colour.
 * @cssproperty --distill-muted-color - Explanations and notes.
 * @cssproperty --distill-accent-color - Key figures and focus accents.
 * @cssproperty --distill-border-color - Card, table and input borders.
 * @cssproperty --distill-surface-color - Card background.
 * @cssproperty --distill-radius - Corner radius.
 * @cssproperty --distill-cost-browser-color - "This run on your GPU" bar (default vermillion).
 * @cssproperty --distill-cost-gpu-color - "The same run on an H800" bar (default blue).
 * @cssproperty --distill-cost-projection-color - Projection bar (default bluish green).
 * @cssproperty --distill-cost-deepseek-color - DeepSeek-V3 bar (default black).
 * @cssproperty --distill-cost-fleet-color - Fleet bar (default reddish purple, hatched: an estimate).
 */
export class DistillCost extends LitElement {
  static override styles = [hostStyles, costStyles];

  /** Which projection to start from: `deepseek-v3`, `fleet` or `student`. */
  @property({ reflect: true, converter: presetConverter }) preset: PresetId = 'deepseek-v3';
  /** Catalog id of the projection's GPU: `h100`, `h800`, `h20`, `a100`, `rtx4090` or `browser`. */
  @property({ converter: gpuConverter }) gpu: GpuId = DEEPSEEK_V3.gpu;
  /** US$ per GPU-hour of the `gpu` GPU (overrides its catalog default). */
  @property({ type: Number, attribute: 'price-per-hour' }) pricePerHour?: number;
  /**
   * Model-FLOPs utilisation, as a fraction 0–1; the attribute also takes a percentage ("35" or
   * "35%": a bare number above 1 is a percentage). Default: what DeepSeek-V3 implies, ≈ 0.346.
   */
  @property({ converter: utilisationConverter }) mfu: number = DEFAULT_MFU;
  /** N, active parameters of the projected model; the attribute takes "37B", "1.5M", "3.7e10". */
  @property({ converter: quantityConverter }) params?: number;
  /** D, training tokens; the attribute takes "14.8T", "300B", "1e12". */
  @property({ converter: quantityConverter }) tokens?: number;
  /** K, GPUs in parallel for the wall-clock time. */
  @property({ converter: quantityConverter }) gpus?: number;
  /** N_teacher, active parameters of the teacher writing the transfer set. */
  @property({ converter: quantityConverter, attribute: 'teacher-params' }) teacherParams?: number;
  /** US$ per million tokens for "distil through the API". */
  @property({ type: Number, attribute: 'api-price' }) apiPrice?: number;
  /** The live run (FLOPs so far, measured FLOP/s, parameter counts). Unset: nothing measured yet. */
  @property({ attribute: false }) run?: RunMeasurement;

  @state() private prices: Record<GpuId, number> = defaultPrices();
  @state() private settings: ProjectionSettings = presetSettings('deepseek-v3');
  /** Inputs whose last text did not parse, with that text (kept so the user can fix it). */
  @state() private invalid: Partial<Record<FieldId, string>> = {};
  private lastStudentParameters?: number;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const shaping = ['preset', 'gpu', 'params', 'tokens', 'gpus', 'teacherParams', 'apiPrice'] as const;
    if (!this.hasUpdated || shaping.some((k) => changed.has(k))) {
      this.settings = this.settingsFromProperties();
      this.lastStudentParameters = this.run?.studentParameters;
    } else if (changed.has('run') && this.preset === 'student' && this.params === undefined) {
      // "Your student at scale" follows the student the user is training now.
      const n = this.run?.studentParameters;
      if (n && n !== this.lastStudentParameters) {
        this.lastStudentParameters = n;
        this.settings = {
          ...this.settings,
          parameters: n,
          teacherParameters: this.teacherParams ?? (this.run?.teacherParameters || this.settings.teacherParameters),
        };
      }
    }
    if (changed.has('pricePerHour') && this.pricePerHour !== undefined && this.pricePerHour >= 0) {
      this.prices = { ...this.prices, [this.gpu]: this.pricePerHour };
    }
  }

  private settingsFromProperties(): ProjectionSettings {
    const base = presetSettings(this.preset, this.run);
    return {
      parameters: this.params ?? base.parameters,
      tokens: this.tokens ?? base.tokens,
      gpus: Math.max(1, Math.round(this.gpus ?? base.gpus)),
      gpu: this.gpu,
      teacherParameters: this.teacherParams ?? base.teacherParameters,
      apiPricePerMillionTokens: this.apiPrice ?? base.apiPricePerMillionTokens,
    };
  }

  private changed(): void {
    this.dispatchEvent(
      new CustomEvent<DistillCostChangeDetail>('distill-cost-change', {
        detail: { preset: this.preset, mfu: this.mfu, prices: { ...this.prices }, projection: { ...this.settings } },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private markInvalid(field: FieldId, text: string | undefined): void {
    const next = { ...this.invalid };
    if (text === undefined) delete next[field];
    else next[field] = text;
    this.invalid = next;
  }

  private choosePreset(preset: PresetId): void {
    // A preset loads whole: drop the explicit overrides it would otherwise keep.
    this.params = this.tokens = this.gpus = this.teacherParams = this.apiPrice = undefined;
    this.gpu = presetSettings(preset).gpu;
    this.preset = preset;
    this.invalid = {};
    void this.updateComplete.then(() => this.changed());
  }

  private onQuantity(field: FieldId, key: 'parameters' | 'tokens' | 'gpus' | 'teacherParameters', e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    const x = parseQuantity(text);
    if (!Number.isFinite(x) || x <= 0 || (key === 'gpus' && Math.round(x) < 1)) {
      this.markInvalid(field, text);
      return;
    }
    this.markInvalid(field, undefined);
    this.settings = { ...this.settings, [key]: key === 'gpus' ? Math.round(x) : x };
    this.changed();
  }

  private onMoney(field: FieldId, e: Event, apply: (x: number) => void): void {
    const input = e.target as HTMLInputElement;
    const x = parseQuantity(input.value);
    if (!Number.isFinite(x) || x < 0) {
      this.markInvalid(field, input.value);
      return;
    }
    this.markInvalid(field, undefined);
    apply(x);
    this.changed();
  }

  private setPrice(gpu: GpuId, e: Event): void {
    this.onMoney(`price-${gpu}`, e, (x) => {
      this.prices = { ...this.prices, [gpu]: x };
    });
  }

  private onMfu(e: Event): void {
    const input = e.target as HTMLInputElement;
    // The field is in percent; "0.35" typed there would mean 0.35 %, so no fraction guessing here.
    const text = input.value.trim().replace(/%$/, '');
    const percent = Number(text);
    if (text === '' || !Number.isFinite(percent) || percent <= 0 || percent > 100) {
      this.markInvalid('mfu', input.value);
      return;
    }
    this.markInvalid('mfu', undefined);
    this.mfu = percent / 100;
    this.changed();
  }

  private onGpu(e: Event): void {
    this.gpu = GPU_CATALOG[(e.target as HTMLSelectElement).selectedIndex]!.id;
    this.settings = { ...this.settings, gpu: this.gpu };
    this.changed();
  }

  // -------------------------------------------------------------------------------------------
  // Small pieces

  private measured(): RunMeasurement | undefined {
    const r = this.run;
    return r && r.flops > 0 && r.flopsPerSecond > 0 ? r : undefined;
  }

  private gpuName(gpu: GpuSpec): string {
    return gpu.id === 'browser' ? msg.cost.browserName : gpu.name;
  }

  /** "[5]" (with "estimate" for second-hand figures), the full reference for screen readers. */
  private cite(source: SourceId): TemplateResult {
    const t = msg.cost;
    const n = SOURCE_IDS.indexOf(source) + 1;
    const s = t.sources[source];
    const secondary = SOURCES[source].secondary === true;
    return html`<span class="cite" aria-hidden="true" title=${s.reference}
        >${t.sourceMark(n)}${secondary ? html` <span class="est">${t.estimate}</span>` : nothing}</span
      ><span class="visually-hidden"> (${t.sourceMarkLabel(n, s.short)})</span>`;
  }

  private figure(text: string, source: Sourced | undefined): TemplateResult {
    if (!source) return html`${text}`;
    return html`<span class="figure">${text}</span>${this.cite(source.source)}`;
  }

  private field(
    id: FieldId,
    label: string,
    help: string,
    control: TemplateResult,
    extra?: TemplateResult | string,
  ): TemplateResult {
    const bad = this.invalid[id] !== undefined;
    return html`<div class="field" part="field">
      <label for=${id}>${label}</label>
      ${control}
      ${extra === undefined ? nothing : html`<p class="exact" aria-hidden="true">${extra}</p>`}
      ${bad ? html`<p class="error" id="${id}-error" role="alert">${msg.cost.invalidNumber}</p>` : nothing}
      <p class="help" id="${id}-help">${help}</p>
    </div>`;
  }

  private quantityInput(id: FieldId, key: 'parameters' | 'tokens' | 'gpus' | 'teacherParameters'): TemplateResult {
    const value = this.invalid[id] ?? formatCount(this.settings[key]);
    const bad = this.invalid[id] !== undefined;
    return html`<input
      id=${id}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      spellcheck="false"
      .value=${live(value)}
      aria-invalid=${bad ? 'true' : 'false'}
      aria-describedby=${bad ? `${id}-error ${id}-help` : `${id}-help`}
      @change=${(e: Event) => this.onQuantity(id, key, e)}
    />`;
  }

  private moneyInput(
    domId: string,
    id: FieldId,
    value: number,
    label: string | undefined,
    onChange: (e: Event) => void,
    describedBy?: string,
  ): TemplateResult {
    const bad = this.invalid[id] !== undefined;
    return html`<span class="money"
      ><span class="currency" aria-hidden="true">$</span
      ><input
        id=${domId}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(this.invalid[id] ?? String(Number(value.toFixed(4))))}
        aria-label=${label ?? nothing}
        aria-invalid=${bad ? 'true' : 'false'}
        aria-describedby=${describedBy ?? nothing}
        @change=${onChange}
    /></span>`;
  }

  // -------------------------------------------------------------------------------------------
  // Sections

  private renderChart(bars: ComparisonBar[]): TemplateResult {
    const t = msg.cost;
    const known = bars.map((b) => b.dollars).filter((d): d is number => d !== undefined && d > 0);
    const lo = Math.floor(Math.log10(Math.min(...known)) / 3) * 3;
    const hi = Math.max(lo + 3, Math.ceil(Math.log10(Math.max(...known)) / 3) * 3);
    const x = (dollars: number): number => ((Math.log10(dollars) - lo) / (hi - lo)) * 100;
    const ticks: number[] = [];
    for (let e = lo; e <= hi; e += 3) ticks.push(e);
    const grid = ticks.map((e) => svg`<line class="grid" x1="${x(10 ** e)}%" x2="${x(10 ** e)}%" y1="0" y2="100%" />`);
    const presetLabel = t.presets[this.preset].label;
    const run = this.measured();
    const rows = bars.map((bar) => {
      const label = bar.id === 'projection' ? t.barProjection(presetLabel) : t.bars[bar.id];
      let detail: string;
      if ((bar.id === 'run-browser' || bar.id === 'run-h800') && !run) detail = t.barNoRun;
      else if (bar.dollars === undefined) detail = t.needsRun;
      else if (bar.id === 'fleet') detail = t.barFleet(formatDollars(bar.dollars), formatInteger(bar.gpus));
      else if (bar.seconds !== undefined) detail = t.barTime(formatDollars(bar.dollars), formatDuration(bar.seconds));
      else detail = t.barGpuHours(formatDollars(bar.dollars), formatGpuHours(bar.gpuHours));
      if (bar.dollars === 0) detail = `${detail} \u00b7 ${t.barNoPrice}`;
      const width = bar.dollars !== undefined && bar.dollars > 0 ? Math.max(0.6, x(bar.dollars)) : 0;
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
            ${ticks.map(
              (e, i) =>
                svg`<text x="${x(10 ** e)}%" y="18" text-anchor=${i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>${formatDollars(10 ** e)}</text>`,
            )}
          </svg>
        </li>
      </ul>
    </section>`;
  }

  private renderDebate(): TemplateResult {
    const t = msg.cost;
    const price = this.prices.h800;
    const table = deepseekTable(price);
    const h800 = gpuById('h800');
    const perGpu = deepseekEffectiveFlopsPerSecond();
    return html`<section class="debate" part="debate" aria-labelledby="debate-title">
      <h3 id="debate-title">${t.debateTitle}</h3>
      <div class="cards">
        <div class="card" part="deepseek-table">
          <h4>${t.runCardTitle} ${this.cite('deepseekV3')}</h4>
          <table class="stages">
            <caption>${t.tableCaption(formatPrice(price))}</caption>
            <thead>
              <tr><th scope="col">${t.stageHeader}</th><th scope="col">${t.gpuHoursHeader}</th><th scope="col">${t.costHeader}</th></tr>
            </thead>
            <tbody>
              ${table.stages.map(
                (s) => html`<tr>
                  <th scope="row">${t.stages[s.id]}</th>
                  <td>${formatCountIn(s.gpuHours, 'K')}</td>
                  <td>${formatDollarsIn(s.dollars, 'M')}</td>
                </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">${t.total}</th>
                <td class="key" data-testid="deepseek-gpu-hours">${formatCountIn(table.total.gpuHours, 'K')}</td>
                <td class="key" data-testid="deepseek-dollars">${formatDollarsIn(table.total.dollars, 'M')}</td>
              </tr>
            </tfoot>
          </table>
          <ul class="notes">
            <li>${t.priceNote}</li>
            <li>
              ${t.perTrillion(
                formatCount(DEEPSEEK_V3.gpuHoursPerTrillionTokens),
                formatDuration(deepseekDaysPerTrillionTokens() * 86_400),
                formatInteger(DEEPSEEK_V3.clusterGpus),
              )}
            </li>
            <li data-testid="deepseek-mfu">
              ${t.impliedMfu({
                n: formatCount(DEEPSEEK_V3.activeParameters),
                d: formatCount(DEEPSEEK_V3.tokens),
                flops: formatFlops(trainingFlops(DEEPSEEK_V3.activeParameters, DEEPSEEK_V3.tokens)),
                perGpu: formatFlopsPerSecond(perGpu),
                mfu: percent(deepseekImpliedMfu()),
                peak: formatFlopsPerSecond(h800.peakBf16!.value),
              })}
              ${this.cite('kaplan')}
            </li>
            <li>${t.excludes}</li>
          </ul>
        </div>
        <div class="card fleet" part="fleet">
          <h4>${t.fleetCardTitle} ${this.cite('semianalysis')}</h4>
          <p class="big"><span class="key" data-testid="fleet-capex">~${formatDollars(FLEET.serverCapex)}</span> <span>${t.fleetCapex}</span></p>
          <p class="big"><span class="key">~${formatDollars(FLEET.operatingCost)}</span> <span>${t.fleetOpex}</span></p>
          <p>${t.fleetGpus(formatInteger(FLEET.hopperGpus), formatInteger(FLEET.a100Gpus))}</p>
          <p class="ratio"><strong>${t.fleetRatio(formatTimes(fleetToRunRatio(price)), formatDollars(table.total.dollars))}</strong></p>
          <p class="help">${t.fleetExplain(formatCountIn(table.total.gpuHours, 'K'))}</p>
        </div>
      </div>
    </section>`;
  }

  private renderRun(): TemplateResult {
    const t = msg.cost;
    const run = this.measured();
    const rows = runOnCatalog({ flops: run?.flops ?? 0, mfu: this.mfu, prices: this.prices, measuredFlopsPerSecond: run?.flopsPerSecond });
    const mfuBad = this.invalid.mfu !== undefined;
    return html`<section class="card run" part="run" aria-labelledby="run-title">
      <h3 id="run-title">${t.runTitle}</h3>
      ${run
        ? html`<dl class="stats" data-testid="cost-run-summary">
            <div><dt>${t.runSteps}</dt><dd>${formatInteger(run.steps)}</dd></div>
            <div><dt>${t.runFlops}</dt><dd class="key" data-testid="cost-run-flops">${formatFlops(run.flops)}</dd></div>
            <div>
              <dt>${t.runSpeed(run.backend)} ${this.cite('measured')}</dt>
              <dd class="key" data-testid="cost-run-speed">${formatFlopsPerSecond(run.flopsPerSecond)}</dd>
            </div>
          </dl>`
        : html`<p class="summary waiting" data-testid="cost-run-summary">${t.runWaiting}</p>`}
      <p class="help">${t.flopsConvention} ${this.cite('kaplan')}</p>
      <div class="field mfu" part="field">
        <label for="mfu">${t.mfu}</label>
        <input
          id="mfu"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${live(this.invalid.mfu ?? String(Number((this.mfu * 100).toFixed(1))))}
          aria-invalid=${mfuBad ? 'true' : 'false'}
          aria-describedby=${mfuBad ? 'mfu-error mfu-help' : 'mfu-help'}
          @change=${this.onMfu}
        />
        ${mfuBad ? html`<p class="error" id="mfu-error" role="alert">${t.mfuInvalid}</p>` : nothing}
        <p class="help" id="mfu-help">${t.mfuHelp}</p>
      </div>
      <div class="scroll" role="region" tabindex="0" aria-label=${t.tableScroll}>
        <table class="catalog" part="run-table">
          <thead>
            <tr>
              <th scope="col">${t.headers.gpu}</th>
              <th scope="col">${t.headers.peak}</th>
              <th scope="col">${t.headers.price}</th>
              <th scope="col">${t.headers.time}</th>
              <th scope="col">${t.headers.cost}</th>
              <th scope="col">${t.headers.ratio}</th>
            </tr>
          </thead>
          <tbody>
            ${GPU_CATALOG.map((gpu, i) => {
              // Without a run there are no FLOPs to convert: the run columns wait for one.
              const r: GpuRunCost = run ? rows[i]! : { gpu: gpu.id };
              const name = this.gpuName(gpu);
              const ratio =
                r.timesFasterThanBrowser === undefined
                  ? t.notYet
                  : gpu.id === 'browser'
                    ? t.yours
                    : r.timesFasterThanBrowser >= 1
                      ? t.timesFaster(formatTimes(r.timesFasterThanBrowser))
                      : t.timesSlower(formatTimes(1 / r.timesFasterThanBrowser));
              const priceSource = gpu.pricePerHour.source;
              return html`<tr data-gpu=${gpu.id}>
                <th scope="row">
                  <span class="gpu-name">${name}</span>
                  ${gpu.id === 'browser' && run ? html`<span class="sub">${t.browserBackend(run.backend)}</span>` : nothing}
                  ${gpu.memoryGB ? html`<span class="sub">${this.figure(t.memory(formatInteger(gpu.memoryGB.value)), gpu.memoryGB)}</span>` : nothing}
                  ${gpu.peakFp32 ? html`<span class="sub">${this.figure(t.fp32(formatFlopsPerSecond(gpu.peakFp32.value)), gpu.peakFp32)}</span>` : nothing}
                </th>
                <td>
                  ${gpu.peakBf16
                    ? this.figure(formatFlopsPerSecond(gpu.peakBf16.value), gpu.peakBf16)
                    : run
                      ? html`${t.measuredSpeed(formatFlopsPerSecond(run.flopsPerSecond))} ${this.cite('measured')}`
                      : html`<span class="muted">${t.measuredLater}</span>`}
                </td>
                <td class="price">
                  ${this.moneyInput(`price-${gpu.id}`, `price-${gpu.id}`, this.prices[gpu.id], t.priceLabel(name), (e) => this.setPrice(gpu.id, e))}
                  <span class="sub">${t.priceSources[priceSource] ?? ''}${this.cite(priceSource)}</span>
                  ${this.invalid[`price-${gpu.id}`] !== undefined ? html`<span class="error" role="alert">${t.invalidNumber}</span>` : nothing}
                </td>
                <td data-testid="run-time-${gpu.id}">${r.seconds === undefined ? html`<span class="muted">${t.notYet}</span>` : formatDuration(r.seconds)}</td>
                <td data-testid="run-cost-${gpu.id}">${r.dollars === undefined ? html`<span class="muted">${t.notYet}</span>` : formatDollars(r.dollars)}</td>
                <td>${r.timesFasterThanBrowser === undefined ? html`<span class="muted">${ratio}</span>` : ratio}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="help">${t.tableNote}</p>
    </section>`;
  }

  private renderProjection(): TemplateResult {
    const t = msg.cost;
    const s = this.settings;
    const gpu = gpuById(s.gpu);
    const run = this.measured();
    const on = { gpu, mfu: this.mfu, pricePerHour: this.prices[s.gpu], gpus: s.gpus, measuredFlopsPerSecond: run?.flopsPerSecond };
    const p = projectTraining(s.parameters, s.tokens, on);
    const teacher = projectTransferSet(s.teacherParameters, s.tokens, on);
    const bill = apiBill(s.tokens, s.apiPricePerMillionTokens);
    const gpuName = this.gpuName(gpu);
    const pending = html`<span class="muted">${t.needsRun}</span>`;
    return html`<section class="card projection" part="projection" aria-labelledby="projection-title">
      <h3 id="projection-title">${t.projectionTitle}</h3>
      <p class="help">${t.projectionIntro} ${this.cite('kaplan')}</p>
      <fieldset class="presets">
        <legend>${t.presetLegend}</legend>
        ${PRESET_IDS.map(
          (id) => html`<label class="preset">
            <input type="radio" name="preset" value=${id} .checked=${live(this.preset === id)} @change=${() => this.choosePreset(id)} />
            <span><strong>${t.presets[id].label}</strong><span class="help">${t.presets[id].help}</span></span>
          </label>`,
        )}
      </fieldset>
      <div class="inputs">
        ${this.field('params', t.params, t.paramsHelp, this.quantityInput('params', 'parameters'), t.exact(formatInteger(s.parameters)))}
        ${this.field('tokens', t.tokens, t.tokensHelp, this.quantityInput('tokens', 'tokens'), t.exact(formatInteger(s.tokens)))}
        <div class="field" part="field">
          <label for="gpu">${t.gpu}</label>
          <select id="gpu" aria-describedby="gpu-help" @change=${this.onGpu}>
            ${GPU_CATALOG.map(
              (g) => html`<option value=${g.id} ?selected=${g.id === s.gpu}>
                ${t.gpuOption(
                  this.gpuName(g),
                  g.peakBf16
                    ? formatFlopsPerSecond(g.peakBf16.value)
                    : run
                      ? t.measuredSpeed(formatFlopsPerSecond(run.flopsPerSecond))
                      : t.measuredLater,
                )}
              </option>`,
            )}
          </select>
          <p class="help" id="gpu-help">${t.gpuHelp}</p>
        </div>
        ${this.field('gpus', t.gpus, t.gpusHelp, this.quantityInput('gpus', 'gpus'))}
        <div class="field" part="field">
          <label for="projection-price">${t.projectionPrice(gpuName)}</label>
          ${this.moneyInput('projection-price', `price-${s.gpu}`, this.prices[s.gpu], undefined, (e) => this.setPrice(s.gpu, e), 'projection-price-help')}
          <p class="help" id="projection-price-help">${t.priceHelp} ${this.cite(gpu.pricePerHour.source)}</p>
        </div>
      </div>
      <dl class="results" data-testid="projection-results">
        <div>
          <dt>${t.resultLabels.flops}</dt>
          <dd data-testid="projection-flops">${t.flopsValue(formatCount(s.parameters), formatCount(s.tokens), formatFlops(p.flops))}</dd>
        </div>
        <div>
          <dt>${t.resultLabels.gpuHours}</dt>
          <dd data-testid="projection-gpu-hours">${p.gpuHours === undefined ? pending : t.gpuHoursValue(formatCount(p.gpuHours), gpuName)}</dd>
        </div>
        <div>
          <dt>${t.resultLabels.cost}</dt>
          <dd data-testid="projection-dollars">
            ${p.dollars === undefined ? pending : html`<strong class="key">${formatDollars(p.dollars)}</strong> ${t.costAt(formatPrice(this.prices[s.gpu]))}`}
          </dd>
        </div>
        <div>
          <dt>${t.resultLabels.wallClock}</dt>
          <dd data-testid="projection-wall-clock">
            ${p.wallClockSeconds === undefined ? pending : t.wallClockValue(formatDuration(p.wallClockSeconds), formatInteger(s.gpus), gpuName)}
          </dd>
        </div>
      </dl>
      <div class="transfer" part="transfer">
        <h4>${t.transferTitle}</h4>
        <p class="help">${t.transferIntro}</p>
        <div class="inputs">
          ${this.field(
            'teacher-params',
            t.teacherParams,
            t.teacherParamsHelp,
            this.quantityInput('teacher-params', 'teacherParameters'),
            t.exact(formatInteger(s.teacherParameters)),
          )}
          ${this.field(
            'api-price',
            t.apiPrice,
            t.apiPriceHelp,
            this.moneyInput('api-price', 'api-price', s.apiPricePerMillionTokens, undefined, (e) =>
              this.onMoney('api-price', e, (x) => {
                this.settings = { ...this.settings, apiPricePerMillionTokens: x };
              }),
              'api-price-help',
            ),
          )}
        </div>
        <dl class="results">
          <div>
            <dt>${t.transferOnGpus}</dt>
            <dd data-testid="transfer-gpus">
              ${teacher.gpuHours === undefined
                ? pending
                : t.transferOnGpusValue({
                    n: formatCount(s.teacherParameters),
                    d: formatCount(s.tokens),
                    flops: formatFlops(teacher.flops),
                    gpuHours: t.gpuHoursValue(formatCount(teacher.gpuHours), gpuName),
                    dollars: formatDollars(teacher.dollars),
                    time: t.wallClockValue(formatDuration(teacher.wallClockSeconds), formatInteger(s.gpus), gpuName),
                  })}
            </dd>
          </div>
          <div>
            <dt>${t.transferApi} ${this.cite('assumption')}</dt>
            <dd data-testid="transfer-api">
              ${t.transferApiValue(formatCount(s.tokens), formatPrice(s.apiPricePerMillionTokens), formatDollars(bill))}
            </dd>
          </div>
        </dl>
      </div>
    </section>`;
  }

  private renderSources(): TemplateResult {
    const t = msg.cost;
    return html`<section class="sources" part="sources" aria-labelledby="sources-title">
      <h3 id="sources-title">${t.sourcesTitle}</h3>
      <ol>
        ${SOURCE_IDS.map((id) => {
          const url = SOURCES[id].url;
          return html`<li>
            ${t.sources[id].reference}${url
              ? html` \u2014 <a href=${url} target="_blank" rel="noopener noreferrer">${url.replace(/^https:\/\//, '').replace(/\/$/, '')}</a>`
              : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  override render(): TemplateResult {
    const t = msg.cost;
    const s = this.settings;
    const run = this.measured();
    const projection = projectTraining(s.parameters, s.tokens, {
      gpu: gpuById(s.gpu),
      mfu: this.mfu,
      pricePerHour: this.prices[s.gpu],
      gpus: s.gpus,
      measuredFlopsPerSecond: run?.flopsPerSecond,
    });
    const bars = comparisonBars({ run, mfu: this.mfu, prices: this.prices, projection });
    return html`<article aria-labelledby="cost-title">
      <h2 id="cost-title">${t.title}</h2>
      <p class="intro">${t.intro}</p>
      ${this.renderChart(bars)} ${this.renderDebate()} ${this.renderRun()} ${this.renderProjection()} ${this.renderSources()}
    </article>`;
  }
}

defineElement('distill-cost', DistillCost);

declare global {
  interface HTMLElementTagNameMap {
    'distill-cost': DistillCost;
  }
}
