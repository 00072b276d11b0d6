/**
 * The playground's reactive controller: owns the trainer client and the experiment state, turns
 * user intents into trainer calls, and keeps the latest results for the views. Views stay views:
 * they read from here and send intents back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '../i18n';
import { backendRequest, readStoredChoice, writeStoredChoice, type BackendRequest, type KeyValueStore } from '../state/backend-choice';
import { experimentOf, needsReset, type AppState, type Knobs } from '../state/experiment';
import { cloneMnistExperiment, defaultMnistExperiment, mnistNeedsReset, type MnistExperiment, type MnistKnobs } from '../state/mnist';
import type {
  AnyExperiment,
  BackendInfo,
  InitResult,
  LoadProgress,
  MnistSnapshot,
  Snapshot,
  Toy2dSnapshot,
  TrainerError,
  TrainerErrorCode,
  TrainerListener,
} from '../../workers/trainer-api';
import { TrainerClient } from './trainer-client';

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

/** `distill-step` detail for the 2-D lab. */
export interface StepEventDetail {
  lab: 'toy2d';
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
  probeKlLabelsOnly: number | null;
  /** Training FLOPs so far, and the training FLOP/s achieved on this device. */
  flops: number;
  flopsPerSecond: number;
  trainLoss: number;
}

/** `distill-step` detail for the MNIST lab: test errors out of 10,000. */
export interface MnistStepEventDetail {
  lab: 'mnist';
  step: number;
  examplesSeen: number;
  examplesPerSecond: number;
  running: boolean;
  temperature: number;
  teacherErrors: number;
  students: { id: string; errors: number; perClassErrors: number[] }[];
  flops: number;
  flopsPerSecond: number;
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

const MAX_PROBES = 3;

function mean(values: Float32Array | null): number | null {
  if (!values || values.length === 0) return null;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

export function stepDetail(s: Snapshot): StepEventDetail | MnistStepEventDetail {
  if (s.lab === 'mnist') {
    return {
      lab: 'mnist',
      step: s.step,
      examplesSeen: s.examplesSeen,
      examplesPerSecond: s.examplesPerSecond,
      running: s.running,
      temperature: s.knobs.temperature,
      teacherErrors: s.mnist.teacher.errors,
      students: s.mnist.students.map((x) => ({ id: x.id, errors: x.test.errors, perClassErrors: [...x.test.perClass.errors] })),
      flops: s.flops.total,
      flopsPerSecond: s.flops.perSecond,
    };
  }
  return {
    lab: 'toy2d',
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
    probeKlLabelsOnly: mean(s.probes.klLabelsOnly),
    flops: s.flops.total,
    flopsPerSecond: s.flops.perSecond,
    trainLoss: s.trainLoss.total,
  };
}

export interface PlaygroundHost extends ReactiveControllerHost, HTMLElement {
  /** Called with every snapshot, after the controller's own state has been updated. */
  onSnapshot(snapshot: Snapshot, fresh: boolean): void;
  /** Called when the state changes, so the host can mirror it (URL, attributes). */
  onStateChange(state: AppState, mnist: MnistExperiment): void;
}

export class PlaygroundController implements ReactiveController {
  state: AppState;
  /** The MNIST lab's experiment (kept while the 2-D lab is shown, and the other way round). */
  mnist: MnistExperiment = defaultMnistExperiment();
  /** The preset the MNIST experiment came from, until the user changes something. */
  mnistPreset: string | null = null;
  /** What the worker is doing while the run starts (backend, timing, downloads), until it is ready. */
  progress: LoadProgress | null = null;
  /** The latest backend being started or timed, while the run starts. */
  backendStep: LoadProgress | null = null;
  /** A Play or Step pressed while the run was starting: carried out as soon as it is ready. */
  pending: PendingCommand | null = null;
  /** Index of the digit shown in the MNIST lab's distribution bars. */
  selectedDigit = 0;
  /** A digit the user drew (784 values, 0–1), sent with the strip. */
  drawn: Float32Array | null = null;
  init: InitResult | null = null;
  snapshot: Snapshot | null = null;
  backend: BackendInfo | null = null;
  /** Student decision regions; they arrive in some snapshots only, so the latest are kept. */
  regions: Toy2dSnapshot['regions'] | null = null;
  running = false;
  /** Set between Pause and the trainer's last snapshot of that run. */
  private pausing = false;
  loading = false;
  selectedProbe = 0;
  notice: Notice | null = null;

  private client: TrainerClient | null = null;
  private listenerProxy: TrainerListener | null = null;
  private started = false;
  private pendingRun: Promise<void> = Promise.resolve();
  /** Runs started (init, reset, lab or backend switch) and not yet answered. */
  private starting = 0;

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
        // A fresh measurement is kept for this lab on this device, so the next visit starts at once.
        if (b.auto && !b.auto.remembered) writeStoredChoice(deviceStore(), this.state.lab, userAgent(), b.name, b.auto);
        this.emit('distill-backend', b);
        if (b.fallbackReason && this.state.backend !== 'auto') {
          this.setNotice({ kind: 'warning', text: msg.playground.backendFallback(this.state.backend, b.name, b.fallbackReason) });
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
      await client.remote.setSpeed(this.state.speed);
      this.accept(await client.remote.init(this.experiment(), this.backendRequest(), listener));
    });
  }

  /** The backend to ask for: the user's choice, or for `auto` this device's earlier measurement for the lab. */
  private backendRequest(fresh = false): BackendRequest {
    const stored = readStoredChoice(deviceStore(), this.state.lab, userAgent());
    return backendRequest(this.state.backend, stored, fresh);
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

  /** The experiment of the lab on show, as the trainer takes it. */
  experiment(): AnyExperiment {
    return this.state.lab === 'mnist' ? { ...cloneMnistExperiment(this.mnist), lab: 'mnist' } : experimentOf(this.state);
  }

  get toy2dSnapshot(): Toy2dSnapshot | null {
    return this.snapshot?.lab === 'toy2d' ? this.snapshot : null;
  }

  get mnistSnapshot(): MnistSnapshot | null {
    return this.snapshot?.lab === 'mnist' ? this.snapshot : null;
  }

  private accept(result: { ok: true; value: InitResult } | { ok: false; error: TrainerError }): void {
    if (!result.ok) {
      // The listener has already reported the error; what was pressed meanwhile is dropped with it.
      this.pending = null;
      return;
    }
    this.init = result.value;
    this.backend = result.value.backend;
    const first = result.value.snapshot;
    this.regions = first.lab === 'toy2d' ? (first.regions ?? null) : null;
    this.running = false;
    this.pausing = false;
    if (first.lab === 'toy2d') this.selectedProbe = Math.min(this.selectedProbe, first.probes.count - 1);
    else this.drawn = null;
    this.snapshot = first;
    this.host.onSnapshot(result.value.snapshot, true);
    this.emit('distill-step', stepDetail(result.value.snapshot));
    this.host.requestUpdate();
  }

  private receive(s: Snapshot): void {
    // No staleness check needed: the worker posts a run's last snapshot before it answers a reset,
    // and messages arrive in order.
    if (s.lab === 'toy2d') {
      // Keep the previous probe array when the points did not move, so views can skip a repaint.
      const previous = this.toy2dSnapshot?.probes.points;
      if (previous && previous.length === s.probes.points.length && previous.every((v, i) => v === s.probes.points[i])) {
        s.probes.points = previous;
      }
      if (s.regions) this.regions = s.regions;
    }
    this.snapshot = s;
    // After Pause, snapshots already on their way still say "running": the last one says otherwise.
    if (!s.running) this.pausing = false;
    this.running = s.running && !this.pausing;
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
    this.host.onStateChange(next, this.mnist);
    this.host.requestUpdate();
    const client = this.client;
    if (!client) return;

    if (next.speed !== before.speed) await client.remote.setSpeed(next.speed);
    if (next.backend !== before.backend) {
      // `auto` picked in the menu measures afresh; a named backend is used as it is.
      const request = this.backendRequest(true);
      this.running = false;
      await this.runExclusive(async () => this.accept(await client.remote.setBackend(request)));
      return;
    }
    if (next.lab !== before.lab && next.backend === 'auto' && this.listenerProxy) {
      // Each lab has its own fastest backend: reuse this device's choice for it, or measure.
      const listener = this.listenerProxy;
      const request = this.backendRequest();
      this.running = false;
      await this.runExclusive(async () => this.accept(await client.remote.init(this.experiment(), request, listener)));
      return;
    }
    if (next.lab !== before.lab || (next.lab === 'toy2d' && needsReset(experimentOf(before), experimentOf(next)))) {
      this.running = false;
      await this.runExclusive(async () => this.accept(await client.remote.reset(this.experiment())));
      return;
    }
    if (next.lab !== 'toy2d') return;
    const knobs = changedKnobs(before.knobs, next.knobs);
    if (knobs) await client.remote.configure(knobs);
  }

  /** Apply a change to the MNIST experiment: live knobs go straight to the trainer; the rest restarts the run. */
  async applyMnist(next: MnistExperiment, preset: string | null = null): Promise<void> {
    const before = this.mnist;
    this.mnist = cloneMnistExperiment(next);
    this.mnistPreset = preset;
    this.host.onStateChange(this.state, this.mnist);
    this.host.requestUpdate();
    const client = this.client;
    if (!client || this.state.lab !== 'mnist') return;
    if (mnistNeedsReset(before, next)) {
      this.running = false;
      await this.runExclusive(async () => this.accept(await client.remote.reset(this.experiment())));
      return;
    }
    const knobs = changedKnobs(before.knobs, next.knobs);
    if (knobs) await client.remote.configure(knobs);
  }

  selectDigit(index: number): void {
    this.selectedDigit = index;
    this.host.requestUpdate();
  }

  /** A drawn digit joins the strip (as its last image, label 255) until the next run. */
  async drawDigit(image: Float32Array): Promise<void> {
    const digits = this.mnistSnapshot?.mnist.digits;
    if (!digits || !this.client) return;
    const strip = digits.labels[digits.count - 1] === 255 ? digits.count - 1 : digits.count;
    const images = new Float32Array((strip + 1) * 784);
    images.set(digits.images.subarray(0, strip * 784));
    images.set(image, strip * 784);
    const labels = new Uint8Array(strip + 1);
    labels.set(digits.labels.subarray(0, strip));
    labels[strip] = 255;
    this.drawn = image;
    this.selectedDigit = strip;
    await this.client.remote.setDigits(images, labels);
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

  selectProbe(index: number): void {
    this.selectedProbe = index;
    this.host.requestUpdate();
  }

  /** A point picked on a map replaces the selected probe (or adds one while fewer than three). */
  async pickProbe(x: number, y: number): Promise<void> {
    const current = this.toy2dSnapshot?.probes.points;
    if (!current || !this.client) return;
    const points = Array.from(current);
    const index = Math.min(this.selectedProbe, MAX_PROBES - 1);
    points[index * 2] = x;
    points[index * 2 + 1] = y;
    await this.client.remote.setProbes(new Float32Array(points));
  }
}

function changedKnobs<K extends Knobs | MnistKnobs>(a: K, b: K): Partial<K> | null {
  const out: Partial<K> = {};
  let any = false;
  for (const key of Object.keys(b) as (keyof K)[]) {
    if (a[key] !== b[key]) {
      out[key] = b[key];
      any = true;
    }
  }
  return any ? out : null;
}

export type { TrainerErrorCode };
