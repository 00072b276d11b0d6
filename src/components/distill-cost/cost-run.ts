/**
 * "This run at data-centre speed" in `<distill-cost>`: the live run's FLOPs and measured speed, the
 * editable utilisation, and the GPU table (the run's time and cost on each catalog GPU, with
 * editable prices).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { type GpuRunCost, runOnCatalog } from '../../cost/cost-model';
import { GPU_CATALOG } from '../../cost/gpus';
import { formatDollars, formatDuration, formatFlops, formatFlopsPerSecond, formatTimes } from '../../cost/units';
import { msg } from '../../i18n/index';
import { formatInteger } from '../../shared/format';
import { mfuFieldText } from './cost-data';
import { deviceText } from './cost-device';
import { moneyInput } from './cost-fields';
import { cite, type CostView, figure, gpuName } from './cost-parts';

/** A figure's text that never breaks inside ("1.2 × 10⁸×"), for strings that wrap elsewhere. */
const keep = (text: string): string => text.replace(/ /g, '\u00a0');

export function renderRun(v: CostView): TemplateResult {
  const t = msg.cost;
  const run = v.run;
  const rows = runOnCatalog({ flops: run?.flops ?? 0, mfu: v.mfu, prices: v.prices, measuredFlopsPerSecond: run?.flopsPerSecond });
  const mfuBad = v.invalid.mfu !== undefined;
  return html`<section class="card run" part="run" aria-labelledby="run-title">
    <h3 id="run-title">${t.runTitle}</h3>
    ${run
      ? html`<dl class="stats" data-testid="cost-run-summary">
          <div><dt>${t.runSteps}</dt><dd>${formatInteger(run.steps)}</dd></div>
          <div><dt>${t.runFlops}</dt><dd class="key" data-testid="cost-run-flops">${formatFlops(run.flops)}</dd></div>
          <div>
            <dt>${t.runSpeed(deviceText(run))} ${cite('measured')}</dt>
            <dd class="key" data-testid="cost-run-speed">${formatFlopsPerSecond(run.flopsPerSecond)}</dd>
          </div>
        </dl>`
      : html`<p class="summary waiting" data-testid="cost-run-summary">${t.runWaiting}</p>`}
    <p class="help">${t.flopsConvention} ${cite('kaplan')}</p>
    <div class="field mfu" part="field">
      <label for="mfu">${t.mfu}</label>
      <input
        id="mfu"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(v.invalid.mfu ?? mfuFieldText(v.mfu))}
        aria-invalid=${mfuBad ? 'true' : 'false'}
        aria-describedby=${mfuBad ? 'mfu-error mfu-help' : 'mfu-help'}
        @change=${v.onMfu}
      />
      ${mfuBad ? html`<p class="error" id="mfu-error" role="alert">${t.mfuInvalid}</p>` : nothing}
      <p class="help" id="mfu-help">${t.mfuHelp}</p>
    </div>
    <div class="scroll scroll-x" role="region" tabindex="0" aria-label=${t.tableScroll}>
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
            const name = gpuName(gpu);
            const ratio =
              r.timesFasterThanBrowser === undefined
                ? t.notYet
                : gpu.id === 'browser'
                  ? t.yours
                  : r.timesFasterThanBrowser >= 1
                    ? t.timesFaster(keep(formatTimes(r.timesFasterThanBrowser)))
                    : t.timesSlower(keep(formatTimes(1 / r.timesFasterThanBrowser)));
            const priceSource = gpu.pricePerHour.source;
            return html`<tr data-gpu=${gpu.id}>
              <th scope="row">
                <span class="gpu-name">${name}</span>
                ${gpu.id === 'browser' && run ? html`<span class="sub">${t.browserBackend(deviceText(run))}</span>` : nothing}
                ${gpu.memoryGB ? html`<span class="sub">${figure(t.memory(formatInteger(gpu.memoryGB.value)), gpu.memoryGB)}</span>` : nothing}
                ${gpu.peakFp32 ? html`<span class="sub">${figure(t.fp32(formatFlopsPerSecond(gpu.peakFp32.value)), gpu.peakFp32)}</span>` : nothing}
              </th>
              <td>
                ${gpu.peakBf16
                  ? figure(formatFlopsPerSecond(gpu.peakBf16.value), gpu.peakBf16)
                  : run
                    ? html`${t.measuredSpeed(keep(formatFlopsPerSecond(run.flopsPerSecond)))}<wbr />${cite('measured')}`
                    : html`<span class="muted">${t.measuredLater}</span>`}
              </td>
              <td class="price">
                ${moneyInput(v, `price-${gpu.id}`, `price-${gpu.id}`, v.prices[gpu.id], t.priceLabel(name), (e) => v.setPrice(gpu.id, e))}
                <span class="sub">${t.priceSources[priceSource] ?? ''}${cite(priceSource)}</span>
                ${v.invalid[`price-${gpu.id}`] !== undefined ? html`<span class="error" role="alert">${t.invalidNumber}</span>` : nothing}
              </td>
              <td data-testid="run-time-${gpu.id}">${r.seconds === undefined ? html`<span class="muted">${t.notYet}</span>` : formatDuration(r.seconds)}</td>
              <td data-testid="run-cost-${gpu.id}">${r.dollars === undefined ? html`<span class="muted">${t.notYet}</span>` : html`<span class="fig">${formatDollars(r.dollars)}</span>`}</td>
              <td>${r.timesFasterThanBrowser === undefined ? html`<span class="muted">${ratio}</span>` : ratio}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="help">${t.tableNote}</p>
  </section>`;
}
