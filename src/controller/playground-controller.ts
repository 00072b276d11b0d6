/**
 * The playground's reactive controller: owns the trainer client and the page state (which lab,
 * each lab's experiment, the view settings), turns user intents into trainer calls, and keeps the
 * latest results for the views. It knows no lab: each lab's shared face says what needs a reset,
 * what is live, and how an experiment is written.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '../i18n';
import { labById } from '../labs';
import type { LabId, LabShared, SnapshotCommon, StepDetailCommon } from '../labs/types';
import { backendRequest, readStoredChoice, writeStoredChoice, type BackendRequest, type KeyValueStore } from '../state/backend-choice';
import type { ViewSettings } from '../state/common';
import type { BackendInfo, InitResult, LoadProgress, Snapshot, TrainerError, TrainerErrorCode, TrainerListener } from '../../workers/trainer-api';
import { TrainerClient } from './trainer-client';
import { commonStepDetail } from '../labs/step-detail';
import { Spaced } from '../shared/spaced';

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export type ErrorEventDetail = TrainerError | { code: 'worker-crashed' | 'bad-url'; message: string };

/** What the user asked for while the run was starting, carried out once it is ready. */
export type PendingCommand = { kind: 'play' } | { kind: 'step'; count: number };

/** This device's storage for the `auto` backend choice, or null where there is none (or it is blocked). */
function deviceStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function userAgent(): string {
  return globalThis.navigator?.userAgent ?? '';
}

export interface PlaygroundHost extends ReactiveControllerHost, HTMLElement {
  /** Called with every snapshot, after the controller's own state has been updated. */
  onSnapshot(snapshot: Snapshot, fresh: boolean): void;
  /** Called when the page state changes, so the host can mirror it (URL, attributes). */
  onStateChange(): void;
  /** The `distill-step` detail for a snapshot (the lab's client face knows its readout). */
  stepDetail(snapshot: Snapshot): StepDetailCommon;
}

/** The page state the controller starts from (a link, an embed's attribute). */
export interface PageStart {
  lab: LabId;
  view: ViewSettings;
  experiments: Map<LabId, unknown>;
  presets: Map<LabId, string | null>;
}

/** While training, the page renders snapshots at most this often (5 a second). */
export const RENDER_GAP_MS = 200;

export class PlaygroundController implements ReactiveController {
  lab: LabId;
  view: ViewSettings;
  /** Each lab's experiment, kept while another lab is shown. */
  readonly experiments: Map<LabId, unknown>;
  /** The preset each lab's experiment came from, until the user changes something. */
  readonly presets: Map<LabId, string | null>;
  /** What the worker is doing while the run starts (backend, timing, downloads), until it is ready. */
  progress: LoadProgress | null = null;
  /** The latest backend being started or timed, while the run starts. */
  backendStep: LoadProgress | null = null;
  /** A Play or Step pressed while the run was starting: carried out as soon as it is ready. */
  pending: PendingCommand | null = null;
  init: InitResult | null = null;
  snapshot: Snapshot | null = null;
  backend: BackendInfo | null = null;
  running = false;
  /** Set between Pause and the trainer's last snapshot of that run. */
  private pausing = false;
  loading = false;
  notice: Notice | null = null;

  private client: TrainerClient | null = null;
  private listenerProxy: TrainerListener | null = null;
  private started = false;
  private pendingRun: Promise<void> = Promise.resolve();
  /** Runs started (init, reset, lab or backend switch) and not yet answered. */
  private starting = 0;
  private readonly render = new Spaced(RENDER_GAP_MS, () => this.host.requestUpdate());

  constructor(
    private readonly host: PlaygroundHost,
    initial: PageStart,
  ) {
    this.lab = initial.lab;
    this.view = initial.view;
    this.experiments = initial.experiments;
    this.presets = initial.presets;
    host.addController(this);
  }

  /** Replace the page state before the run starts (the element read its link or attribute). */
  load(initial: PageStart): void {
    this.lab = initial.lab;
    this.view = initial.view;
    this.experiments.clear();
    for (const [k, v] of initial.experiments) this.experiments.set(k, v);
    this.presets.clear();
    for (const [k, v] of initial.presets) this.presets.set(k, v);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.render.cancel();
    this.client?.dispose();
    this.client = null;
    this.started = false;
    this.running = false;
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** The shared face of the lab on show. */
  get shared(): LabShared<unknown> {
    return labById(this.lab)!;
  }

  /** The experiment of the lab on show (its defaults until set). */
  experiment(lab: LabId = this.lab): unknown {
    let e = this.experiments.get(lab);
    if (e === undefined) {
      e = labById(lab)!.defaults();
      this.experiments.set(lab, e);
    }
    return e;
  }

  /** The latest snapshot and init, if they belong to the lab on show. */
  get current(): { init: InitResult | null; snapshot: Snapshot | null } {
    return {
      init: this.init?.lab === this.lab ? this.init : null,
      snapshot: this.snapshot?.lab === this.lab ? this.snapshot : null,
    };
  }

  /** Create the worker and the first run. Idempotent; called when the element becomes visible. */
  start(): Promise<void> {
    if (this.started) return this.pendingRun;
    this.started = true;
    this.client = new TrainerClient((message) => this.fail({ code: 'worker-crashed', message: msg.playground.workerCrashed(message) }));
    const client = this.client;
    const listener = client.listener({
      snapshot: (s) => this.receive(s),
      pulse: (p) => this.receivePulse(p),
      error: (e) => this.fail(e),
      backend: (b) => {
        this.backend = b;
        // A fresh measurement is kept for this lab on this device, so the next visit starts at once.
        if (b.auto && !b.auto.remembered) writeStoredChoice(deviceStore(), this.lab, userAgent(), b.name, b.auto);
        this.emit('distill-backend', b);
        if (b.fallbackReason && this.view.backend !== 'auto') {
          this.setNotice({ kind: 'warning', text: msg.playground.backendFallback(this.view.backend, b.name, b.fallbackReason) });
        }
        this.host.requestUpdate();
      },
      progress: (p) => {
        this.progress = p;
        if (p.phase === 'backend' || p.phase === 'measure') this.backendStep = p;
        this.host.requestUpdate();
      },
    });
    this.listenerProxy = listener;
    return this.runExclusive(async () => {
      await client.remote.setSpeed(this.view.speed);
      this.accept(await client.remote.init(this.lab, this.experiment(), this.backendRequest(), listener));
    });
  }

  /** The backend to ask for: the user's choice, or for `auto` this device's earlier measurement for the lab. */
  private backendRequest(fresh = false): BackendRequest {
    const stored = readStoredChoice(deviceStore(), this.lab, userAgent());
    return backendRequest(this.view.backend, stored, fresh);
  }

  /** Whether a run is starting (the first one, or after Reset, a lab or a backend switch). */
  get isStarting(): boolean {
    return !this.started || this.starting > 0 || !this.init;
  }

  private runExclusive(task: () => Promise<void>): Promise<void> {
    this.loading = true;
    this.starting++;
    this.host.requestUpdate();
    this.pendingRun = this.pendingRun
      .then(task)
      .catch((error: unknown) => this.fail({ code: 'internal', message: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        this.starting--;
        this.loading = this.starting > 0;
        if (!this.loading) {
          this.progress = null;
          this.backendStep = null;
          void this.carryOutPending();
        }
        this.host.requestUpdate();
      });
    return this.pendingRun;
  }

  /** A Play or Step pressed while the run was starting, now that it is ready. */
  private async carryOutPending(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (!pending || !this.init || !this.client) return;
    if (pending.kind === 'play') await this.command('play');
    else {
      this.running = false;
      this.pausing = true;
      this.host.requestUpdate();
      await this.client.remote.step(pending.count);
    }
  }

  private accept(result: { ok: true; value: InitResult } | { ok: false; error: TrainerError }): void {
    if (!result.ok) {
      // The listener has already reported the error; what was pressed meanwhile is dropped with it.
      this.pending = null;
      return;
    }
    this.init = result.value;
    this.backend = result.value.backend;
    this.running = false;
    this.pausing = false;
    this.snapshot = result.value.snapshot;
    this.host.onSnapshot(result.value.snapshot, true);
    this.emit('distill-step', this.host.stepDetail(result.value.snapshot));
    this.host.requestUpdate();
  }

  private receive(s: Snapshot): void {
    // No staleness check needed: the worker posts a run's last snapshot before it answers a reset,
    // and messages arrive in order.
    this.snapshot = s;
    // After Pause, snapshots already on their way still say "running": the last one says otherwise.
    if (!s.running) this.pausing = false;
    this.running = s.running && !this.pausing;
    this.host.onSnapshot(s, false);
    this.emit('distill-step', this.host.stepDetail(s));
    this.renderSoon();
  }

  /**
   * Between snapshots on a slow device: the step, rate and compute move on, the lab's readout stays
   * the last snapshot's. The panel re-renders (status, compute) but plots nothing: its curves get
   * points only from snapshots. `distill-progress` says so, with the common fields only:
   * `distill-step` stays a snapshot's, its readout and its step measured together.
   */
  private receivePulse(p: SnapshotCommon): void {
    const last = this.snapshot;
    if (!last || last.lab !== p.lab || p.step < last.step) return;
    if (!p.running) this.pausing = false;
    this.snapshot = { ...last, ...p };
    this.running = p.running && !this.pausing;
    this.emit('distill-progress', commonStepDetail(p));
    this.renderSoon();
  }

  /**
   * While training, the page re-renders from snapshots at most every RENDER_GAP_MS (each snapshot
   * still reaches the panel's curves and the `distill-step` event): numbers that change 10 times
   * a second cannot be read, and every render lays out the page on cores that training needs.
   * A snapshot that says training stopped renders at once.
   */
  private renderSoon(): void {
    this.render.request(!this.running);
  }

  private fail(error: ErrorEventDetail): void {
    if (error.code === 'diverged' || error.code === 'device-lost') this.running = false;
    const text = 'problems' in error && error.problems?.length ? error.problems.map((p) => msg.problems.sentence(p)).join(' ') : error.message;
    this.setNotice({ kind: 'error', text });
    this.emit('distill-error', error);
  }

  setNotice(notice: Notice | null): void {
    this.notice = notice;
    this.host.requestUpdate();
  }

  private emit(type: string, detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private changed(): void {
    this.host.onStateChange();
    this.host.requestUpdate();
  }

  /** A new experiment for the lab on show: live knobs go straight to the trainer; the rest restarts the run. */
  async applyExperiment(next: unknown, preset: string | null = null): Promise<void> {
    const shared = this.shared;
    const before = this.experiment();
    this.experiments.set(this.lab, shared.clone(next));
    this.presets.set(this.lab, preset);
    this.changed();
    const client = this.client;
    if (!client) return;
    // While a run starts, any change restarts it once ready (knobs sent now would find no run).
    if (this.isStarting || shared.needsReset(before, next)) {
      this.running = false;
      await this.runExclusive(async () => this.accept(await client.remote.reset(this.experiment())));
      return;
    }
    const knobs = shared.liveChanges(before, next);
    if (knobs) await client.remote.configure(knobs);
  }

  /** Backend or speed changed in the page. */
  async applyView(patch: Partial<ViewSettings>): Promise<void> {
    const before = this.view;
    this.view = { ...before, ...patch };
    this.changed();
    const client = this.client;
    if (!client) return;
    if (this.view.speed !== before.speed) await client.remote.setSpeed(this.view.speed);
    if (this.view.backend !== before.backend) {
      // `auto` picked in the menu measures afresh; a named backend is used as it is.
      const request = this.backendRequest(true);
      this.running = false;
      await this.runExclusive(async () => this.accept(await client.remote.setBackend(request)));
    }
  }

  /** Show another lab; its experiment is kept from before (or its defaults). */
  async switchLab(lab: LabId): Promise<void> {
    if (lab === this.lab || !labById(lab)) return;
    this.lab = lab;
    this.changed();
    const client = this.client;
    if (!client) return;
    this.running = false;
    if (this.view.backend === 'auto' && this.listenerProxy) {
      // Each lab has its own fastest backend: reuse this device's choice for it, or measure.
      const listener = this.listenerProxy;
      const request = this.backendRequest();
      await this.runExclusive(async () => this.accept(await client.remote.init(lab, this.experiment(), request, listener)));
      return;
    }
    await this.runExclusive(async () => this.accept(await client.remote.reset(this.experiment(), lab)));
  }

  /** A named input for the lab's run (probe points, a drawn digit, …). */
  async input(name: string, payload: unknown): Promise<void> {
    if (!this.client || this.isStarting) return;
    await this.client.remote.input(name, payload);
  }

  /** Whether the Play / Pause toggle should offer Pause: training, or a Play waiting for the run to be ready. */
  get playing(): boolean {
    return this.running || this.pending?.kind === 'play';
  }

  async command(command: 'play' | 'pause' | 'toggle' | 'step' | 'reset'): Promise<void> {
    if (command === 'toggle') return this.command(this.playing ? 'pause' : 'play');
    if (this.isStarting && command !== 'reset') {
      this.remember(command);
      // A playground still waiting to scroll into view starts now: the user wants it.
      if (!this.started) void this.start();
      return;
    }
    const client = this.client;
    if (!client) return;
    const remote = client.remote;
    switch (command) {
      case 'play':
        this.running = true;
        this.pausing = false;
        this.host.requestUpdate();
        await remote.play();
        return;
      case 'pause':
        this.running = false;
        this.pausing = true;
        this.host.requestUpdate();
        await remote.pause();
        return;
      case 'step':
        this.running = false;
        this.pausing = true;
        await remote.step(1);
        return;
      case 'reset':
        this.running = false;
        this.setNotice(null);
        await this.runExclusive(async () => this.accept(await remote.reset(this.experiment())));
        return;
    }
  }

  /** Play, Pause or Step pressed while the run starts: remembered (and shown) until it is ready. */
  private remember(command: 'play' | 'pause' | 'step'): void {
    if (command === 'play') this.pending = { kind: 'play' };
    else if (command === 'pause') this.pending = null;
    else this.pending = { kind: 'step', count: this.pending?.kind === 'step' ? this.pending.count + 1 : 1 };
    this.host.requestUpdate();
  }
}

export type { TrainerErrorCode };
