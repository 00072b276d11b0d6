import { html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import {
  PlaygroundController,
  type ErrorEventDetail,
  type PageStart,
  type PendingCommand,
} from '../../controller/playground-controller';
import { msg } from '../../i18n/index';
import { LAB_LIST } from '../../labs/index';
import { clientIfLoaded, loadClient } from '../../labs/clients';
import { commonStepDetail } from '../../labs/step-detail';
import { mergeLink, parseLink } from '../../labs/page-url';
import type { DistillExperimentChangeDetail, DistillInputDetail, DistillViewChangeDetail } from '../../labs/panel-events';
import type { Problem } from '../../labs/problems';
import type { LabClient, LabPanel, StepDetailCommon } from '../../labs/types';
import type { ViewSettings } from '../../state/common';
import type { BackendInfo, Snapshot } from '../../../workers/trainer-api';
import '../distill-status/distill-status';
import '../distill-cost/distill-cost';
import { runDevice } from '../distill-cost/cost-device';
import { Throttle } from '../shared/cadence';
import type { RunMeasurement } from '../../cost/cost-model';
import { defineElement } from '../shared/define';
import type { DistillCommandDetail } from '../shared/events';
import { formatInteger, formatPercent } from '../../shared/format';
import { hostStyles } from '../shared/styles';
import { startingText } from '../distill-status/status-text';
import { playgroundStyles } from './distill-playground.styles';

/** The page state a link (or an `experiment` attribute) describes. */
function pageStart(search: string): PageStart & { problems: Problem[] } {
  const link = parseLink(search);
  return {
    lab: link.lab,
    view: link.view,
    experiments: new Map([[link.lab, link.experiment]]),
    presets: new Map([[link.lab, link.preset]]),
    problems: link.problems,
  };
}

/**
 * A complete distillation playground: a frozen teacher and small students train live in a Web
 * Worker, and the page shows the students' output distributions converging onto the teacher's.
 * Each lab (the registry in `src/labs/`) brings its own panel; this element holds the lab
 * picker, the status line, the cost widget and the run.
 *
 * The worker and tfjs load only when the element first becomes visible (or at once with
 * `load="eager"`); a lab's panel loads when that lab is shown.
 *
 * @summary The whole playground: lab picker, the lab's controls and views, status, cost.
 *
 * @slot header - Replaces the default title and introduction.
 *
 * @event distill-step - Up to 10 times a second while training, and after every step, reset or
 *   knob change; the detail is the lab's (README, "Events").
 * @event distill-progress - Between snapshots on a slow device (at least every 0.5 s while
 *   training): `{ lab, step, examplesSeen, examplesPerSecond, running, flops, flopsPerSecond }`.
 * @event distill-backend - The backend in use: `{ name, requested, adapter, fallbackReason?, auto? }`.
 * @event distill-error - Something went wrong: `{ code, message }` (the message is also shown).
 *
 * @csspart header - The title block.
 * @csspart lab - The lab's panel (its own parts are exported: `controls`, `regions`, `logits`,
 *   `chart`, `digits`, `error-chart`, `class-errors`, `summary`).
 * @csspart status - The status line.
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

  @query('[data-lab-panel]') private panel?: LabPanel;

  private readonly controller: PlaygroundController;
  private urlProblems: Problem[] = [];
  private visibility?: IntersectionObserver;
  /** Snapshots that arrived before the lab's panel existed, handed over when it renders. */
  private backlog: { snapshot: Snapshot; fresh: boolean }[] = [];
  private readonly onKeydown = (event: KeyboardEvent) => this.handleKey(event);
  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    // In the full-page app, shortcuts work from anywhere that is not a form field.
    if (event.target === document.body || event.target === document.documentElement) this.handleKey(event);
  };

  constructor() {
    super();
    const host = this as unknown as ConstructorParameters<typeof PlaygroundController>[0];
    this.controller = new PlaygroundController(host, pageStart(''));
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
    const start = pageStart(this.syncUrl ? location.search : this.experiment);
    this.urlProblems = start.problems;
    this.controller.load(start);
    void this.ensureClient();
    if (start.problems.length > 0) {
      const text = msg.problems.link(start.problems);
      this.controller.setNotice({ kind: 'warning', text });
      const error: ErrorEventDetail = { code: 'bad-url', message: text };
      this.dispatchEvent(new CustomEvent('distill-error', { detail: error, bubbles: true, composed: true }));
    }
    if (this.syncUrl && start.problems.length > 0) this.writeUrl();
  }

  /** Loads the shown lab's client face (its panel element), then renders with it. */
  private async ensureClient(): Promise<LabClient | undefined> {
    const lab = this.controller.lab;
    const have = clientIfLoaded(lab);
    if (have) return have;
    const client = await loadClient(lab);
    this.requestUpdate();
    return client;
  }

  /** Problems found in the link or `experiment` attribute this element started from. */
  get initialProblems(): readonly Problem[] {
    return this.urlProblems;
  }

  /** The page state as it stands (a copy): the lab, the view settings and the lab's experiment. */
  get state(): { lab: string } & ViewSettings & Record<string, unknown> {
    const c = this.controller;
    return structuredClone({ ...(c.experiment() as Record<string, unknown>), lab: c.lab, ...c.view });
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
    if (snapshot.lab !== this.controller.lab) return;
    const panel = this.panel;
    if (panel) panel.receive(snapshot, fresh);
    else {
      if (fresh) this.backlog = [];
      this.backlog.push({ snapshot, fresh });
    }
  }

  onStateChange(): void {
    if (this.syncUrl) this.writeUrl();
  }

  stepDetail(snapshot: Snapshot): StepDetailCommon {
    return clientIfLoaded(snapshot.lab)?.stepDetail(snapshot) ?? commonStepDetail(snapshot);
  }

  private writeUrl(): void {
    const c = this.controller;
    const search = mergeLink(location.search, c.lab, c.view, c.experiment());
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
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
      const start = pageStart(this.experiment);
      this.urlProblems = start.problems;
      const c = this.controller;
      void c.switchLab(start.lab).then(async () => {
        await c.applyExperiment(start.experiments.get(start.lab), start.presets.get(start.lab) ?? null);
        await c.applyView(start.view);
      });
    }
    const panel = this.panel;
    if (panel && this.backlog.length) {
      const backlog = this.backlog;
      this.backlog = [];
      for (const { snapshot, fresh } of backlog) panel.receive(snapshot, fresh);
    }
  }

  private onLab(event: Event): void {
    const lab = (event.target as HTMLSelectElement).value;
    this.backlog = [];
    // The panel's module loads beside the run's restart, not after it.
    void this.controller.switchLab(lab);
    void this.ensureClient();
  }

  private onExperimentChange(event: CustomEvent<DistillExperimentChangeDetail>): void {
    event.stopPropagation();
    void this.controller.applyExperiment(event.detail.experiment, event.detail.preset ?? null);
  }

  private onViewChange(event: CustomEvent<DistillViewChangeDetail>): void {
    event.stopPropagation();
    void this.controller.applyView(event.detail);
  }

  private onInput(event: CustomEvent<DistillInputDetail>): void {
    event.stopPropagation();
    void this.controller.input(event.detail.name, event.detail.payload);
  }

  private onCommand(event: CustomEvent<DistillCommandDetail>): void {
    event.stopPropagation();
    void this.controller.command(event.detail.command);
  }

  /** The cost widget's run while training streams: refreshed once a second (`Throttle`). */
  private readonly costRun = new Throttle<RunMeasurement | undefined>(() => this.requestUpdate());

  /** The live run, as the cost widget needs it. */
  private runMeasurement(): RunMeasurement | undefined {
    const c = this.controller;
    return this.costRun.pick(c.playing, c.current.init, () => this.measureRun());
  }

  private measureRun(): RunMeasurement | undefined {
    const { init, snapshot } = this.controller.current;
    if (!init || !snapshot) return undefined;
    const info = this.controller.backend ?? init.backend;
    return {
      flops: snapshot.flops.total,
      flopsPerSecond: snapshot.flops.perSecond,
      studentParameters: Math.max(...init.sizes.studentParameters),
      teacherParameters: init.sizes.teacherParameters,
      steps: snapshot.step,
      backend: info.name,
      adapter: info.adapter,
      software: runDevice(info.name, info.adapter, info.auto?.trials).kind === 'software',
    };
  }

  /** What a starting run is doing, with a progress bar while files download. */
  private renderStarting() {
    const c = this.controller;
    if (!c.isStarted) return html`${msg.playground.waiting}`;
    const p = c.progress;
    const download = p && (p.phase === 'teacher' || p.phase === 'test-images' || p.phase === 'train-images') && p.loaded > 0 ? p : null;
    return html`${startingText(c.backendStep, c.progress, c.backend?.name)}
    ${download
      ? html`<br /><label
            >${msg.status.phases[download.phase]}
            <progress value=${download.loaded} max=${download.total ?? download.loaded + 1}></progress>
            ${download.total ? formatPercent(download.loaded / download.total, 0) : `${formatInteger(download.loaded / 1024)} KB`}</label
          >`
      : ''}`;
  }

  private renderPanel() {
    const c = this.controller;
    const client = clientIfLoaded(c.lab);
    if (!client) return html`<p class="summary">${this.renderStarting()}</p>`;
    const { init, snapshot } = c.current;
    const tag = unsafeStatic(client.tag);
    return staticHtml`<${tag}
      data-lab-panel
      part="lab"
      exportparts="controls, regions, logits, chart, digits, error-chart, class-errors, summary, cost-panel"
      .experiment=${c.experiment()}
      .preset=${c.presets.get(c.lab) ?? null}
      .view=${c.view}
      .init=${init}
      .snapshot=${snapshot}
      .backendInfo=${c.backend ?? undefined}
      .playing=${c.playing}
      .starting=${c.isStarting}
      @distill-experiment-change=${this.onExperimentChange}
      @distill-view-change=${this.onViewChange}
      @distill-input=${this.onInput}
      @distill-command=${this.onCommand}
    >
      <span slot="starting">${this.renderStarting()}</span>
      <distill-cost slot="cost" part="cost" .run=${this.runMeasurement()}></distill-cost>
    </${tag}>`;
  }

  override render() {
    const c = this.controller;
    const { snapshot } = c.current;
    return html`
      <header part="header">
        <slot name="header">
          <h1>${msg.playground.title}</h1>
          <p class="tagline">${msg.playground.tagline}</p>
        </slot>
        <span class="lab-picker">
          <label for="lab-select">${msg.playground.labLabel}</label>
          <select id="lab-select" .value=${c.lab} @change=${this.onLab} aria-describedby="lab-help">
            ${LAB_LIST.map((lab) => html`<option value=${lab.id} ?selected=${lab.id === c.lab}>${lab.title()}</option>`)}
          </select>
        </span>
        <span id="lab-help" class="visually-hidden">${msg.playground.labHelp}</span>
      </header>
      <distill-status
        part="status"
        .step=${snapshot?.step ?? 0}
        .examplesPerSecond=${snapshot?.examplesPerSecond ?? 0}
        .unit=${snapshot?.unit ?? 'examples'}
        .backend=${c.backend ?? undefined}
        .running=${c.running}
        .starting=${c.isStarting && c.isStarted ? startingText(c.backendStep, c.progress, c.backend?.name) : null}
        .pending=${pendingText(c.pending)}
        .message=${c.notice}
        @distill-message-dismiss=${() => c.setNotice(null)}
      ></distill-status>
      ${this.renderPanel()}
      <section class="about" part="about" aria-labelledby="about-title">
        <h2 id="about-title">${msg.playground.aboutTitle}</h2>
        <p>${msg.playground.intro}</p>
      </section>
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
    'distill-step': CustomEvent<StepDetailCommon & Record<string, unknown>>;
    'distill-progress': CustomEvent<StepDetailCommon>;
    'distill-backend': CustomEvent<BackendInfo>;
    'distill-error': CustomEvent<ErrorEventDetail>;
  }
}
