import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  comparisonBars,
  DEEPSEEK_V3,
  DEFAULT_MFU,
  type PresetId,
  presetSettings,
  type ProjectionSettings,
  projectTraining,
  type RunMeasurement,
} from '../../cost/cost-model';
import { defaultPrices, GPU_CATALOG, type GpuId, gpuById } from '../../cost/gpus';
import { msg } from '../../i18n/index';
import { defineElement } from '../shared/define';
import { hostStyles, scrollCueStyles } from '../shared/styles';
import { renderChart } from './cost-chart';
import {
  type FieldId,
  gpuConverter,
  parseMfuField,
  parseMoneyField,
  parseQuantityField,
  presetConverter,
  type QuantityKey,
  quantityConverter,
  utilisationConverter,
} from './cost-data';
import { renderDebate } from './cost-debate';
import { type CostView, renderSources } from './cost-parts';
import { renderProjection } from './cost-projection';
import { renderRun } from './cost-run';
import { costTableStyles } from './cost-table.styles';
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

/**
 * What would this cost at scale? The FLOPs of the run in the browser beside DeepSeek-V3's
 * reported GPU-hours and dollars and the estimated fleet behind it: the run on each catalog GPU at
 * an editable utilisation, a 6·N·D scale projection with the teacher's transfer-set cost (on GPUs
 * or through an API), and a log-scale bar chart from "this run in your browser" to "the fleet".
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
 * @cssproperty --distill-cost-browser-color - "This run in your browser" bar (default vermillion).
 * @cssproperty --distill-cost-gpu-color - "The same run on an H800" bar (default blue).
 * @cssproperty --distill-cost-projection-color - Projection bar (default bluish green).
 * @cssproperty --distill-cost-deepseek-color - DeepSeek-V3 bar (default black).
 * @cssproperty --distill-cost-fleet-color - Fleet bar (default reddish purple, hatched: an estimate).
 */
export class DistillCost extends LitElement {
  static override styles = [hostStyles, scrollCueStyles, costStyles, costTableStyles];

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
  /** The chart track's width, measured, so its axis labels can be thinned until none overlap. */
  @state() private axisWidth = 0;
  private axisObserver?: ResizeObserver;
  private observedAxis?: Element;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.axisObserver?.disconnect();
    this.axisObserver = this.observedAxis = undefined;
  }

  protected override updated(): void {
    const track = this.renderRoot.querySelector('.axis .track');
    if (!track || track === this.observedAxis || typeof ResizeObserver === 'undefined') return;
    this.axisObserver ??= new ResizeObserver((entries) => {
      const w = Math.round(entries[entries.length - 1]!.contentRect.width);
      if (w > 0 && w !== this.axisWidth) this.axisWidth = w;
    });
    if (this.observedAxis) this.axisObserver.unobserve(this.observedAxis);
    this.observedAxis = track;
    this.axisObserver.observe(track);
  }

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


  private onQuantity(field: FieldId, key: QuantityKey, e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    const x = parseQuantityField(text, key);
    if (x === undefined) {
      this.markInvalid(field, text);
      return;
    }
    this.markInvalid(field, undefined);
    this.settings = { ...this.settings, [key]: x };
    this.changed();
  }

  private onMoney(field: FieldId, e: Event, apply: (x: number) => void): void {
    const input = e.target as HTMLInputElement;
    const x = parseMoneyField(input.value);
    if (x === undefined) {
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

  private onApiPrice(e: Event): void {
    this.onMoney('api-price', e, (x) => {
      this.settings = { ...this.settings, apiPricePerMillionTokens: x };
    });
  }

  private onMfu(e: Event): void {
    const input = e.target as HTMLInputElement;
    const mfu = parseMfuField(input.value);
    if (mfu === undefined) {
      this.markInvalid('mfu', input.value);
      return;
    }
    this.markInvalid('mfu', undefined);
    this.mfu = mfu;
    this.changed();
  }

  private onGpu(e: Event): void {
    this.gpu = GPU_CATALOG[(e.target as HTMLSelectElement).selectedIndex]!.id;
    this.settings = { ...this.settings, gpu: this.gpu };
    this.changed();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering: each section in its own module (cost-chart, cost-debate, cost-run, cost-projection)

  private measured(): RunMeasurement | undefined {
    const r = this.run;
    return r && r.flops > 0 && r.flopsPerSecond > 0 ? r : undefined;
  }

  /** This render's state and handlers, for the section helpers. */
  private view(): CostView {
    return {
      preset: this.preset,
      mfu: this.mfu,
      prices: this.prices,
      settings: this.settings,
      invalid: this.invalid,
      run: this.measured(),
      axisWidth: this.axisWidth,
      choosePreset: (preset) => this.choosePreset(preset),
      onQuantity: (field, key, e) => this.onQuantity(field, key, e),
      setPrice: (gpu, e) => this.setPrice(gpu, e),
      onApiPrice: (e) => this.onApiPrice(e),
      onMfu: (e) => this.onMfu(e),
      onGpu: (e) => this.onGpu(e),
    };
  }

  override render(): TemplateResult {
    const t = msg.cost;
    const v = this.view();
    const s = v.settings;
    const run = v.run;
    const projection = projectTraining(s.parameters, s.tokens, {
      gpu: gpuById(s.gpu),
      mfu: v.mfu,
      pricePerHour: v.prices[s.gpu],
      gpus: s.gpus,
      measuredFlopsPerSecond: run?.flopsPerSecond,
    });
    const bars = comparisonBars({ run, mfu: v.mfu, prices: v.prices, projection });
    return html`<article aria-labelledby="cost-title">
      <h2 id="cost-title">${t.title}</h2>
      <p class="intro">${t.intro}</p>
      ${renderChart(v, bars)} ${renderDebate(v)} ${renderRun(v)} ${renderProjection(v)} ${renderSources()}
    </article>`;
  }
}

defineElement('distill-cost', DistillCost);

declare global {
  interface HTMLElementTagNameMap {
    'distill-cost': DistillCost;
  }
}
