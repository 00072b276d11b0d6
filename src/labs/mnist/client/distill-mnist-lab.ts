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
import { css } from 'lit';
import '../../../components/distill-gain/distill-gain';
import { mnistGain } from './gain';
import { matchingPreset } from './distill-mnist-controls/preset-match';
import { msg } from '../../../i18n/index';

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
  static override styles = [
    hostStyles,
    labPanelStyles,
    // One screen on a laptop: the gain, then the digits with their distributions beside the
    // test-error curve; the pad, per-digit errors and the rest below.
    css`
      .stage {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.6em;
        align-items: start;
      }
      .stage .panel {
        padding: 0.5em 0.75em 0.6em;
      }
      .stage h2 {
        font-size: 1em;
        margin: 0 0 0.3em;
      }
      .views {
        gap: 0.6em;
      }
      .chart-panel {
        --distill-chart-height: clamp(160px, calc(100vh - 430px), 420px);
      }
      @container (max-width: 1100px) {
        .stage {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) experiment: MnistExperiment | null = null;
  @property({ attribute: false }) preset: string | null = null;
  @property({ attribute: false }) init: MnistInit | null = null;

  /** Index of the digit shown in the distribution bars. */
  @state() private selectedDigit = 0;
  /** The curves' specs follow the students' ids and labels; new specs only when they change. */
  @state() private curvesSpec: CurvesSpec = mnistCurvesSpec([], 'stage');
  @state() private moreSpec: CurvesSpec = mnistCurvesSpec([], 'more');
  private specKey = '[]';

  protected note(s: MnistSnapshot, fresh: boolean): void {
    if (fresh) this.selectedDigit = Math.min(this.selectedDigit, s.mnist.digits.count - 1);
  }

  protected plot(curves: DistillCurves, s: MnistSnapshot): void {
    const students = this.labelled(s.mnist.students);
    const key = JSON.stringify(students.map((x) => [x.id, x.label]));
    if (key !== this.specKey) {
      this.specKey = key;
      this.curvesSpec = mnistCurvesSpec(students, 'stage');
      this.moreSpec = mnistCurvesSpec(students, 'more');
    }
    // Applied at once, so this point lands in the new spec's history.
    const spec = curves.dataset.which === 'more' ? this.moreSpec : this.curvesSpec;
    if (curves.spec !== spec) curves.spec = spec;
    // The training loss exists from the first step; step 0 has none (NaN) and leaves a gap.
    const withLoss = students.map((x, i) => ({ ...x, trainLoss: s.step > 0 ? s.losses[i]?.total : undefined }));
    const point = mnistPoint(s.step, s.mnist.teacher, withLoss);
    curves.push(point.x, point.values);
  }

  /** "B · Logit KD": the stage's short name for a student (its legend has the full one). */
  private shortLabel(id: string, index: number): string {
    const spec = this.experiment?.students[index];
    return spec ? mnistMsg.panel.mnistStudentShort(id, spec.objective) : id;
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
    const preset = (this.preset ? presetById(this.preset) : undefined) ?? (this.preset === null ? matchingPreset(e) : undefined);
    const gain = mnistGain(e, {
      step: snap?.step ?? 0,
      students,
      evaluation: snap?.mnist.evaluation ?? null,
      presetLookFor: preset?.summary ?? null,
    });
    return html`<div class="layout">
      ${this.renderSettings(html`<distill-mnist-controls
        .experiment=${e}
        .preset=${this.preset}
        .running=${this.playing}
        .backendInfo=${this.backendInfo}
        .backend=${this.view.backend}
        .speed=${this.view.speed}
        @distill-mnist-change=${this.onChange}
        @distill-preset=${this.onPreset}
      ></distill-mnist-controls>`)}
      <main class="views" aria-busy=${this.starting ? 'true' : 'false'}>
        ${this.renderToolbar()}
        <distill-gain part="gain" .view=${gain}></distill-gain>
        <div class="stage">
          <section class="panel" aria-labelledby="digits-title">
            <h2 id="digits-title" title=${mnistMsg.panel.digitsHint}>${mnistMsg.panel.digitsTitle}</h2>
            <distill-digits
              part="digits"
              compact
              .digits=${snap?.mnist.digits ?? null}
              .students=${students.map(({ id }, i) => ({ id, label: this.shortLabel(id, i) }))}
              .selected=${this.selectedDigit}
              @distill-digit-select=${this.onDigitSelect}
              @distill-digit-drawn=${this.onDigitDrawn}
            ></distill-digits>
          </section>
          <section class="panel chart-panel" aria-labelledby="errors-title">
            <h2 id="errors-title">${mnistMsg.panel.errorsTitle}</h2>
            ${this.renderEvaluation()}
            <distill-curves data-which="stage" part="error-chart" exportparts="legend, chart, range, plot, latest" .spec=${this.curvesSpec}></distill-curves>
          </section>
        </div>
        ${this.renderSummary()}
        <section class="panel" aria-labelledby="class-errors-title">
          <h2 id="class-errors-title">${mnistMsg.panel.classErrorsTitle}</h2>
          <distill-class-errors part="class-errors" .teacher=${snap?.mnist.teacher ?? null} .students=${students} .highlight=${leftOut[0]}></distill-class-errors>
        </section>
        <section class="panel" aria-labelledby="more-title">
          <h2 id="more-title">${msg.panel.moreViews}</h2>
          <p class="hint">${mnistMsg.panel.digitsHint}</p>
          <distill-curves data-which="more" part="loss-chart" exportparts="legend: loss-legend, chart: loss-chart-figure, plot: loss-plot, latest: loss-latest" .spec=${this.moreSpec}></distill-curves>
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
