/**
 * The Distillation group of `<distill-mnist-controls>`: T, α, learning rate, batch size, optimizer
 * and, while a student learns from hints, the hint settings. A template function, so its fields
 * share the panel's shadow root and styles.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '../../../../i18n/index';
import {
  HINT_LAYERS,
  HINT_MODES,
  type HintLayer,
  type HintMode,
  MNIST_BATCH_SIZES,
  MNIST_OPTIMIZERS,
  type MnistExperiment,
  type MnistKnobs,
} from '../../shared/schema';
import { logRangeField, logStops, numberField, rangeField, selectField } from '../../../../components/shared/fields';
import { formatFixed, formatInteger, formatKnob, formatPercent, formatSignificant } from '../../../../shared/format';
import { mnistMsg } from '../../i18n/index';
import { limits } from '../../../params';
import { mnistTable } from '../../shared/params';

/** Learning rates the log-scale slider stops at: 1, 2, 3, 5 per decade over the MNIST range. */
export const MNIST_LEARNING_RATE_STOPS: readonly number[] = logStops(limits(mnistTable, 'knobs.learningRate'));

export interface DistillationActions {
  setKnobs(patch: Partial<MnistKnobs>): void;
  edit(edit: (e: MnistExperiment) => void): void;
  restore(): void;
}

export function distillationGroup(experiment: MnistExperiment, act: DistillationActions): TemplateResult {
  const c = msg.controls;
  const t = mnistMsg.mnistControls;
  const k = experiment.knobs;
  const alphaSplit = c.alphaSplit(formatPercent(k.alpha, 0), formatPercent(1 - k.alpha, 0));
  const usesHints = experiment.students.some((s) => s.objective === 'hints');
  return html`<fieldset part="group group-distillation">
    <legend>${t.groups.distillation}</legend>
    ${rangeField({
      id: 'temperature',
      label: c.temperature,
      help: c.temperatureHelp,
      shown: formatFixed(k.temperature, 1),
      range: limits(mnistTable, 'knobs.temperature'),
      value: k.temperature,
      valueText: formatKnob(k.temperature, 1),
      onInput: (temperature) => act.setKnobs({ temperature }),
    })}
    ${rangeField({
      id: 'alpha',
      label: c.alpha,
      help: c.alphaHelp,
      shown: formatFixed(k.alpha, 2),
      detail: alphaSplit,
      range: limits(mnistTable, 'knobs.alpha'),
      value: k.alpha,
      valueText: `${formatFixed(k.alpha, 2)} · ${alphaSplit}`,
      onInput: (alpha) => act.setKnobs({ alpha: Number(alpha.toFixed(2)) }),
    })}
    ${logRangeField({
      id: 'learning-rate',
      label: c.learningRate,
      help: c.learningRateHelp,
      shown: formatSignificant(k.learningRate),
      stops: MNIST_LEARNING_RATE_STOPS,
      value: k.learningRate,
      valueText: formatSignificant(k.learningRate),
      onValue: (learningRate) => act.setKnobs({ learningRate }),
    })}
    <div class="row">
      ${selectField({
        id: 'batch-size',
        label: c.batchSize,
        help: c.batchSizeHelp,
        options: MNIST_BATCH_SIZES,
        current: k.batchSize as (typeof MNIST_BATCH_SIZES)[number],
        text: (b) => formatInteger(b),
        onPick: (batchSize) => act.setKnobs({ batchSize }),
      })}
      ${selectField({
        id: 'optimizer',
        label: c.optimizer,
        help: c.optimizerHelp,
        options: MNIST_OPTIMIZERS,
        current: k.optimizer,
        text: (o) => c.optimizerNames[o],
        onPick: (optimizer) => act.setKnobs({ optimizer }),
      })}
    </div>
    ${usesHints ? hints(experiment, act) : html`<p class="note" data-testid="hints-off">${t.hintsOff}</p>`}
  </fieldset>`;
}

/** Hint (FitNets) settings, shown while some student learns from hints. */
function hints(experiment: MnistExperiment, act: DistillationActions): TemplateResult {
  const t = mnistMsg.mnistControls;
  const k = experiment.knobs;
  return html`${selectField({
      id: 'hint-mode',
      label: t.hintMode,
      help: t.hintModeHelps[k.hintMode],
      options: HINT_MODES,
      current: k.hintMode,
      text: (m) => t.hintModeNames[m],
      onPick: (hintMode: HintMode) => act.setKnobs({ hintMode }),
    })}
    ${k.hintMode === 'two-stage'
      ? numberField({
          id: 'hint-steps',
          label: t.hintSteps,
          help: t.hintStepsHelp,
          range: limits(mnistTable, 'knobs.hintSteps'),
          value: k.hintSteps,
          onValue: (hintSteps) => act.setKnobs({ hintSteps }),
          restore: act.restore,
        })
      : rangeField({
          id: 'hint-weight',
          label: t.hintWeight,
          help: t.hintWeightHelp,
          shown: formatFixed(k.hintWeight, 1),
          range: limits(mnistTable, 'knobs.hintWeight'),
          value: k.hintWeight,
          valueText: formatKnob(k.hintWeight, 1),
          onInput: (hintWeight) => act.setKnobs({ hintWeight: Number(hintWeight.toFixed(1)) }),
        })}
    ${selectField({
      id: 'hint-layer',
      label: t.hintLayer,
      help: t.hintLayerHelp,
      options: HINT_LAYERS,
      current: experiment.hintLayer,
      text: (l) => t.hintLayerOption(l),
      onPick: (hintLayer: HintLayer) => act.edit((e) => (e.hintLayer = hintLayer)),
    })}`;
}
