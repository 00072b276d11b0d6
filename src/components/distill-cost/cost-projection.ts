/**
 * The 6·N·D scale projection in `<distill-cost>`: presets, the editable model, tokens, GPU, GPU
 * count and price, the resulting FLOPs, GPU-hours, dollars and wall-clock time, and the teacher's
 * transfer-set cost on GPUs or through an API.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { apiBill, PRESET_IDS, projectTraining, projectTransferSet } from '../../cost/cost-model';
import { GPU_CATALOG, gpuById } from '../../cost/gpus';
import { formatCount, formatDollars, formatDuration, formatFlops, formatFlopsPerSecond, formatPrice } from '../../cost/units';
import { msg } from '../../i18n/index';
import { formatInteger } from '../../shared/format';
import { field, moneyInput, quantityInput } from './cost-fields';
import { cite, type CostView, gpuName } from './cost-parts';

export function renderProjection(v: CostView): TemplateResult {
  const t = msg.cost;
  const s = v.settings;
  const gpu = gpuById(s.gpu);
  const run = v.run;
  const on = { gpu, mfu: v.mfu, pricePerHour: v.prices[s.gpu], gpus: s.gpus, measuredFlopsPerSecond: run?.flopsPerSecond };
  const p = projectTraining(s.parameters, s.tokens, on);
  const teacher = projectTransferSet(s.teacherParameters, s.tokens, on);
  const bill = apiBill(s.tokens, s.apiPricePerMillionTokens);
  const name = gpuName(gpu);
  const pending = html`<span class="muted">${t.needsRun}</span>`;
  return html`<section class="card projection" part="projection" aria-labelledby="projection-title">
    <h3 id="projection-title">${t.projectionTitle}</h3>
    <p class="help">${t.projectionIntro} ${cite('kaplan')}</p>
    <fieldset class="presets">
      <legend>${t.presetLegend}</legend>
      ${PRESET_IDS.map(
        (id) => html`<label class="preset">
          <input type="radio" name="preset" value=${id} .checked=${live(v.preset === id)} @change=${() => v.choosePreset(id)} />
          <span><strong>${t.presets[id].label}</strong><span class="help">${t.presets[id].help}</span></span>
        </label>`,
      )}
    </fieldset>
    <div class="inputs">
      ${field(v, 'params', t.params, t.paramsHelp, quantityInput(v, 'params', 'parameters'), t.exact(formatInteger(s.parameters)))}
      ${field(v, 'tokens', t.tokens, t.tokensHelp, quantityInput(v, 'tokens', 'tokens'), t.exact(formatInteger(s.tokens)))}
      <div class="field" part="field">
        <label for="gpu">${t.gpu}</label>
        <select id="gpu" aria-describedby="gpu-help" @change=${v.onGpu}>
          ${GPU_CATALOG.map(
            (g) => html`<option value=${g.id} ?selected=${g.id === s.gpu}>
              ${t.gpuOption(
                gpuName(g),
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
      ${field(v, 'gpus', t.gpus, t.gpusHelp, quantityInput(v, 'gpus', 'gpus'))}
      <div class="field" part="field">
        <label for="projection-price">${t.projectionPrice(name)}</label>
        ${moneyInput(v, 'projection-price', `price-${s.gpu}`, v.prices[s.gpu], undefined, (e) => v.setPrice(s.gpu, e), 'projection-price-help')}
        <p class="help" id="projection-price-help">${t.priceHelp} ${cite(gpu.pricePerHour.source)}</p>
      </div>
    </div>
    <dl class="results" data-testid="projection-results">
      <div>
        <dt>${t.resultLabels.flops}</dt>
        <dd data-testid="projection-flops">${t.flopsValue(formatCount(s.parameters), formatCount(s.tokens), formatFlops(p.flops))}</dd>
      </div>
      <div>
        <dt>${t.resultLabels.gpuHours}</dt>
        <dd data-testid="projection-gpu-hours">${p.gpuHours === undefined ? pending : t.gpuHoursValue(formatCount(p.gpuHours), name)}</dd>
      </div>
      <div>
        <dt>${t.resultLabels.cost}</dt>
        <dd data-testid="projection-dollars">
          ${p.dollars === undefined ? pending : html`<strong class="key">${formatDollars(p.dollars)}</strong> ${t.costAt(formatPrice(v.prices[s.gpu]))}`}
        </dd>
      </div>
      <div>
        <dt>${t.resultLabels.wallClock}</dt>
        <dd data-testid="projection-wall-clock">
          ${p.wallClockSeconds === undefined ? pending : t.wallClockValue(formatDuration(p.wallClockSeconds), formatInteger(s.gpus), name)}
        </dd>
      </div>
    </dl>
    <div class="transfer" part="transfer">
      <h4>${t.transferTitle}</h4>
      <p class="help">${t.transferIntro}</p>
      <div class="inputs">
        ${field(
          v,
          'teacher-params',
          t.teacherParams,
          t.teacherParamsHelp,
          quantityInput(v, 'teacher-params', 'teacherParameters'),
          t.exact(formatInteger(s.teacherParameters)),
        )}
        ${field(
          v,
          'api-price',
          t.apiPrice,
          t.apiPriceHelp,
          moneyInput(v, 'api-price', 'api-price', s.apiPricePerMillionTokens, undefined, (e) => v.onApiPrice(e), 'api-price-help'),
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
                  gpuHours: t.gpuHoursValue(formatCount(teacher.gpuHours), name),
                  dollars: formatDollars(teacher.dollars),
                  time: t.wallClockValue(formatDuration(teacher.wallClockSeconds), formatInteger(s.gpus), name),
                })}
          </dd>
        </div>
        <div>
          <dt>${t.transferApi} ${cite('assumption')}</dt>
          <dd data-testid="transfer-api">
            ${t.transferApiValue(formatCount(s.tokens), formatPrice(s.apiPricePerMillionTokens), formatDollars(bill))}
          </dd>
        </div>
      </dl>
    </div>
  </section>`;
}
