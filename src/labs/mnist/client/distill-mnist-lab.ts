import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cloneMnistExperiment, presetById, type MnistExperiment } from '../shared/schema';
import './distill-mnist-controls/distill-mnist-controls';
import './distill-digits/distill-digits';
import './distill-class-errors/distill-class-errors';
import '../../../components/distill-curves/distill-curves';
import type { DistillCurves } from '../../../components/distill-curves/distill-curves';
import type { CurvesSpec } from '../../../components/distill-curves/curves-spec';
import { defineElement } from '../../../components/shared/define';
import { LabPanelElement } from '../../../components/shared/lab-panel';
import type { DistillDigitDrawnDetail, DistillDigitSelectDetail, DistillMnistChangeDetail, DistillPresetDetail } from './events';
import { formatInteger } from '../../../shared/format';
import { labPanelStyles } from '../../../components/shared/panel-styles';
import { hostStyles } from '../../../components/shared/styles';
import { emitPanel } from '../../panel-events';
import type { MnistInit, MnistSnapshot, MnistStudentReadout } from '../shared/readouts';
import { mnistCurvesSpec, mnistPoint } from './curves';
import { mnistMsg } from '../i18n/index';

/** Label of a drawn digit in the strip (not a digit 0–9). */
const DRAWN = 255;

/**
 * The MNIST lab's panel: its controls (presets, up to three students), the digits with every
 * model's distribution, the test-error curves and the per-digit errors. A view: the playground
 * hands it the page state and the run's readouts, and it sends intents back as events.
 *
 * @summary The MNIST lab: controls, digits and distributions, test errors.
 *
 * @slot starting - Shown in place of the summary while the run starts.
 * @slot cost - The cost widget, below the per-digit errors.
 *
 * @event distill-experiment-change - `{ experiment, preset }`: the whole updated MNIST experiment.
 * @event distill-view-change - `{ backend? , speed? }`.
 * @event distill-input - `{ name: 'digits', payload: { images, labels } }`: a digit was drawn.
 *
 * @csspart controls - The controls column.
 * @csspart digits - The digit strip, drawing pad and distributions.
 * @csspart error-chart - The test-error curves.
 * @csspart class-errors - The per-digit errors.
 * @csspart summary - The teacher summary and the training compute so far.
 */
export class DistillMnistLab extends LabPanelElement<MnistSnapshot> {
  static override styles = [hostStyles, labPanelStyles];

  @property({ attribute: false }) experiment: MnistExperiment | null = null;
  @property({ attribute: false }) preset: string | null = null;
  @property({ attribute: false }) init: MnistInit | null = null;

  /** Index of the digit shown in the distribution bars. */
  @state() private selectedDigit = 0;
  /** The curves' spec follows the students' ids and labels; a new spec only when they change. */
  @state() private curvesSpec: CurvesSpec = mnistCurvesSpec([]);
  private specKey = '[]';

  protected note(s: MnistSnapshot, fresh: boolean): void {
    if (fresh) this.selectedDigit = Math.min(this.selectedDigit, s.mnist.digits.count - 1);
  }

  protected plot(curves: DistillCurves, s: MnistSnapshot): void {
    const students = this.labelled(s.mnist.students);
    const key = JSON.stringify(students.map((x) => [x.id, x.label]));
    if (key !== this.specKey) {
      this.specKey = key;
      this.curvesSpec = mnistCurvesSpec(students);
      // Applied at once, so this point lands in the new spec's history.
      curves.spec = this.curvesSpec;
    }
    // The training loss exists from the first step; step 0 has none (NaN) and leaves a gap.
    const withLoss = students.map((x, i) => ({ ...x, trainLoss: s.step > 0 ? s.losses[i]?.total : undefined }));
    const point = mnistPoint(s.step, s.mnist.teacher, withLoss);
    curves.push(point.x, point.values);
  }

  /** Students named for people, from their specs (the worker only knows their ids). */
  private labelled(students: MnistStudentReadout[]): MnistStudentReadout[] {
    const specs = this.experiment?.students ?? [];
    return students.map((s, i) => {
      const spec = specs[i];
      return spec ? { ...s, label: mnistMsg.panel.mnistStudent(s.id, spec.objective, spec.access, spec.k, spec.hidden.join('-')) } : s;
    });
  }

  private onChange(event: CustomEvent<DistillMnistChangeDetail>): void {
    event.stopPropagation();
    const d = event.detail;
    if ('mnist' in d) emitPanel(this, 'distill-experiment-change', { experiment: d.mnist, preset: null });
    else emitPanel(this, 'distill-view-change', d);
  }

  private onPreset(event: CustomEvent<DistillPresetDetail>): void {
    event.stopPropagation();
    const preset = presetById(event.detail.id);
    if (preset) emitPanel(this, 'distill-experiment-change', { experiment: cloneMnistExperiment(preset.experiment), preset: preset.id });
  }

  private onDigitSelect(event: CustomEvent<DistillDigitSelectDetail>): void {
    this.selectedDigit = event.detail.index;
  }

  /** A drawn digit joins the strip (as its last image, label 255) until the next run. */
  private onDigitDrawn(event: CustomEvent<DistillDigitDrawnDetail>): void {
    const digits = this.snapshot?.mnist.digits;
    if (!digits) return;
    const image = event.detail.image;
    const strip = digits.labels[digits.count - 1] === DRAWN ? digits.count - 1 : digits.count;
    const images = new Float32Array((strip + 1) * 784);
    images.set(digits.images.subarray(0, strip * 784));
    images.set(image, strip * 784);
    const labels = new Uint8Array(strip + 1);
    labels.set(digits.labels.subarray(0, strip));
    labels[strip] = DRAWN;
    this.selectedDigit = strip;
    emitPanel(this, 'distill-input', { name: 'digits', payload: { images, labels } });
  }

  private renderSummary() {
    const init = this.init;
    if (!init || this.starting) return this.renderStartingSummary();
    return html`<p class="summary" part="summary">
      ${mnistMsg.panel.mnistSummary({
        teacherArchitecture: init.teacher.architecture,
        teacherParameters: formatInteger(init.teacher.parameters),
        teacherErrors: formatInteger(init.teacher.testErrors),
        transfer: formatInteger(init.transfer.size),
        leftOut: init.transfer.digitsLeftOut.join(', '),
      })}
      <br />
      ${this.renderCompute()}
    </p>`;
  }

  /** How much of the test set the students' errors were measured on: a running estimate until whole. */
  private renderEvaluation() {
    const ev = this.snapshot?.mnist.evaluation;
    if (!ev) return nothing;
    const text = ev.done < ev.total
      ? mnistMsg.mnist.evaluating(formatInteger(ev.done), formatInteger(ev.total))
      : mnistMsg.mnist.evaluated(formatInteger(ev.total), formatInteger(ev.fromStep));
    return html`<p class="hint" data-testid="evaluation" aria-live="off">${text}</p>`;
  }

  override render() {
    const e = this.experiment;
    if (!e) return nothing;
    const snap = this.snapshot;
    const students = snap ? this.labelled(snap.mnist.students) : [];
    const leftOut = this.init?.transfer.digitsLeftOut ?? [];
    return html`<div class="layout">
      <distill-mnist-controls
        class="controls"
        part="controls"
        .experiment=${e}
        .preset=${this.preset}
        .running=${this.playing}
        .backendInfo=${this.backendInfo}
        .backend=${this.view.backend}
        .speed=${this.view.speed}
        @distill-mnist-change=${this.onChange}
        @distill-preset=${this.onPreset}
      ></distill-mnist-controls>
      <main class="views" aria-busy=${this.starting ? 'true' : 'false'}>
        ${this.renderSummary()}
        <section class="panel" aria-labelledby="digits-title">
          <h2 id="digits-title">${mnistMsg.panel.digitsTitle}</h2>
          <p class="hint">${mnistMsg.panel.digitsHint}</p>
          <distill-digits
            part="digits"
            .digits=${snap?.mnist.digits ?? null}
            .students=${students.map(({ id, label }) => ({ id, label }))}
            .selected=${this.selectedDigit}
            @distill-digit-select=${this.onDigitSelect}
            @distill-digit-drawn=${this.onDigitDrawn}
          ></distill-digits>
        </section>
        <section class="panel" aria-labelledby="errors-title">
          <h2 id="errors-title">${mnistMsg.panel.errorsTitle}</h2>
          ${this.renderEvaluation()}
          <distill-curves part="error-chart" exportparts="legend, chart, range, plot, latest" .spec=${this.curvesSpec}></distill-curves>
        </section>
        <section class="panel" aria-labelledby="class-errors-title">
          <h2 id="class-errors-title">${mnistMsg.panel.classErrorsTitle}</h2>
          <distill-class-errors part="class-errors" .teacher=${snap?.mnist.teacher ?? null} .students=${students} .highlight=${leftOut[0]}></distill-class-errors>
        </section>
        <section class="panel" part="cost-panel"><slot name="cost"></slot></section>
      </main>
    </div>`;
  }
}

defineElement('distill-mnist-lab', DistillMnistLab);

declare global {
  interface HTMLElementTagNameMap {
    'distill-mnist-lab': DistillMnistLab;
  }
}
