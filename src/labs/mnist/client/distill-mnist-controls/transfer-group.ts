/**
 * The Transfer set group of `<distill-mnist-controls>`: its size, the digits left out of it, and the
 * bias correction for those digits. A template function, so its fields share the panel's shadow
 * root and styles; the panel keeps the slider's value while it is dragged.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { digitsKept, digitsLeftOut, MNIST_CLASSES, type MnistExperiment, type MnistKnobs } from '../../shared/schema';
import { checkboxField, clampToStep, numberField, rangeField } from '../../../../components/shared/fields';
import { formatInteger } from '../../../../shared/format';
import { mnistMsg } from '../../i18n/index';
import { limits } from '../../../params';
import { mnistTable } from '../../shared/params';

export interface TransferActions {
  setKnobs(patch: Partial<MnistKnobs>): void;
  edit(edit: (e: MnistExperiment) => void): void;
  /** Keep the size slider's value while it is dragged (null once it is released). */
  draft(size: number | null): void;
  /** Render the panel again (a dragged value; a field's shown value put back). */
  restore(): void;
}

/** Leaves `digit` out of the transfer set (or takes it back), never leaving no digit at all. */
function toggleDigit(act: TransferActions, digit: number, leaveOut: boolean): void {
  act.edit((e) => {
    const set = new Set(e.transfer.excludeDigits);
    if (leaveOut) set.add(digit);
    else set.delete(digit);
    const excludeDigits = [...set].sort((a, b) => a - b);
    // Never leave no digit at all (the checkbox of the last one is disabled too).
    if (digitsKept({ ...e.transfer, excludeDigits }).length > 0) e.transfer.excludeDigits = excludeDigits;
  });
}

/** `draftSize`: the size slider's value while it is dragged, else null. */
export function transferGroup(experiment: MnistExperiment, draftSize: number | null, act: TransferActions): TemplateResult {
  const t = mnistMsg.mnistControls;
  const transfer = experiment.transfer;
  const k = experiment.knobs;
  const size = draftSize ?? transfer.size;
  const kept = digitsKept(transfer);
  const leftOut = digitsLeftOut(transfer);
  return html`<fieldset part="group group-transfer">
    <legend>${t.groups.transfer}</legend>
    ${rangeField({
      id: 'transfer-size',
      label: t.transferSize,
      help: t.transferSizeHelp,
      shown: t.images(formatInteger(size)),
      range: limits(mnistTable, 'transfer.size'),
      value: size,
      valueText: t.images(formatInteger(size)),
      onInput: (v) => {
        act.draft(v);
        act.restore();
      },
      onChange: (v) => {
        act.draft(null);
        act.edit((x) => (x.transfer.size = clampToStep(v, limits(mnistTable, 'transfer.size'))));
      },
    })}
    <fieldset class="digits-group" part="digits">
      <legend>${t.leaveOut}</legend>
      <div class="digits">
        ${Array.from({ length: MNIST_CLASSES }, (_, d) => {
          const excluded = transfer.excludeDigits.includes(d);
          // The last digit still kept cannot be left out too.
          const last = !excluded && kept.length === 1 && kept[0] === d;
          return html`<label class="digit ${excluded ? 'checked' : ''}">
            <input
              type="checkbox"
              .checked=${live(excluded)}
              ?disabled=${last}
              aria-label=${t.leaveOutDigit(d)}
              aria-describedby=${last ? 'leave-out-help last-digit-help' : 'leave-out-help'}
              @change=${(e: Event) => toggleDigit(act, d, (e.target as HTMLInputElement).checked)}
            /><span>${d}</span>
          </label>`;
        })}
      </div>
      <p class="help" part="help" id="leave-out-help">${t.leaveOutHelp}</p>
      ${kept.length === 1 ? html`<p class="help" part="help" id="last-digit-help">${t.lastDigit}</p>` : nothing}
      ${transfer.onlyDigits ? html`<p class="note">${t.onlyDigits(transfer.onlyDigits.join(', '))}</p>` : nothing}
    </fieldset>
    ${checkboxField({
      id: 'bias-correction',
      label: t.biasCorrection,
      help: t.biasCorrectionHelp,
      checked: k.biasCorrection,
      onToggle: (biasCorrection) => act.setKnobs({ biasCorrection }),
    })}
    ${k.biasCorrection
      ? numberField({
          id: 'bias-shift',
          label: t.biasShift,
          help: leftOut.length ? t.biasShiftHelp : `${t.biasShiftHelp} ${t.biasNothingLeftOut}`,
          range: limits(mnistTable, 'knobs.biasShift'),
          value: k.biasShift,
          onValue: (biasShift) => act.setKnobs({ biasShift }),
          restore: act.restore,
        })
      : nothing}
  </fieldset>`;
}
