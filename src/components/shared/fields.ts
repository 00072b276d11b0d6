/**
 * Form fields for the control panels, as Lit template helpers: a visible label, the value as text
 * where a slider hides it, and a one-line explanation that the control names through
 * `aria-describedby` (`${id}-help`). Limits come from the parameter tables' `{ min, max, step }`.
 * The helpers render into the calling element's shadow root (a label's `for` must share it), so
 * that element adopts `formStyles`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NumberRange } from '../../state/common';

export type { NumberRange } from '../../state/common';

/** `value` clamped to `range` and rounded to its step (steps of 1 give whole numbers). */
export function clampToStep(value: number, range: NumberRange): number {
  const stepped = Math.round((value - range.min) / range.step) * range.step + range.min;
  const decimals = Math.max(0, -Math.floor(Math.log10(range.step)));
  return Number(Math.min(range.max, Math.max(range.min, stepped)).toFixed(decimals));
}

/** Stops of a log-scale slider from `min` to `max`: 1, 2, 3, 5 per decade, then `max`. */
export function logStops(range: { min: number; max: number }): number[] {
  const stops: number[] = [];
  for (let exp = Math.round(Math.log10(range.min)); exp < Math.round(Math.log10(range.max)); exp++) {
    for (const m of [1, 2, 3, 5]) stops.push(Number((m * 10 ** exp).toPrecision(2)));
  }
  stops.push(range.max);
  return stops;
}

/** Index of the stop nearest to `value` on a log scale. */
export function nearestStop(stops: readonly number[], value: number): number {
  let best = 0;
  const distance = (i: number) => Math.abs(Math.log(stops[i]!) - Math.log(value));
  for (let i = 1; i < stops.length; i++) if (distance(i) < distance(best)) best = i;
  return best;
}

export interface FieldSpec {
  id: string;
  label: string;
  /** The explanation under the control, `${id}-help`. Omit it where a shared line explains several controls. */
  help?: string | TemplateResult;
  /** The value as text beside the label (hidden from screen readers: the control says it). */
  shown?: string | TemplateResult;
  /** A second line under the control, e.g. "70 % teacher · 30 % labels" (visual only too). */
  detail?: string;
}

/** Optional naming of a control when its visible label is not enough or not beside it. */
export interface NameSpec {
  /** `aria-label`, e.g. "Student A: objective". */
  name?: string;
  /** `aria-labelledby`, e.g. a group's legend. */
  labelledBy?: string;
  /** `aria-describedby`; defaults to `${id}-help`. */
  describedBy?: string;
}

/** A labelled control with its value, detail and explanation. */
export function field(spec: FieldSpec, control: TemplateResult): TemplateResult {
  const { id, label, help, shown, detail } = spec;
  return html`<div class="field" part="field field-${id}">
    <div class="head">
      <label for=${id}>${label}</label>
      ${shown === undefined ? nothing : html`<output for=${id} id="${id}-value" aria-hidden="true">${shown}</output>`}
    </div>
    ${control} ${detail === undefined ? nothing : html`<p class="sub" aria-hidden="true">${detail}</p>`}
    ${help === undefined ? nothing : html`<p class="help" part="help" id="${id}-help">${help}</p>`}
  </div>`;
}

/** A group's only control, named by the group's legend rather than a second, identical label. */
export function legendField(id: string, help: string, control: TemplateResult): TemplateResult {
  return html`<div class="field" part="field field-${id}">
    ${control}
    <p class="help" part="help" id="${id}-help">${help}</p>
  </div>`;
}

export interface SelectSpec<T extends string | number> extends NameSpec {
  id: string;
  options: readonly T[];
  current: T;
  text: (option: T) => string;
  onPick: (option: T) => void;
}

export function select<T extends string | number>(spec: SelectSpec<T>): TemplateResult {
  const { id, options, current } = spec;
  return html`<select
    id=${id}
    aria-label=${spec.name ?? nothing}
    aria-labelledby=${spec.labelledBy ?? nothing}
    aria-describedby=${spec.describedBy ?? `${id}-help`}
    @change=${(e: Event) => spec.onPick(options[(e.target as HTMLSelectElement).selectedIndex]!)}
  >
    ${options.map((o) => html`<option value=${String(o)} ?selected=${o === current}>${spec.text(o)}</option>`)}
  </select>`;
}

export function selectField<T extends string | number>(spec: FieldSpec & SelectSpec<T>): TemplateResult {
  return field(spec, select(spec));
}

export interface RangeSpec {
  id: string;
  range: NumberRange;
  value: number;
  /** What a screen reader says for the value ("0.70 · 70 % teacher · 30 % labels"). */
  valueText: string;
  /** While dragging. */
  onInput: (value: number) => void;
  /** On release (for settings that restart a run). */
  onChange?: (value: number) => void;
}

export function range(spec: RangeSpec): TemplateResult {
  const { id, range: r } = spec;
  const read = (e: Event) => (e.target as HTMLInputElement).valueAsNumber;
  return html`<input
    id=${id}
    type="range"
    min=${r.min}
    max=${r.max}
    step=${r.step}
    .value=${live(String(spec.value))}
    aria-valuetext=${spec.valueText}
    aria-describedby="${id}-help"
    @input=${(e: Event) => spec.onInput(read(e))}
    @change=${spec.onChange ? (e: Event) => spec.onChange!(read(e)) : nothing}
  />`;
}

export function rangeField(spec: FieldSpec & RangeSpec): TemplateResult {
  return field(spec, range(spec));
}

/** A log-scale slider over `stops` (e.g. learning rates): its positions are the stops' indices. */
export function logRangeField(
  spec: FieldSpec & { stops: readonly number[]; value: number; valueText: string; onValue: (value: number) => void },
): TemplateResult {
  const { stops } = spec;
  return rangeField({
    ...spec,
    range: { min: 0, max: stops.length - 1, step: 1 },
    value: nearestStop(stops, spec.value),
    onInput: (i) => spec.onValue(stops[i]!),
  });
}

export interface NumberSpec extends NameSpec {
  id: string;
  range: NumberRange;
  value: number;
  /** A finite entry, clamped to the range and its step. */
  onValue: (value: number) => void;
  /** Put the shown value back (an emptied or unchanged entry): usually the host's `requestUpdate`. */
  restore: () => void;
}

/** A number input that clamps to its range on change, and puts back the shown value when emptied. */
export function numberInput(spec: NumberSpec): TemplateResult {
  const { id, range: r } = spec;
  return html`<input
    id=${id}
    type="number"
    inputmode=${r.step < 1 ? 'decimal' : 'numeric'}
    min=${r.min}
    max=${r.max}
    step=${r.step}
    .value=${live(String(spec.value))}
    aria-label=${spec.name ?? nothing}
    aria-labelledby=${spec.labelledBy ?? nothing}
    aria-describedby=${spec.describedBy ?? `${id}-help`}
    @change=${(e: Event) => {
      const v = (e.target as HTMLInputElement).valueAsNumber;
      if (Number.isFinite(v)) spec.onValue(clampToStep(v, r));
      else spec.restore();
    }}
  />`;
}

export function numberField(spec: FieldSpec & NumberSpec): TemplateResult {
  return field(spec, numberInput(spec));
}

export interface CheckboxSpec {
  id: string;
  label: string;
  help: string;
  checked: boolean;
  onToggle: (checked: boolean) => void;
}

/** A checkbox before its label, the explanation under the label. */
export function checkboxField(spec: CheckboxSpec): TemplateResult {
  const { id } = spec;
  return html`<div class="field check" part="field field-${id}">
    <input
      id=${id}
      type="checkbox"
      .checked=${live(spec.checked)}
      aria-describedby="${id}-help"
      @change=${(e: Event) => spec.onToggle((e.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${spec.label}</label>
    <p class="help" part="help" id="${id}-help">${spec.help}</p>
  </div>`;
}

/** Fields and buttons, big enough for projectors and touch (44 px targets), with visible focus. */
export const formStyles = css`
  :host {
    --_accent: var(--distill-accent-color, #0072b2);
    --_border: var(--distill-border-color, #b9bcc4);
    --_surface: var(--distill-surface-color, #ffffff);
    --_muted: var(--distill-muted-color, #4a4d57);
    --_radius: var(--distill-radius, 10px);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.75rem;
  }
  label {
    font-weight: 600;
  }
  output,
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    color: var(--_accent);
    text-align: right;
  }
  .sub {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .help {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    line-height: 1.35;
  }
  .note {
    margin: 0;
    font-size: 0.875em;
  }
  .note.warning {
    color: #8a4b00;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: 44px;
    min-width: 4.5rem;
    padding: 0.4rem 0.8rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .icon {
    display: inline-block;
    width: 1.2em;
    text-align: center;
  }
  select,
  input[type='number'] {
    font: inherit;
    min-height: 44px;
    padding: 0.3rem 0.6rem;
    border: 1.5px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_surface);
    color: inherit;
    width: 100%;
  }
  select:focus-visible,
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--distill-focus-color, #1a5fb4);
    outline-offset: 2px;
  }
  input[type='range'] {
    width: 100%;
    min-height: 40px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75rem;
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.6rem;
    align-items: center;
  }
  .check input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check .help {
    grid-column: 2;
  }
`;
