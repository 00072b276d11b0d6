import { html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import {
  PlaygroundController,
  type ErrorEventDetail,
  type MnistStepEventDetail,
  type PendingCommand,
  type StepEventDetail,
} from '../../controller/playground-controller';
import { msg } from '../../i18n/index';
import { LABS, type AppState, type LabName } from '../../state/experiment';
import { cloneMnistExperiment, presetById, type MnistExperiment } from '../../state/mnist';
import { mergeIntoSearch, parsePage, type UrlProblem } from '../../state/url-state';
import type { BackendInfo, MnistStudentReadout, Snapshot } from '../../../workers/trainer-api';
import '../distill-mnist-controls/distill-mnist-controls';
import '../distill-digits/distill-digits';
import '../distill-class-errors/distill-class-errors';
import '../distill-error-chart/distill-error-chart';
import type { DistillErrorChart } from '../distill-error-chart/distill-error-chart';
import '../distill-controls/distill-controls';
import '../distill-logits/distill-logits';
import '../distill-loss-chart/distill-loss-chart';
import type { DistillLossChart } from '../distill-loss-chart/distill-loss-chart';
import '../distill-regions/distill-regions';
import '../distill-status/distill-status';
import '../distill-cost/distill-cost';
import type { RunMeasurement } from '../../cost/cost-model';
import { formatFlops, formatFlopsPerSecond } from '../../cost/units';
import { defineElement } from '../shared/define';
import type {
  DistillChangeDetail,
  DistillCommandDetail,
  DistillDigitDrawnDetail,
  DistillDigitSelectDetail,
  DistillMnistChangeDetail,
  DistillPresetDetail,
  DistillProbePickDetail,
  DistillProbeSelectDetail,
} from '../shared/events';
import { formatInteger, formatPercent } from '../shared/format';
import { startingText } from '../distill-status/status-text';
import { hostStyles } from '../shared/styles';
import { playgroundStyles } from './distill-playground.styles';

/**
 * A complete distillation playground: a frozen teacher and a small student (plus, optionally, a
 * student trained on labels only) train live in a Web Worker, and the page shows the student's
 * output distribution converging onto the teacher's.
 *
 * The worker and tfjs load only when the element first becomes visible (or at once with
 * `load="eager"`).
 *
 * @summary The whole playground: controls, decision regions, probe distributions, curves, status.
 *
 * @slot header - Replaces the default title and introduction.
 *
 * @event distill-step - Up to 30 times a second while training, and after every step, reset or
 *   knob change: `{ step, examplesSeen, examplesPerSecond, running, temperature, klStudent,
 *   klLabelsOnly, hardLossStudent, hardLossLabelsOnly, hardLossTeacher, accuracyTeacher,
 *   accuracyStudent, accuracyLabelsOnly, probeKlStudent, probeKlLabelsOnly, trainLoss }`.
 * @event distill-backend - The backend in use: `{ name, requested, adapter, fallbackReason? }`.
 * @event distill-error - Something went wrong: `{ code, message }` (the message is also shown).
 *
 * @csspart header - The title block.
 * @csspart controls - The controls column.
 * @csspart regions - The decision-region maps.
 * @csspart logits - The probe distributions.
 * @csspart chart - The loss and accuracy curves.
 * @csspart status - The status line.
 * @csspart summary - The teacher/student size summary and the training compute so far.
 * @csspart cost - The cost widget (`<distill-cost>`), following the live run.
 *
 * @cssproperty --distill-font-family - Font of the whole playground (inherits by default).
 * @cssproperty --distill-font-size - Base font size (at least 16px by default).
 * @cssproperty --distill-surface-color - Panel background.
 * @cssproperty --distill-border-color - Panel borders.
 */
export class DistillPlayground extends LitElement {
  static override styles = [hostStyles, playgroundStyles];

  /** The experiment as a query string, e.g. `dataset=moons&T=2&hidden=8` (same keys as the app's links). */
  @property() experiment = '';

  /** Read the experiment from the page URL and keep the URL in step (the app does this; embeds usually don't). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** `visible` (default): start the worker when the element first scrolls into view; `eager`: at once. */
  @property() load: 'visible' | 'eager' = 'visible';

  @query('distill-loss-chart') private chart?: DistillLossChart;
  @query('distill-error-chart') private errorChart?: DistillErrorChart;

  private readonly controller: PlaygroundController;
  private urlProblems: UrlProblem[] = [];
  private visibility?: IntersectionObserver;
  private readonly onKeydown = (event: KeyboardEvent) => this.handleKey(event);
  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    // In the full-page app, shortcuts work from anywhere that is not a form field.
    if (event.target === document.body || event.target === document.documentElement) this.handleKey(event);
  };

  constructor() {
    super();
    const host = this as unknown as ConstructorParameters<typeof PlaygroundController>[0];
    this.controller = new PlaygroundController(host, parsePage('').state);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readInitialState();
    this.addEventListener('keydown', this.onKeydown);
    if (this.syncUrl) document.addEventListener('keydown', this.onDocumentKeydown);
    if (this.load === 'eager' || typeof IntersectionObserver === 'undefined') {
      void this.controller.start();
    } else {
      this.visibility = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.visibility?.disconnect();
          void this.controller.start();
        }
      });
      this.visibility.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.visibility?.disconnect();
    this.removeEventListener('keydown', this.onKeydown);
    document.removeEventListener('keydown', this.onDocumentKeydown);
  }

  private readInitialState(): void {
    const source = this.syncUrl ? location.search : this.experiment;
    const { state, mnist, problems } = parsePage(source);
    this.urlProblems = problems;
    this.controller.state = state;
    this.controller.mnist = mnist;
    this.controller.mnistPreset = new URLSearchParams(source).get('preset');
    if (problems.length > 0) {
      this.controller.setNotice({ kind: 'warning', text: msg.playground.urlProblems(problems) });
      const error: ErrorEventDetail = { code: 'bad-url', message: msg.playground.urlProblems(problems) };
      this.dispatchEvent(new CustomEvent('distill-error', { detail: error, bubbles: true, composed: true }));
    }
    if (this.syncUrl && problems.length > 0) this.writeUrl(state, mnist);
  }

  /** Problems found in the link or `experiment` attribute this element started from. */
  get initialProblems(): readonly UrlProblem[] {
    return this.urlProblems;
  }

  /** The experiment as it stands (a copy). */
  get state(): AppState {
    return structuredClone(this.controller.state);
  }

  /** Start training (same as pressing Play). */
  play(): Promise<void> {
    return this.controller.command('play');
  }

  pause(): Promise<void> {
    return this.controller.command('pause');
  }

  step(): Promise<void> {
    return this.controller.command('step');
  }

  reset(): Promise<void> {
    return this.controller.command('reset');
  }

  // Called by the controller.
  onSnapshot(snapshot: Snapshot, fresh: boolean): void {
    if (snapshot.lab === 'toy2d') {
      if (fresh) this.chart?.clear();
      this.chart?.push(snapshot);
    } else {
      if (fresh) this.errorChart?.clear();
      this.errorChart?.push(snapshot.step, snapshot.mnist.teacher, this.labelled(snapshot.mnist.students));
    }
  }

  onStateChange(state: AppState, mnist: MnistExperiment): void {
    if (this.syncUrl) this.writeUrl(state, mnist);
  }

  private writeUrl(state: AppState, mnist: MnistExperiment): void {
    const search = mergeIntoSearch(location.search, state, mnist);
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  /** Students named for people, from their specs (the worker only knows their ids). */
  private labelled(students: MnistStudentReadout[]): MnistStudentReadout[] {
    const specs = this.controller.mnist.students;
    return students.map((s, i) => {
      const spec = specs[i];
      return spec ? { ...s, label: msg.playground.mnistStudent(s.id, spec.objective, spec.access, spec.k, spec.hidden.join('-')) } : s;
    });
  }

  private handleKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && target.closest('input, select, textarea, button, [contenteditable], canvas, [role="slider"]')) return;
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      void this.controller.command('toggle');
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      void this.controller.command('step');
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('experiment') && changed.get('experiment') !== undefined && !this.syncUrl) {
      const { state, mnist, problems } = parsePage(this.experiment);
      this.urlProblems = problems;
      void this.controller.applyMnist(mnist).then(() => this.controller.apply(state));
    }
  }

  private onLab(event: Event): void {
    const lab = (event.target as HTMLSelectElement).value as LabName;
    void this.controller.apply({ lab });
  }

  private onMnistChange(event: CustomEvent<DistillMnistChangeDetail>): void {
    event.stopPropagation();
    const d = event.detail;
    if ('mnist' in d) void this.controller.applyMnist(d.mnist);
    else void this.controller.apply(d);
  }

  private onPreset(event: CustomEvent<DistillPresetDetail>): void {
    event.stopPropagation();
    const preset = presetById(event.detail.id);
    if (preset) void this.controller.applyMnist(cloneMnistExperiment(preset.experiment), preset.id);
  }

  private onDigitSelect(event: CustomEvent<DistillDigitSelectDetail>): void {
    this.controller.selectDigit(event.detail.index);
  }

  private onDigitDrawn(event: CustomEvent<DistillDigitDrawnDetail>): void {
    void this.controller.drawDigit(event.detail.image);
  }

  private onChange(event: CustomEvent<DistillChangeDetail>): void {
    event.stopPropagation();
    void this.controller.apply(event.detail);
  }

  private onCommand(event: CustomEvent<DistillCommandDetail>): void {
    event.stopPropagation();
    void this.controller.command(event.detail.command);
  }

  private onProbeSelect(event: CustomEvent<DistillProbeSelectDetail>): void {
    this.controller.selectProbe(event.detail.index);
  }

  private onProbePick(event: CustomEvent<DistillProbePickDetail>): void {
    void this.controller.pickProbe(event.detail.x, event.detail.y);
  }

  /** The live run, as the cost widget needs it. */
  private runMeasurement(): RunMeasurement | undefined {
    const { init, snapshot, backend } = this.controller;
    if (!init || !snapshot) return undefined;
    return {
      flops: snapshot.flops.total,
      flopsPerSecond: snapshot.flops.perSecond,
      studentParameters: init.lab === 'toy2d' ? init.studentParameters : Math.max(...init.students.map((s) => s.parameters)),
      teacherParameters: init.teacher.parameters,
      steps: snapshot.step,
      backend: backend?.name ?? init.backend.name,
    };
  }

  private renderCompute() {
    return html`<span data-testid="compute">${msg.playground.compute(
      formatFlops(this.controller.snapshot?.flops.total ?? 0),
      formatFlopsPerSecond(this.controller.snapshot?.flops.perSecond ?? 0),
    )}</span>`;
  }

  private renderSummary() {
    const c = this.controller;
    const init = c.init;
    if (!init || init.lab !== c.state.lab) {
      const p = c.progress;
      const download = p && (p.phase === 'teacher' || p.phase === 'test-images' || p.phase === 'train-images') && p.loaded > 0 ? p : null;
      return html`<p class="summary" part="summary">
        ${c.isStarted ? startingText(c.backendStep, c.progress, c.backend?.name) : msg.playground.waiting}
        ${download
          ? html`<br /><label
                >${msg.status.phases[download.phase]}
                <progress value=${download.loaded} max=${download.total ?? download.loaded + 1}></progress>
                ${download.total ? formatPercent(download.loaded / download.total, 0) : `${formatInteger(download.loaded / 1024)} KB`}</label
              >`
          : ''}
      </p>`;
    }
    if (init.lab === 'mnist') {
      return html`<p class="summary" part="summary">
        ${msg.playground.mnistSummary({
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
    const ratio = init.teacher.parameters / init.studentParameters;
    return html`<p class="summary" part="summary">
      ${msg.playground.summary({
        teacherArchitecture: init.teacher.architecture.replace('K', String(init.dataset.classes)),
        teacherParameters: formatInteger(init.teacher.parameters),
        teacherAccuracy: formatPercent(init.teacher.testAccuracy),
        studentArchitecture: ['2', ...c.state.student.hidden.map(String), String(init.dataset.classes)].join(' → '),
        studentParameters: formatInteger(init.studentParameters),
        ratio: ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1),
      })}
      <br />
      ${this.renderCompute()}
    </p>`;
  }

  private renderToy2d() {
    const c = this.controller;
    const snap = c.toy2dSnapshot;
    const init = c.init?.lab === 'toy2d' ? c.init : null;
    const backend: BackendInfo | undefined = c.backend ?? undefined;
    return html`
      <distill-controls
        part="controls"
        .state=${c.state}
        .running=${c.playing}
        .backendInfo=${backend}
        .studentParameters=${init?.studentParameters}
        ?disabled=${!init}
        @distill-change=${this.onChange}
        @distill-command=${this.onCommand}
      ></distill-controls>
      <main class="views" aria-busy=${c.loading ? 'true' : 'false'}>
        ${this.renderSummary()}
        <section class="panel" aria-labelledby="regions-title">
          <h2 id="regions-title">${msg.playground.regionsTitle}</h2>
          <p class="hint">${msg.playground.regionsHint}</p>
          <distill-regions
            part="regions"
            .teacher=${init?.teacher.regions ?? null}
            .student=${c.regions?.student ?? null}
            .labelsOnly=${c.state.labelsOnly ? (c.regions?.labelsOnly ?? null) : null}
            .points=${init?.dataset.train ?? null}
            .probePoints=${snap?.probes.points ?? null}
            .selected=${c.selectedProbe}
            .classes=${init?.dataset.classes ?? 3}
            @distill-probe-pick=${this.onProbePick}
          ></distill-regions>
        </section>
        <section class="panel" aria-labelledby="logits-title">
          <h2 id="logits-title">${msg.playground.logitsTitle}</h2>
          <p class="hint">${msg.playground.logitsHint}</p>
          <distill-logits
            part="logits"
            .probes=${snap?.probes ?? null}
            .selected=${c.selectedProbe}
            .labelsOnly=${c.state.labelsOnly}
            @distill-probe-select=${this.onProbeSelect}
          ></distill-logits>
        </section>
        <section class="panel" aria-labelledby="chart-title">
          <h2 id="chart-title">${msg.playground.chartTitle}</h2>
          <distill-loss-chart part="chart"></distill-loss-chart>
        </section>
        <section class="panel" part="cost-panel">
          <distill-cost part="cost" .run=${this.runMeasurement()}></distill-cost>
        </section>
      </main>
    `;
  }

  private renderMnist() {
    const c = this.controller;
    const snap = c.mnistSnapshot;
    const init = c.init?.lab === 'mnist' ? c.init : null;
    const students = snap ? this.labelled(snap.mnist.students) : [];
    const leftOut = init?.transfer.digitsLeftOut ?? [];
    return html`
      <distill-mnist-controls
        part="controls"
        .experiment=${c.mnist}
        .preset=${c.mnistPreset}
        .running=${c.playing}
        .backendInfo=${c.backend ?? undefined}
        .backend=${c.state.backend}
        .speed=${c.state.speed}
        @distill-mnist-change=${this.onMnistChange}
        @distill-preset=${this.onPreset}
        @distill-command=${this.onCommand}
      ></distill-mnist-controls>
      <main class="views" aria-busy=${c.loading ? 'true' : 'false'}>
        ${this.renderSummary()}
        <section class="panel" aria-labelledby="digits-title">
          <h2 id="digits-title">${msg.playground.digitsTitle}</h2>
          <p class="hint">${msg.playground.digitsHint}</p>
          <distill-digits
            part="digits"
            .digits=${snap?.mnist.digits ?? null}
            .students=${students.map(({ id, label }) => ({ id, label }))}
            .selected=${c.selectedDigit}
            @distill-digit-select=${this.onDigitSelect}
            @distill-digit-drawn=${this.onDigitDrawn}
          ></distill-digits>
        </section>
        <section class="panel" aria-labelledby="errors-title">
          <h2 id="errors-title">${msg.playground.errorsTitle}</h2>
          <distill-error-chart part="error-chart"></distill-error-chart>
        </section>
        <section class="panel" aria-labelledby="class-errors-title">
          <h2 id="class-errors-title">${msg.playground.classErrorsTitle}</h2>
          <distill-class-errors
            part="class-errors"
            .teacher=${snap?.mnist.teacher ?? null}
            .students=${students}
            .highlight=${leftOut[0]}
          ></distill-class-errors>
        </section>
        <section class="panel" part="cost-panel">
          <distill-cost part="cost" .run=${this.runMeasurement()}></distill-cost>
        </section>
      </main>
    `;
  }

  override render() {
    const c = this.controller;
    const snap = c.snapshot;
    return html`
      <header part="header">
        <slot name="header">
          <h1>${msg.playground.title}</h1>
          <p class="intro">${msg.playground.intro}</p>
        </slot>
        <span class="lab-picker">
          <label for="lab-select">${msg.playground.labLabel}</label>
          <select id="lab-select" .value=${c.state.lab} @change=${this.onLab} aria-describedby="lab-help">
            ${LABS.map((lab) => html`<option value=${lab} ?selected=${lab === c.state.lab}>${msg.playground.labs[lab]}</option>`)}
          </select>
        </span>
        <span id="lab-help" class="hint">${msg.playground.labHelp}</span>
      </header>
      <distill-status
        part="status"
        .step=${snap?.step ?? 0}
        .examplesPerSecond=${snap?.examplesPerSecond ?? 0}
        .backend=${c.backend ?? undefined}
        .running=${c.running}
        .starting=${c.isStarting && c.isStarted ? startingText(c.backendStep, c.progress, c.backend?.name) : null}
        .pending=${pendingText(c.pending)}
        .message=${c.notice}
        @distill-message-dismiss=${() => c.setNotice(null)}
      ></distill-status>
      <div class="layout">${c.state.lab === 'mnist' ? this.renderMnist() : this.renderToy2d()}</div>
    `;
  }
}

function pendingText(pending: PendingCommand | null): string | null {
  if (!pending) return null;
  return pending.kind === 'play' ? msg.status.pendingPlay : msg.status.pendingStep(pending.count);
}

defineElement('distill-playground', DistillPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'distill-playground': DistillPlayground;
  }
  interface GlobalEventHandlersEventMap {
    'distill-step': CustomEvent<StepEventDetail | MnistStepEventDetail>;
    'distill-backend': CustomEvent<BackendInfo>;
    'distill-error': CustomEvent<ErrorEventDetail>;
  }
}
