import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AppState, ExperimentConfig } from '../shared/schema';
import './distill-controls/distill-controls';
import './distill-logits/distill-logits';
import '../../../components/distill-curves/distill-curves';
import type { DistillCurves } from '../../../components/distill-curves/distill-curves';
import './distill-regions/distill-regions';
import { defineElement } from '../../../components/shared/define';
import { LabPanelElement } from '../../../components/shared/lab-panel';
import type { DistillChangeDetail, DistillProbePickDetail, DistillProbeSelectDetail } from './events';
import { formatInteger, formatPercent } from '../../../shared/format';
import { labPanelStyles } from '../../../components/shared/panel-styles';
import { hostStyles } from '../../../components/shared/styles';
import { emitPanel } from '../../panel-events';
import type { Toy2dInit, Toy2dSnapshot } from '../shared/readouts';
import { toy2dCurvesSpec, toy2dPoint } from './curves';
import '../../../components/distill-gain/distill-gain';
import { toy2dGain } from './gain';
import { msg } from '../../../i18n/index';
import { toy2dMsg } from '../i18n/index';

const MAX_PROBES = 3;

/**
 * The 2-D lab's panel: its controls, the decision regions of teacher and students, the probe
 * distributions and the curves. A view: the playground hands it the page state and the run's
 * readouts, and it sends intents back as events.
 *
 * @summary The 2-D lab: controls, decision regions, probe distributions, curves.
 *
 * @slot starting - Shown in place of the summary while the run starts.
 * @slot cost - The cost widget, below the curves.
 *
 * @event distill-experiment-change - `{ experiment }`: the whole updated 2-D experiment.
 * @event distill-view-change - `{ backend? , speed? }`.
 * @event distill-input - `{ name: 'probes', payload: Float32Array }`: probe points moved.
 * @event distill-command - From the controls, unchanged.
 *
 * @csspart controls - The controls column.
 * @csspart regions - The decision-region maps.
 * @csspart logits - The probe distributions.
 * @csspart chart - The loss and accuracy curves (`<distill-curves>`; its parts are exported).
 * @csspart summary - The teacher/student size summary and the training compute so far.
 */
export class DistillToy2dLab extends LabPanelElement<Toy2dSnapshot> {
  static override styles = [
    hostStyles,
    labPanelStyles,
    // One screen on a laptop: the gain, then maps beside the selected probe's bars, then the
    // stage's curves; explanations and the rest below.
    css`
      distill-regions {
        --distill-map-size: 1fr;
        --distill-map-min: 9rem;
        --distill-key-font-size: 0.85em;
      }
      distill-logits {
        --distill-bar-height: 64px;
      }
      .stage {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(14rem, 17rem);
        grid-template-areas: 'maps bars' 'curves bars';
        align-items: start;
        gap: 0.6em;
      }
      .stage .panel {
        padding: 0.5em 0.75em 0.6em;
      }
      .stage h2 {
        font-size: 1em;
        margin: 0 0 0.3em;
      }
      .maps-panel {
        grid-area: maps;
      }
      .bars-panel {
        grid-area: bars;
      }
      .curves-panel {
        grid-area: curves;
        --distill-chart-height: clamp(100px, calc(100vh - 600px), 280px);
      }
      .views {
        gap: 0.6em;
      }
      @container (max-width: 1100px) {
        .stage {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'maps' 'bars' 'curves';
        }
        .curves-panel {
          --distill-chart-height: 180px;
        }
      }
    `,
  ];

  @property({ attribute: false }) experiment: ExperimentConfig | null = null;
  @property({ attribute: false }) init: Toy2dInit | null = null;

  /** Student decision regions arrive in some snapshots only: the latest are kept. */
  @state() private regions: Toy2dSnapshot['regions'] | null = null;
  @state() private selectedProbe = 0;
  private readonly stageSpec = toy2dCurvesSpec('stage');
  private readonly moreSpec = toy2dCurvesSpec('more');

  protected note(s: Toy2dSnapshot, fresh: boolean): void {
    // Keep the previous probe array when the points did not move, so views can skip a repaint.
    const previous = this.snapshot?.probes.points;
    if (!fresh && previous && previous.length === s.probes.points.length && previous.every((v, i) => v === s.probes.points[i])) {
      s.probes.points = previous;
    }
    if (fresh) {
      this.regions = s.regions ?? null;
      this.selectedProbe = Math.min(this.selectedProbe, s.probes.count - 1);
    } else if (s.regions) {
      this.regions = s.regions;
    }
  }

  protected plot(curves: DistillCurves, s: Toy2dSnapshot): void {
    const point = toy2dPoint(s);
    curves.push(point.x, point.values);
  }

  /** The controls edit the 2-D lab's state: its experiment plus the view settings. */
  private get appState(): AppState | null {
    const e = this.experiment;
    if (!e) return null;
    const { lab: _lab, ...rest } = e;
    return { ...rest, lab: 'toy2d', ...this.view };
  }

  private onChange(event: CustomEvent<DistillChangeDetail>): void {
    event.stopPropagation();
    const e = this.experiment;
    if (!e) return;
    const { lab: _lab, ...patch } = this.takeView(event.detail);
    if (Object.keys(patch).length === 0) return;
    const next: ExperimentConfig = {
      ...e,
      ...patch,
      lab: 'toy2d',
      student: patch.student ? { ...patch.student, hidden: [...patch.student.hidden] } : e.student,
      knobs: patch.knobs ? { ...e.knobs, ...patch.knobs } : e.knobs,
    };
    // A new data set brings its own default probes.
    if (next.dataset !== e.dataset) this.selectedProbe = 0;
    emitPanel(this, 'distill-experiment-change', { experiment: next });
  }

  private onProbeSelect(event: CustomEvent<DistillProbeSelectDetail>): void {
    this.selectedProbe = event.detail.index;
  }

  /** A point picked on a map replaces the selected probe (or adds one while fewer than three). */
  private onProbePick(event: CustomEvent<DistillProbePickDetail>): void {
    const current = this.snapshot?.probes.points;
    if (!current) return;
    const points = Array.from(current);
    const index = Math.min(this.selectedProbe, MAX_PROBES - 1);
    points[index * 2] = event.detail.x;
    points[index * 2 + 1] = event.detail.y;
    emitPanel(this, 'distill-input', { name: 'probes', payload: new Float32Array(points) });
  }

  private renderSummary() {
    const init = this.init;
    if (!init || this.starting) return this.renderStartingSummary();
    const ratio = init.teacher.parameters / init.studentParameters;
    const hidden = this.experiment?.student.hidden ?? [];
    return html`<p class="summary" part="summary">
      ${toy2dMsg.panel.summary({
        teacherArchitecture: init.teacher.architecture.replace('K', String(init.dataset.classes)),
        teacherParameters: formatInteger(init.teacher.parameters),
        teacherAccuracy: formatPercent(init.teacher.testAccuracy),
        studentArchitecture: ['2', ...hidden.map(String), String(init.dataset.classes)].join(' → '),
        studentParameters: formatInteger(init.studentParameters),
        ratio: ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1),
      })}
      <br />
      ${this.renderCompute()}
    </p>`;
  }

  override render() {
    const state = this.appState;
    const e = this.experiment;
    if (!state || !e) return nothing;
    const init = this.init;
    const snap = this.snapshot;
    const classes = init?.dataset.classes ?? 3;
    const gain = toy2dGain(e, { step: snap?.step ?? 0, student: snap?.student ?? null, labelsOnly: snap?.labelsOnly ?? null }, classes);
    return html`<div class="layout">
      ${this.renderSettings(html`<distill-controls
        .state=${state}
        .running=${this.playing}
        .backendInfo=${this.backendInfo}
        .studentParameters=${init?.studentParameters}
        ?disabled=${!init}
        @distill-change=${this.onChange}
      ></distill-controls>`)}
      <main class="views" aria-busy=${this.starting ? 'true' : 'false'}>
        ${this.renderToolbar()}
        <distill-gain part="gain" .view=${gain}></distill-gain>
        <div class="stage">
          <section class="panel maps-panel" aria-labelledby="regions-title">
            <h2 id="regions-title" class="visually-hidden">${toy2dMsg.panel.regionsTitle}</h2>
            <distill-regions
              part="regions"
              .teacher=${init?.teacher.regions ?? null}
              .student=${this.regions?.student ?? null}
              .labelsOnly=${state.labelsOnly ? (this.regions?.labelsOnly ?? null) : null}
              .points=${init?.dataset.train ?? null}
              .probePoints=${snap?.probes.points ?? null}
              .selected=${this.selectedProbe}
              .classes=${classes}
              @distill-probe-pick=${this.onProbePick}
            ></distill-regions>
          </section>
          <section class="panel bars-panel" aria-labelledby="logits-title">
            <h2 id="logits-title" title=${toy2dMsg.panel.logitsHint}>${toy2dMsg.panel.logitsTitle}</h2>
            <distill-logits
              part="logits"
              selected-only
              .probes=${snap?.probes ?? null}
              .selected=${this.selectedProbe}
              .labelsOnly=${state.labelsOnly}
              @distill-probe-select=${this.onProbeSelect}
            ></distill-logits>
          </section>
          <section class="panel curves-panel" aria-labelledby="chart-title">
            <h2 id="chart-title" class="visually-hidden">${toy2dMsg.panel.chartTitle}</h2>
            <distill-curves part="chart" exportparts="legend, chart, plot, latest" .spec=${this.stageSpec}></distill-curves>
          </section>
        </div>
        ${this.renderSummary()}
        <section class="panel" aria-labelledby="more-title">
          <h2 id="more-title">${msg.panel.moreViews}</h2>
          <p class="hint">${toy2dMsg.panel.regionsHint}</p>
          <p class="hint">${toy2dMsg.panel.logitsHint}</p>
          <distill-curves part="more-chart" exportparts="legend: more-legend, chart: more-chart-figure, plot: more-plot, latest: more-latest" .spec=${this.moreSpec}></distill-curves>
        </section>
        <section class="panel" part="cost-panel"><slot name="cost"></slot></section>
      </main>
    </div>`;
  }
}

defineElement('distill-toy2d-lab', DistillToy2dLab);

declare global {
  interface HTMLElementTagNameMap {
    'distill-toy2d-lab': DistillToy2dLab;
  }
}
