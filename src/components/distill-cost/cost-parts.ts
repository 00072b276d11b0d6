/**
 * What every section of `<distill-cost>` draws from: the element's state as the render helpers see
 * it (`CostView`), GPU names, source marks ("[5] estimate") and the numbered source list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PresetId, ProjectionSettings, RunMeasurement } from '../../cost/cost-model';
import type { GpuId, GpuSpec } from '../../cost/gpus';
import { type SourceId, SOURCE_IDS, SOURCES, type Sourced } from '../../cost/sources';
import { msg } from '../../i18n/index';
import type { FieldId, QuantityKey } from './cost-data';

/** The element's state and handlers, as one render of its sections sees them. */
export interface CostView {
  readonly preset: PresetId;
  /** Model-FLOPs utilisation, 0–1. */
  readonly mfu: number;
  /** US$ per GPU-hour, per catalog GPU. */
  readonly prices: Record<GpuId, number>;
  readonly settings: ProjectionSettings;
  /** Inputs whose last text did not parse, with that text. */
  readonly invalid: Partial<Record<FieldId, string>>;
  /** The live run, once it has measured FLOPs and a speed. */
  readonly run: RunMeasurement | undefined;
  /** The chart track's width in pixels as last measured (0 before the first measurement). */
  readonly axisWidth: number;
  choosePreset(preset: PresetId): void;
  onQuantity(field: FieldId, key: QuantityKey, e: Event): void;
  setPrice(gpu: GpuId, e: Event): void;
  onApiPrice(e: Event): void;
  onMfu(e: Event): void;
  onGpu(e: Event): void;
}

export function gpuName(gpu: GpuSpec): string {
  return gpu.id === 'browser' ? msg.cost.browserName : gpu.name;
}

/** "[5]" (with "estimate" for second-hand figures), the full reference for screen readers. */
export function cite(source: SourceId): TemplateResult {
  const t = msg.cost;
  const n = SOURCE_IDS.indexOf(source) + 1;
  const s = t.sources[source];
  const secondary = SOURCES[source].secondary === true;
  return html`<span class="cite" aria-hidden="true" title=${s.reference}
      >${t.sourceMark(n)}${secondary ? html` <span class="est">${t.estimate}</span>` : nothing}</span
    ><span class="visually-hidden"> (${t.sourceMarkLabel(n, s.short)})</span>`;
}

export function figure(text: string, source: Sourced | undefined): TemplateResult {
  if (!source) return html`${text}`;
  // <wbr>: a narrow column may put the source mark under its figure.
  return html`<span class="figure">${text}</span><wbr />${cite(source.source)}`;
}

export function renderSources(): TemplateResult {
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
