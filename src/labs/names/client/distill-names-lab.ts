import '../../../components/distill-gain/distill-gain';
import { namesGain } from './gain';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../../../components/distill-curves/distill-curves';
import type { DistillCurves } from '../../../components/distill-curves/distill-curves';
import type { CurvesSpec } from '../../../components/distill-curves/curves-spec';
import { defineElement } from '../../../components/shared/define';
import { LabPanelElement } from '../../../components/shared/lab-panel';
import { labPanelStyles } from '../../../components/shared/panel-styles';
import { hostStyles } from '../../../components/shared/styles';
import { formatInteger, formatNats } from '../../../shared/format';
import type { NamesInit, NamesSnapshot } from '../shared/readouts';
import type { NamesExperiment } from '../shared/schema';
import { namesMsg } from '../i18n/index';
import { namesCurvesSpec, namesPoint, studentLabel } from './curves';
import { meterRows } from './view-data';
import './distill-names-controls/distill-names-controls';
import './distill-names-meter/distill-names-meter';
import './distill-names-prefix/distill-names-prefix';
import './distill-names-stream/distill-names-stream';

/**
 * The names lab's panel: controls; the prefix box with each model's next-character bars and, under
 * it, the stream of names each model writes, beside the validation NLL, KL and training-loss
 * curves; the access meter and bill beside the cost widget. A view: the playground hands it the page state and readouts.
 *
 * @summary The names lab: distilling a character-level language model through an API.
 *
 * @slot starting - Shown in place of the summary while the run starts.
 * @slot cost - The cost widget, beside the access meter.
 *
 * @event distill-experiment-change - `{ experiment }`: the whole updated names experiment.
 * @event distill-view-change - `{ backend? , speed? }`.
 * @event distill-input - `{ name: 'prefix', payload: string }`.
 * @event distill-command - From the controls, unchanged.
 *
 * @csspart controls - The controls column.
 * @csspart prefix - The prefix box and its bars.
 * @csspart stream - The sample stream.
 * @csspart chart - The curves (`<distill-curves>`; its parts are exported).
 * @csspart meter - The access meter.
 * @csspart summary - The teacher/student summary and the training compute so far.
 */
export class DistillNamesLab extends LabPanelElement<NamesSnapshot> {
  static override styles = [
    hostStyles,
    labPanelStyles,
    // One screen on a laptop: the prefix bars beside the curves, then the stream and the meter.
    css`
      .stage {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        align-items: start;
        gap: 0.6em;
      }
      .stage .panel {
        padding: 0.5em 0.75em 0.6em;
      }
      .curves-panel {
        --distill-chart-height: clamp(100px, calc(50vh - 260px), 200px);
      }
      .stage h2 {
        font-size: 1em;
        margin: 0 0 0.3em;
      }
      .views {
        gap: 0.6em;
      }
      .column {
        display: grid;
        gap: 0.6em;
        min-width: 0;
      }
      distill-names-prefix {
        --distill-bar-height: 72px;
      }
      @container (max-width: 1100px) {
        .stage {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) experiment: NamesExperiment | null = null;
  @property({ attribute: false }) init: NamesInit | null = null;

  @state() private curvesSpec: CurvesSpec = namesCurvesSpec([], null);
  private specKey = '';
  /** Per curves element, the step of the last validation pass plotted (light snapshots repeat it). */
  private plottedAt = new WeakMap<DistillCurves, number>();

  protected note(s: NamesSnapshot, fresh: boolean): void {
    if (fresh) this.plottedAt = new WeakMap();
    // The spec follows the students (and names the teacher's and the bigram's figures).
    const key = JSON.stringify([s.students.map((st) => [st.access, st.k]), s.bigram.nll, s.teacher.validation.nll]);
    if (key !== this.specKey) {
      this.specKey = key;
      this.curvesSpec = namesCurvesSpec(s.students, { teacher: s.teacher.validation.nll, bigram: s.bigram.nll });
    }
  }

  protected plot(curves: DistillCurves, s: NamesSnapshot): void {
    // Applied at once, so this point lands in the new spec's history.
    if (curves.spec !== this.curvesSpec) curves.spec = this.curvesSpec;
    if (this.plottedAt.get(curves) === s.evaluatedAt) return;
    this.plottedAt.set(curves, s.evaluatedAt);
    const point = namesPoint(s);
    curves.push(point.x, point.values);
  }

  private labels(): string[] {
    return (this.snapshot?.students ?? this.experiment?.students ?? []).map((s, i) => studentLabel(i, s));
  }

  private renderSummary() {
    const init = this.init;
    if (!init || this.starting) return this.renderStartingSummary();
    const ratio = init.teacher.parameters / init.studentParameters;
    return html`<p class="summary" part="summary">
      ${namesMsg.panel.summary({
        teacherArchitecture: init.teacher.architecture,
        teacherParameters: formatInteger(init.teacher.parameters),
        teacherNll: formatNats(init.teacher.validationNll),
        bigramNll: formatNats(init.teacher.bigramValidationNll),
        studentParameters: formatInteger(init.studentParameters),
        ratio: ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1),
        corpus: namesMsg.panel.corpus(formatInteger(init.corpus.train), formatInteger(init.corpus.validation), formatInteger(init.corpus.test)),
      })}
      <br />
      ${this.renderCompute()}
    </p>`;
  }

  override render() {
    const e = this.experiment;
    if (!e) return nothing;
    const snap = this.snapshot;
    const labels = this.labels();
    const t = namesMsg.panel;
    return html`<div class="layout">
      ${this.renderSettings(html`<distill-names-controls
        .experiment=${e}
        .view=${this.view}
        .running=${this.playing}
        .backendInfo=${this.backendInfo}
      ></distill-names-controls>`)}
      <main class="views" aria-busy=${this.starting ? 'true' : 'false'}>
        ${this.renderToolbar()}
        <distill-gain part="gain" .view=${namesGain(e, { step: snap?.step ?? 0, students: snap?.students ?? [], labels })}></distill-gain>
        <div class="stage">
          <div class="column">
            <section class="panel" aria-labelledby="prefix-title">
              <h2 id="prefix-title">${t.prefixTitle}</h2>
              <distill-names-prefix
                part="prefix"
                .teacher=${snap?.prefix.teacher ?? null}
                .students=${snap?.prefix.students ?? null}
                .labels=${labels}
                .current=${snap?.prefix.text ?? ''}
                .temperature=${e.knobs.temperature}
                ?disabled=${!this.init}
              ></distill-names-prefix>
            </section>
            <section class="panel" aria-labelledby="stream-title">
              <h2 id="stream-title">${t.streamTitle}</h2>
              <distill-names-stream
                part="stream"
                .teacher=${snap ? { label: namesMsg.lossChart.teacher, ...snap.teacher } : null}
                .students=${(snap?.students ?? []).map((s, i) => ({ label: labels[i] ?? '', samples: s.samples, novelty: s.novelty }))}
                .temperature=${e.knobs.streamTemperature}
              ></distill-names-stream>
            </section>
          </div>
          <section class="panel curves-panel" aria-labelledby="chart-title">
            <h2 id="chart-title">${t.chartTitle}</h2>
            <distill-curves part="chart" exportparts="legend, chart, plot, latest" .spec=${this.curvesSpec}></distill-curves>
          </section>
        </div>
        ${this.renderSummary()}
        <section class="panel" aria-labelledby="meter-title">
          <h2 id="meter-title">${t.meterTitle}</h2>
          <distill-names-meter part="meter" .rows=${snap ? meterRows(snap) : []} .labels=${labels} .price=${e.knobs.price}></distill-names-meter>
        </section>
        <section class="panel" part="cost-panel"><slot name="cost"></slot></section>
      </main>
    </div>`;
  }
}

defineElement('distill-names-lab', DistillNamesLab);

declare global {
  interface HTMLElementTagNameMap {
    'distill-names-lab': DistillNamesLab;
  }
}
