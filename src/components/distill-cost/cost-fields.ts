/**
 * The editable assumptions of `<distill-cost>`: a labelled field with its explanation and error,
 * quantity inputs ("37B", "14.8T") and dollar inputs. An input whose text did not parse keeps that
 * text, so the user can fix it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatCount } from '../../cost/units';
import { msg } from '../../i18n/index';
import { type FieldId, moneyFieldText, type QuantityKey } from './cost-data';
import type { CostView } from './cost-parts';

export function field(
  v: CostView,
  id: FieldId,
  label: string,
  help: string,
  control: TemplateResult,
  extra?: TemplateResult | string,
): TemplateResult {
  const bad = v.invalid[id] !== undefined;
  return html`<div class="field" part="field">
    <label for=${id}>${label}</label>
    ${control}
    ${extra === undefined ? nothing : html`<p class="exact" aria-hidden="true">${extra}</p>`}
    ${bad ? html`<p class="error" id="${id}-error" role="alert">${msg.cost.invalidNumber}</p>` : nothing}
    <p class="help" id="${id}-help">${help}</p>
  </div>`;
}

export function quantityInput(v: CostView, id: FieldId, key: QuantityKey): TemplateResult {
  const value = v.invalid[id] ?? formatCount(v.settings[key]);
  const bad = v.invalid[id] !== undefined;
  return html`<input
    id=${id}
    type="text"
    inputmode="decimal"
    autocomplete="off"
    spellcheck="false"
    .value=${live(value)}
    aria-invalid=${bad ? 'true' : 'false'}
    aria-describedby=${bad ? `${id}-error ${id}-help` : `${id}-help`}
    @change=${(e: Event) => v.onQuantity(id, key, e)}
  />`;
}

export function moneyInput(
  v: CostView,
  domId: string,
  id: FieldId,
  value: number,
  label: string | undefined,
  onChange: (e: Event) => void,
  describedBy?: string,
): TemplateResult {
  const bad = v.invalid[id] !== undefined;
  return html`<span class="money"
    ><span class="currency" aria-hidden="true">$</span
    ><input
      id=${domId}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      .value=${live(v.invalid[id] ?? moneyFieldText(value))}
      aria-label=${label ?? nothing}
      aria-invalid=${bad ? 'true' : 'false'}
      aria-describedby=${describedBy ?? nothing}
      @change=${onChange}
  /></span>`;
}
