/**
 * The DeepSeek debate in `<distill-cost>`: DeepSeek-V3's reported final run (GPU-hours and dollars
 * per stage, what a trillion tokens took, the utilisation it implies) beside the estimated fleet
 * behind it, each figure with its source.
 */
import { html, type TemplateResult } from 'lit';
import {
  DEEPSEEK_V3,
  deepseekDaysPerTrillionTokens,
  deepseekEffectiveFlopsPerSecond,
  deepseekImpliedMfu,
  deepseekTable,
  FLEET,
  fleetToRunRatio,
} from '../../cost/cost-model';
import { trainingFlops } from '../../cost/flops';
import { gpuById } from '../../cost/gpus';
import {
  formatCount,
  formatCountIn,
  formatDollars,
  formatDollarsIn,
  formatDuration,
  formatFlops,
  formatFlopsPerSecond,
  formatPrice,
  formatTimes,
} from '../../cost/units';
import { msg } from '../../i18n/index';
import { formatInteger } from '../../shared/format';
import { percent } from './cost-data';
import { cite, type CostView } from './cost-parts';

export function renderDebate(v: CostView): TemplateResult {
  const t = msg.cost;
  const price = v.prices.h800;
  const table = deepseekTable(price);
  const h800 = gpuById('h800');
  const perGpu = deepseekEffectiveFlopsPerSecond();
  return html`<section class="debate" part="debate" aria-labelledby="debate-title">
    <h3 id="debate-title">${t.debateTitle}</h3>
    <div class="cards">
      <div class="card" part="deepseek-table">
        <h4>${t.runCardTitle} ${cite('deepseekV3')}</h4>
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
            ${cite('kaplan')}
          </li>
          <li>${t.excludes}</li>
        </ul>
      </div>
      <div class="card fleet" part="fleet">
        <h4>${t.fleetCardTitle} ${cite('semianalysis')}</h4>
        <p class="big"><span class="key" data-testid="fleet-capex">~${formatDollars(FLEET.serverCapex)}</span> <span>${t.fleetCapex}</span></p>
        <p class="big"><span class="key">~${formatDollars(FLEET.operatingCost)}</span> <span>${t.fleetOpex}</span></p>
        <p>${t.fleetGpus(formatInteger(FLEET.hopperGpus), formatInteger(FLEET.a100Gpus))}</p>
        <p class="ratio"><strong>${t.fleetRatio(formatTimes(fleetToRunRatio(price)), formatDollars(table.total.dollars))}</strong></p>
        <p class="help">${t.fleetExplain(formatCountIn(table.total.gpuHours, 'K'))}</p>
      </div>
    </div>
  </section>`;
}
