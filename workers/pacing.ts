/**
 * The play loop and its pacing, for any lab's run: steps in chunks of ~12 ms (or at the chosen
 * steps per second), syncs after each chunk, measures throughput over a ~1.5 s window, and spaces
 * snapshots by what they cost, so that training keeps about 95 % of the worker's time (the bare
 * loop's speed, `npm run bench`): light and heavy snapshots get LIGHT_SHARE and HEAVY_SHARE.
 */
import type { LabRun } from '../src/labs/types';
import type { Snapshot } from './trainer-api';

/**
 * At most this many snapshots per second reach the page (it renders at most 5 a second; the
 * rest add points to the curves).
 */
export const SNAPSHOTS_PER_SECOND = 10;
/** The heavy part of a snapshot (decision regions; a test-set evaluation) is refreshed less often. */
const HEAVY_INTERVAL_MS = 200;
/** At full speed, run steps for about this long between yields, so pause and knobs stay responsive. */
export const CHUNK_BUDGET_MS = 12;
export const MAX_STEPS_PER_CHUNK = 500;
/**
 * The share of the worker's time light and heavy snapshots may each take: one that cost c ms
 * waits c / share ms for the next of its kind (a 1 ms light one: 10 a second; a 20 ms heavy one
 * (a 2-D lab's maps, 250 MNIST test images): every 2 s). Together ~2 %: training keeps ~98 %.
 * Between light snapshots further apart than PULSE_GAP_MS, pulses (the step and rate, nothing
 * read from the device) keep the page's counters moving, once a second.
 */
export const LIGHT_SHARE = 0.01;
export const HEAVY_SHARE = 0.01;
/**
 * The heavy part is not older than this while training as long as that costs at most
 * HEAVY_FLOOR_SHARE of the worker's time (a heavy snapshot of up to 40 ms): the test-set
 * evaluation behind a lab's "what the teacher added" headline moves on at least every 2 s
 * (MNIST's chunks of its test-set pass are sized to ~50 ms, the names lab's validation pass
 * ~50 ms on wasm). A dearer one waits 50 × its cost: a software GPU (WebGPU on SwiftShader: a 2-D
 * lab's maps ~3.5 s) once spent half its time on snapshots forced every 2 s.
 */
const HEAVY_MAX_GAP_MS = 2000;
export const HEAVY_FLOOR_SHARE = 0.02;
/**
 * For a run's first FIRST_SIGHT_MS of training (over all its Plays) the 2 s floor holds while it
 * costs up to 5 % (a heavy snapshot of up to 100 ms: MNIST's test-set chunks take 50–80 ms on
 * WebAssembly), and light snapshots come at least every 250 ms while that costs up to 2.5 %
 * (lightGapMs): what the teacher added must show at once (`npm run bench:first-sight`). A
 * software renderer's dear heavy snapshots (> 200 ms) get 2 % always. Only a run's first
 * seconds: after a Pause the headline is already there, and every Play paying for it again cost
 * the 2-D lab on WebGPU (SwiftShader; 110 ms maps every 2 s) 5.6 % of its training.
 */
export const FIRST_SIGHT_MS = 10_000;
export const FIRST_SIGHT_FLOOR_SHARE = 0.05;
const FIRST_SIGHT_MAX_COST_MS = 200;
const FIRST_SIGHT_LIGHT_GAP_MS = 250;
export const FIRST_SIGHT_LIGHT_SHARE = 0.025;
/**
 * When light snapshots are spaced further apart than this (a device so slow that a readout costs
 * a second), a pulse (the step and rate only, nothing read from the device) goes in between, so
 * the page never goes quiet for long: WebGPU on SwiftShader would otherwise show one step count
 * every ~40 s. Once a second, not twice: each pulse re-renders the page, and on a software GPU
 * (SwiftShader) the frame is drawn on the same threads that train. In the 2-D lab on WebGPU
 * there (EPYC Zen 5), 8 s windows with the page rendering its pulses and without, in turn,
 * trained ~8 % faster without (215 against 199 examples/s, faster in 5 pairs of 6).
 */
export const PULSE_GAP_MS = 1000;

/**
 * The wait before the next light snapshot, given what the last one cost (ms) and how long the run
 * has trained: in the first FIRST_SIGHT_MS, at least every 250 ms while that costs up to
 * 2.5 % (MNIST's headline waits on its light snapshots: at 1 % it showed 4–8 s after Play, with
 * this 1.3–2.5 s).
 */
export function lightGapMs(cost: number, trained = Infinity): number {
  const gap = trained < FIRST_SIGHT_MS ? Math.min(cost / LIGHT_SHARE, Math.max(FIRST_SIGHT_LIGHT_GAP_MS, cost / FIRST_SIGHT_LIGHT_SHARE)) : cost / LIGHT_SHARE;
  return Math.max(1000 / SNAPSHOTS_PER_SECOND, gap);
}

/** The wait before the next heavy snapshot, given what the last one cost (ms) and how long the run has trained. */
export function heavyGapMs(cost: number, trained = Infinity): number {
  const floorShare = trained < FIRST_SIGHT_MS && cost <= FIRST_SIGHT_MAX_COST_MS ? FIRST_SIGHT_FLOOR_SHARE : HEAVY_FLOOR_SHARE;
  return Math.max(HEAVY_INTERVAL_MS, Math.min(cost / HEAVY_SHARE, Math.max(HEAVY_MAX_GAP_MS, cost / floorShare)));
}

/**
 * examples/s is measured over at least this much wall time, and over at least 1.25 heavy
 * snapshot gaps (at most 10 s), so the window always holds the dearest pause: a 1.5 s window
 * between 2 s heavy snapshots often held none and reported up to twice the real rate.
 */
const RATE_WINDOW_MS = 1500;
const MAX_RATE_WINDOW_MS = 10_000;

export function rateWindowMs(heavyCost: number): number {
  return Math.min(MAX_RATE_WINDOW_MS, Math.max(RATE_WINDOW_MS, 1.25 * heavyGapMs(heavyCost)));
}

/**
 * At full speed the loop yields to the event loop (so pause, knobs and inputs get in) when this
 * long has passed since it last did, not after every chunk: a yield is a message round trip,
 * ~0.3 ms in a busy worker. After every 12 ms chunk it cost training 3 %, every 40 ms 0.6–1 %,
 * every 100 ms 0.3 % (the 2-D lab on the CPU backend, timed in the worker); a Pause still
 * lands within ~0.1 s.
 */
export const YIELD_EVERY_MS = 100;

/** Yields to the event loop without setTimeout's 4 ms clamp, so queued messages (pause) run. */
function eventLoopYielder(): { yieldToEventLoop: () => Promise<void>; close: () => void } {
  if (typeof MessageChannel === 'undefined') return { yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)), close: () => undefined };
  // One channel for the loop's life: making one per yield costs as much as the round trip.
  const channel = new MessageChannel();
  let wake: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    yieldToEventLoop: () =>
      new Promise((resolve) => {
        wake = resolve;
        channel.port2.postMessage(null);
      }),
    close: () => channel.port1.close(),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the loop needs from the engine. */
export interface LoopContext {
  /** The run now (it changes on reset: the loop then stops touching the old one). */
  run(): LabRun | null;
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  snapshot(heavy: boolean): Promise<Snapshot>;
  publish(snap: Snapshot): void;
  /** Sends the page the step and rate only (TrainerListener.pulse). */
  pulse(): void;
  fail(error: unknown): void;
}

export function createPacer(now: () => number) {
  let loop: Promise<void> | null = null;
  let lastSnapshotAt = -Infinity;
  let lastHeavyAt = -Infinity;
  let lastPulseAt = -Infinity;
  /** The kinds of snapshot (heavy: true, light: false) not yet taken since Play. */
  let unpriced = new Set<boolean>();
  /** What the last light and heavy snapshots cost: on a slow device, snapshots thin out. */
  let lightCost = 0;
  let heavyCost = 0;
  /** (time, examples) samples over the last ~second, for a steady examples/s. */
  let rate: { t: number; examples: number }[] = [];
  /** How long the current run has trained (played), over all its Plays: first sight is its first seconds. */
  let trainedMs = 0;

  const pacer = {
    playing: false,
    /** Steps per second while playing; 0 = as fast as possible. */
    stepsPerSecond: 0,

    examplesPerSecond(): number {
      if (rate.length < 2) return 0;
      const first = rate[0]!;
      const last = rate[rate.length - 1]!;
      const dt = (last.t - first.t) / 1000;
      return dt > 0 ? (last.examples - first.examples) / dt : 0;
    },

    /**
     * Samples (time, examples) after every chunk. The window always spans at least rateWindowMs()
     * of wall time, snapshot pauses included, so examples/s is what the user actually gets.
     */
    noteRate(examples: number): void {
      const t = now();
      rate.push({ t, examples });
      const window = rateWindowMs(heavyCost);
      while (rate.length > 2 && t - rate[1]!.t >= window) rate.shift();
    },

    /** A new run: its rate and its first sight start afresh. */
    newRun(): void {
      rate = [];
      trainedMs = 0;
    },

    snapshotTaken(heavy: boolean, cost: number): void {
      const done = now();
      // The first heavy and the first light snapshot after Play come at once, to learn what each
      // costs; on a slow device they take seconds, and a window that began before them would show
      // a rate far below the one training settles at. The window starts after them.
      if (unpriced.delete(heavy)) rate = [];
      if (heavy) {
        lastHeavyAt = done;
        heavyCost = cost;
      } else lightCost = cost;
      lastSnapshotAt = done;
      lastPulseAt = done;
    },

    start(ctx: LoopContext): void {
      pacer.playing = true;
      rate = [];
      unpriced = new Set([true, false]);
      // What a paused snapshot cost (a run's first, whole-test-set one) says nothing about the
      // snapshots while playing: the first one comes after the first chunk of steps.
      lightCost = 0;
      heavyCost = 0;
      loop = playLoop(ctx).finally(() => {
        loop = null;
      });
    },

    async stop(): Promise<void> {
      pacer.playing = false;
      await loop;
    },
  };

  async function playLoop(ctx: LoopContext): Promise<void> {
    const { yieldToEventLoop, close: closeYielder } = eventLoopYielder();
    let lastYield = now();
    const pressedAt = now();
    const trainedBefore = trainedMs;
    const trained = (t: number) => trainedBefore + (t - pressedAt);
    let playStart = now();
    let stepsAtStart = ctx.run()?.step ?? 0;
    let lastSpeed = pacer.stepsPerSecond;
    while (pacer.playing && ctx.run()) {
      const r = ctx.run()!;
      if (pacer.stepsPerSecond !== lastSpeed) {
        playStart = now();
        stepsAtStart = r.step;
        lastSpeed = pacer.stepsPerSecond;
      }
      try {
        await ctx.exclusive(async () => {
          if (!pacer.playing || ctx.run() !== r) return;
          const chunkStart = now();
          if (pacer.stepsPerSecond > 0) {
            const due = Math.floor(((now() - playStart) * pacer.stepsPerSecond) / 1000) - (r.step - stepsAtStart);
            // Bounded in time too: on a device slower than the chosen speed (MNIST on wasm runs
            // ~2 steps/s), the debt would otherwise become one chunk of hundreds of steps.
            for (let i = 0; i < Math.min(due, MAX_STEPS_PER_CHUNK); i++) {
              r.trainStep();
              if (now() - chunkStart >= CHUNK_BUDGET_MS) break;
            }
          } else {
            let n = 0;
            do {
              r.trainStep();
              n++;
            } while (n < MAX_STEPS_PER_CHUNK && now() - chunkStart < CHUNK_BUDGET_MS);
          }
          await r.sync();
          pacer.noteRate(r.examplesSeen);
          const t = now();
          // Snapshots are spaced by their cost, so training keeps ~95 % of the time on any device.
          if (t - lastSnapshotAt >= lightGapMs(lightCost, trained(t))) ctx.publish(await ctx.snapshot(t - lastHeavyAt >= heavyGapMs(heavyCost, trained(t))));
          else if (t - lastPulseAt >= PULSE_GAP_MS) {
            lastPulseAt = t;
            ctx.pulse();
          }
        });
      } catch (error) {
        pacer.playing = false;
        ctx.fail(error);
        break;
      }
      if (pacer.stepsPerSecond > 0) {
        const nextDue = playStart + (((ctx.run()?.step ?? 0) - stepsAtStart + 1) * 1000) / pacer.stepsPerSecond;
        await sleep(Math.max(0, Math.min(nextDue - now(), 1000 / SNAPSHOTS_PER_SECOND)));
      } else if (now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
    closeYielder();
    trainedMs = trained(now());
    // A final snapshot, so the page shows exactly where training stopped.
    if (ctx.run()) {
      try {
        await ctx.exclusive(async () => {
          if (ctx.run()) ctx.publish(await ctx.snapshot(true));
        });
      } catch (error) {
        ctx.fail(error);
      }
    }
  }

  return pacer;
}
