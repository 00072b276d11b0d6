/**
 * The playground's reactive controller: owns the trainer client and the experiment state, turns
 * user intents into trainer calls, and keeps the latest results for the views. Views stay views:
 * they read from here and send intents back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '../i18n';
import { experimentOf, needsReset, type AppState, type Knobs } from '../state/experiment';
import type { BackendInfo, InitResult, Snapshot, TrainerError, TrainerErrorCode } from '../../workers/trainer-api';
import { TrainerClient } from './trainer-client';

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface StepEventDetail {
  step: number;
  examplesSeen: number;
  examplesPerSecond: number;
  running: boolean;
  temperature: number;
  klStudent: number;
  klLabelsOnly: number | null;
  hardLossStudent: number;
  hardLossLabelsOnly: number | null;
  hardLossTeacher: number;
  accuracyTeacher: number;
  accuracyStudent: number;
  accuracyLabelsOnly: number | null;
  /** Mean KL(teacher ‖ student) at T = 1 over the probe points. */
  probeKlStudent: number;
  /** Training FLOPs so far, and the training FLOP/s achieved on this device. */
  flops: number;
  flopsPerSecond: number;
  probeKlLabelsOnly: number | null;
  trainLoss: number;
}

export type ErrorEventDetail = TrainerError | { code: 'worker-crashed' | 'bad-url'; message: string };

const MAX_PROBES = 3;

function mean(values: Float32Array | null): number | null {
  if (!values || values.length === 0) return null;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

export function stepDetail(s: Snapshot): StepEventDetail {
  return {
    step: s.step,
    examplesSeen: s.examplesSeen,
    examplesPerSecond: s.examplesPerSecond,
    running: s.running,
    temperature: s.knobs.temperature,
    klStudent: s.student.klToTeacher,
    klLabelsOnly: s.labelsOnly?.klToTeacher ?? null,
    hardLossStudent: s.student.hardLoss,
    hardLossLabelsOnly: s.labelsOnly?.hardLoss ?? null,
    hardLossTeacher: s.teacher.hardLoss,
    accuracyTeacher: s.teacher.accuracy,
    accuracyStudent: s.student.accuracy,
    accuracyLabelsOnly: s.labelsOnly?.accuracy ?? null,
    probeKlStudent: mean(s.probes.klStudent) ?? NaN,
    flops: s.flops.total,
    flopsPerSecond: s.flops.perSecond,
    probeKlLabelsOnly: mean(s.probes.klLabelsOnly),
    trainLoss: s.trainLoss.total,
  };
}

export interface PlaygroundHost extends ReactiveControllerHost, HTMLElement {
  /** Called with every snapshot, after the controller's own state has been updated. */
  onSnapshot(snapshot: Snapshot, fresh: boolean): void;
  /** Called when the state changes, so the host can mirror it (URL, attributes). */
  onStateChange(state: AppState): void;
}

export class PlaygroundController implements ReactiveController {
  state: AppState;
  init: InitResult | null = null;
  snapshot: Snapshot | null = null;
  backend: BackendInfo | null = null;
  /** Student decision regions; they arrive in some snapshots only, so the latest are kept. */
  regions: Snapshot['regions'] | null = null;
  running = false;
  loading = false;
  selectedProbe = 0;
  notice: Notice | null = null;

  private client: TrainerClient | null = null;
  private started = false;
  private pendingRun: Promise<void> = Promise.resolve();

  constructor(private readonly host: PlaygroundHost, initial: AppState) {
    this.state = initial;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.client?.dispose();
    this.client = null;
    this.started = false;
    this.running = false;
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** Create the worker and the first run. Idempotent; called when the element becomes visible. */
  start(): Promise<void> {
    if (this.started) return this.pendingRun;
    this.started = true;
    this.client = new TrainerClient((message) => this.fail({ code: 'worker-crashed', message: msg.playground.workerCrashed(message) }));
    const client = this.client;
    const listener = client.listener({
      snapshot: (s) => this.receive(s),
      error: (e) => this.fail(e),
      backend: (b) => {
        this.backend = b;
        this.emit('distill-backend', b);
        if (b.fallbackReason && this.state.backend !== 'auto') {
          this.setNotice({ kind: 'warning', text: msg.playground.backendFallback(this.state.backend, b.name, b.fallbackReason) });
        }
        this.host.requestUpdate();
      },
    });
    return this.runExclusive(async () => {
      await client.remote.setSpeed(this.state.speed);
      const result = await client.remote.init(experimentOf(this.state), this.state.backend, listener);
      this.accept(result);
    });
  }

  private runExclusive(task: () => Promise<void>): Promise<void> {
    this.loading = true;
    this.host.requestUpdate();
    this.pendingRun = this.pendingRun
      .then(task)
      .catch((error: unknown) => this.fail({ code: 'internal', message: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        this.loading = false;
        this.host.requestUpdate();
      });
    return this.pendingRun;
  }

  private accept(result: { ok: true; value: InitResult } | { ok: false; error: TrainerError }): void {
    if (!result.ok) return; // The listener has already reported the error.
    this.init = result.value;
    this.backend = result.value.backend;
    this.regions = result.value.snapshot.regions ?? null;
    this.running = false;
    this.selectedProbe = Math.min(this.selectedProbe, result.value.snapshot.probes.count - 1);
    this.snapshot = result.value.snapshot;
    this.host.onSnapshot(result.value.snapshot, true);
    this.emit('distill-step', stepDetail(result.value.snapshot));
    this.host.requestUpdate();
  }

  private receive(s: Snapshot): void {
    // No staleness check needed: the worker posts a run's last snapshot before it answers a reset,
    // and messages arrive in order.
    // Keep the previous probe array when the points did not move, so views can skip a repaint.
    const previous = this.snapshot?.probes.points;
    if (previous && previous.length === s.probes.points.length && previous.every((v, i) => v === s.probes.points[i])) {
      s.probes.points = previous;
    }
    this.snapshot = s;
    if (s.regions) this.regions = s.regions;
    this.running = s.running;
    this.host.onSnapshot(s, false);
    this.emit('distill-step', stepDetail(s));
    this.host.requestUpdate();
  }

  private fail(error: ErrorEventDetail): void {
    if (error.code === 'diverged' || error.code === 'device-lost') this.running = false;
    this.setNotice({ kind: 'error', text: error.message });
    this.emit('distill-error', error);
  }

  setNotice(notice: Notice | null): void {
    this.notice = notice;
    this.host.requestUpdate();
  }

  private emit(type: string, detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Apply a change from the controls: live knobs go straight to the trainer; the rest restarts the run. */
  async apply(patch: Partial<AppState>): Promise<void> {
    const before = this.state;
    const next: AppState = {
      ...before,
      ...patch,
      student: patch.student ? { ...patch.student, hidden: [...patch.student.hidden] } : before.student,
      knobs: patch.knobs ? { ...before.knobs, ...patch.knobs } : before.knobs,
    };
    // A new data set brings its own default probes.
    if (next.dataset !== before.dataset) this.selectedProbe = 0;
    this.state = next;
    this.host.onStateChange(next);
    this.host.requestUpdate();
    const client = this.client;
    if (!client) return;

    if (next.speed !== before.speed) await client.remote.setSpeed(next.speed);
    if (next.backend !== before.backend) {
      await this.runExclusive(async () => this.accept(await client.remote.setBackend(next.backend)));
      return;
    }
    if (needsReset(experimentOf(before), experimentOf(next))) {
      await this.runExclusive(async () => this.accept(await client.remote.reset(experimentOf(next))));
      return;
    }
    const knobs = changedKnobs(before.knobs, next.knobs);
    if (knobs) await client.remote.configure(knobs);
  }

  async command(command: 'play' | 'pause' | 'toggle' | 'step' | 'reset'): Promise<void> {
    const client = this.client;
    if (!client || !this.init) return;
    const remote = client.remote;
    switch (command) {
      case 'toggle':
        return this.command(this.running ? 'pause' : 'play');
      case 'play':
        this.running = true;
        this.host.requestUpdate();
        await remote.play();
        return;
      case 'pause':
        this.running = false;
        this.host.requestUpdate();
        await remote.pause();
        return;
      case 'step':
        this.running = false;
        await remote.step(1);
        return;
      case 'reset':
        this.running = false;
        this.setNotice(null);
        await this.runExclusive(async () => this.accept(await remote.reset(experimentOf(this.state))));
        return;
    }
  }

  selectProbe(index: number): void {
    this.selectedProbe = index;
    this.host.requestUpdate();
  }

  /** A point picked on a map replaces the selected probe (or adds one while fewer than three). */
  async pickProbe(x: number, y: number): Promise<void> {
    const current = this.snapshot?.probes.points;
    if (!current || !this.client) return;
    const points = Array.from(current);
    const index = Math.min(this.selectedProbe, MAX_PROBES - 1);
    points[index * 2] = x;
    points[index * 2 + 1] = y;
    await this.client.remote.setProbes(new Float32Array(points));
  }
}

function changedKnobs(a: Knobs, b: Knobs): Partial<Knobs> | null {
  const out: Partial<Knobs> = {};
  let any = false;
  for (const key of Object.keys(b) as (keyof Knobs)[]) {
    if (a[key] !== b[key]) {
      (out as Record<string, unknown>)[key] = b[key];
      any = true;
    }
  }
  return any ? out : null;
}

export type { TrainerErrorCode };
