import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import '../../../components/distill-curves/distill-curves';
import type { DistillCurves } from '../../../components/distill-curves/distill-curves';
import { defineElement } from '../../../components/shared/define';
import { LabPanelElement } from '../../../components/shared/lab-panel';
import { labPanelStyles } from '../../../components/shared/panel-styles';
import { hostStyles } from '../../../components/shared/styles';
import { formatInteger } from '../../../shared/format';
import { emitPanel } from '../../panel-events';
import { cartpoleMsg } from '../i18n/index';
import type { CartpoleInit, CartpoleSnapshot } from '../shared/readouts';
import type { CartpoleExperiment } from '../shared/schema';
import './distill-cartpole-controls/distill-cartpole-controls';
import './distill-cartpole-stage/distill-cartpole-stage';
import { cartpoleCurvesSpec, cartpolePoint } from './curves';
import type { CartpoleChangeDetail } from './events';
import { scoreTable } from './score-table';
import '../../../components/distill-gain/distill-gain';
import { cartpoleGain } from './gain';

/**
 * The CartPole lab's panel: controls, the student replayed at the wheel beside the teacher's
 * choices, the episode returns as a table and as curves over environment steps, and the cost.
 * A view: the playground hands it the page state and the run's readouts.
 *
 * @summary The CartPole policy-distillation lab.
 *
 * @slot starting - Shown in place of the summary while the run starts.
 * @slot cost - The cost widget, below the curves.
 *
 * @event distill-experiment-change - `{ experiment }`: the whole updated CartPole experiment.
 * @event distill-view-change - `{ backend?, speed? }`.
 * @event distill-command - From the controls, unchanged.
 *
 * @csspart controls - The controls column.
 * @csspart stage - The replay (`<distill-cartpole-stage>`).
 * @csspart score - The returns table.
 * @csspart chart - The curves (`<distill-curves>`).
 * @csspart summary - The teacher and student summary and the training compute so far.
 */
export class DistillCartpoleLab extends LabPanelElement<CartpoleSnapshot> {
  static override styles = [
    hostStyles,
    labPanelStyles,
    css`
      /* The headline beside the mean-return curve, so both sit above the cart on a laptop screen. */
      .top {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.6em;
        align-items: start;
      }
      .stage-curve {
        padding: 0.4em 0.75em 0.5em;
        --distill-chart-height: clamp(120px, calc(100vh - 580px), 260px);
      }
      @container (max-width: 1100px) {
        .top {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      table.score {
        border-collapse: collapse;
        width: 100%;
      }
      table.score caption {
        text-align: left;
        color: var(--_muted);
        font-size: 0.92em;
        margin-bottom: 0.3em;
      }
      table.score th,
      table.score td {
        padding: 0.3em 0.6em;
        border-bottom: 1px solid var(--_border);
        text-align: right;
      }
      table.score th[scope='row'],
      table.score thead th:first-child {
        text-align: left;
      }
      .num {
        font-variant-numeric: tabular-nums;
      }
      .scroll {
        overflow-x: auto;
      }
    `,
  ];

  @property({ attribute: false }) experiment: CartpoleExperiment | null = null;
  @property({ attribute: false }) init: CartpoleInit | null = null;
  private readonly stageSpec = cartpoleCurvesSpec('stage');
  private readonly moreSpec = cartpoleCurvesSpec('more');

  protected note(): void {}

  protected plot(curves: DistillCurves, s: CartpoleSnapshot): void {
    const p = cartpolePoint(s);
    curves.push(p.x, p.values);
  }

  private onChange(event: CustomEvent<CartpoleChangeDetail>): void {
    event.stopPropagation();
    const e = this.experiment;
    if (!e) return;
    const patch = this.takeView(event.detail);
    if (Object.keys(patch).length === 0) return;
    const next: CartpoleExperiment = {
      ...e,
      ...patch,
      lab: 'cartpole',
      student: patch.student ? { ...patch.student, hidden: [...patch.student.hidden] } : e.student,
      knobs: patch.knobs ? { ...e.knobs, ...patch.knobs } : e.knobs,
    };
    emitPanel(this, 'distill-experiment-change', { experiment: next });
  }

  private renderSummary() {
    const init = this.init;
    if (!init || this.starting) return this.renderStartingSummary();
    const t = init.teacher;
    const hidden = this.experiment?.student.hidden ?? [];
    const ratio = t.parameters / init.studentParameters;
    return html`<p class="summary" part="summary">
      ${cartpoleMsg.panel.summary({
        teacher: t.architecture,
        teacherParameters: formatInteger(t.parameters),
        reached: formatInteger(t.evaluationReachedCap),
        episodes: formatInteger(t.evaluationEpisodes),
        trainingSteps: formatInteger(t.trainingSteps),
        student: cartpoleMsg.controls.shape(hidden),
        studentParameters: formatInteger(init.studentParameters),
        ratio: ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1),
      })}
      <br />
      ${this.renderCompute()}
    </p>`;
  }

  override render() {
    const e = this.experiment;
    if (!e) return nothing;
    const init = this.init;
    const snap = this.snapshot;
    const p = cartpoleMsg.panel;
    const gain = cartpoleGain(e, { distilled: snap?.distilled ?? null, rewardOnly: snap?.rewardOnly ?? null });
    return html`<div class="layout">
      ${this.renderSettings(html`<distill-cartpole-controls
        .experiment=${e}
        .view=${this.view}
        .running=${this.playing}
        .backendInfo=${this.backendInfo}
        @distill-cartpole-change=${this.onChange}
      ></distill-cartpole-controls>`)}
      <main class="views" aria-busy=${this.starting ? 'true' : 'false'}>
        ${this.renderToolbar()}
        <div class="top">
          <distill-gain part="gain" .view=${gain}></distill-gain>
          <section class="panel stage-curve" aria-labelledby="mean-title">
            <h2 id="mean-title" class="visually-hidden">${p.chartTitle}</h2>
            <distill-curves part="chart" exportparts="legend, chart, plot, latest" .spec=${this.stageSpec}></distill-curves>
          </section>
        </div>
        <section class="panel" aria-labelledby="stage-title">
          <h2 id="stage-title" class="small" title=${p.stageHint}>${p.stageTitle}</h2>
          <distill-cartpole-stage
            part="stage"
            .teacher=${init?.teacher.policy ?? null}
            .policies=${snap ? { distilled: snap.distilled.policy, rewardOnly: snap.rewardOnly.policy } : null}
            .temperature=${e.knobs.temperature}
            .seed=${e.seed}
          ></distill-cartpole-stage>
        </section>
        ${this.renderSummary()}
        <p class="hint">${p.stageHint}</p>
        <section class="panel" aria-labelledby="score-title">
          <h2 id="score-title">${p.scoreTitle}</h2>
          <div class="scroll" part="score">${scoreTable(snap)}</div>
        </section>
        <section class="panel" aria-labelledby="chart-title">
          <h2 id="chart-title">${p.chartTitle}</h2>
          <p class="hint">${p.chartHint}</p>
          <distill-curves part="more-chart" exportparts="legend: more-legend, chart: more-chart-figure, plot: more-plot, latest: more-latest" .spec=${this.moreSpec}></distill-curves>
        </section>
        <section class="panel" part="cost-panel"><slot name="cost"></slot></section>
      </main>
    </div>`;
  }
}

defineElement('distill-cartpole-lab', DistillCartpoleLab);

declare global {
  interface HTMLElementTagNameMap {
    'distill-cartpole-lab': DistillCartpoleLab;
  }
}
