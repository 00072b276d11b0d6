/**
 * The play loop and its pacing, for any lab's run: steps in chunks of ~12 ms (or at the chosen
 * steps per second), syncs after each chunk, measures throughput over a ~1.5 s window, and spaces
 * snapshots by what they cost, so that training keeps about 95 % of the worker's time (the bare
 * loop's speed, `npm run bench`): light and heavy snapshots get LIGHT_SHARE and HEAVY_SHARE.
 */
import type { LabRun } from '../src/labs/types';
import type { Snapshot } from './trainer-api';

/** At most this many snapshots per second reach the page. */
export const SNAPSHOTS_PER_SECOND = 30;
/** The heavy part of a snapshot (decision regions; a test-set evaluation) is refreshed less often. */
const HEAVY_INTERVAL_MS = 200;
/** At full speed, run steps for about this long between yields, so pause and knobs stay responsive. */
export const CHUNK_BUDGET_MS = 12;
export const MAX_STEPS_PER_CHUNK = 500;
/**
 * The share of the worker's time light and heavy snapshots may each take: one that cost c ms
 * waits c / share ms for the next of its kind (a 1 ms light one: 30 a second; a 30 ms heavy one
 * (a 2-D lab's maps, 250 MNIST test images): every 1.5 s). Together ~4 %: training keeps ~95 %.
 */
export const LIGHT_SHARE = 0.02;
export const HEAVY_SHARE = 0.02;
/**
 * Yet the page hears at least this often while training (curves, step count), unless a light
 * snapshot costs over 1/25 of this gap (a slow device, MNIST's 20 ms ones): then it is 25 × its
 * cost (4 %).
 */
const MAX_LIGHT_GAP_MS = 250;
/**
 * The heavy part is never older than this while training: the test-set evaluation behind a lab's
 * curves and its "what the teacher added" headline moves on at least every 2 s, even when one
 * heavy snapshot was dear (MNIST's first pass also measures the teacher).
 */
const HEAVY_MAX_GAP_MS = 2000;
/** Even on the slowest device the page hears from the trainer at least this often. */
const MAX_SNAPSHOT_GAP_MS = 5000;
/** examples/s is measured over at least this much wall time. */
const RATE_WINDOW_MS = 1500;

/** Yields to the event loop without setTimeout's 4 ms clamp, so queued messages (pause) run. */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the loop needs from the engine. */
export interface LoopContext {
  /** The run now (it changes on reset: the loop then stops touching the old one). */
  run(): LabRun | null;
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  snapshot(heavy: boolean): Promise<Snapshot>;
  publish(snap: Snapshot): void;
  fail(error: unknown): void;
}

export function createPacer(now: () => number) {
  let loop: Promise<void> | null = null;
  let lastSnapshotAt = -Infinity;
  let lastHeavyAt = -Infinity;
  /** What the last light and heavy snapshots cost: on a slow device, snapshots thin out. */
  let lightCost = 0;
  let heavyCost = 0;
  /** (time, examples) samples over the last ~second, for a steady examples/s. */
  let rate: { t: number; examples: number }[] = [];

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
     * Samples (time, examples) after every chunk. The window always spans at least RATE_WINDOW_MS
     * of wall time, snapshot pauses included, so examples/s is what the user actually gets.
     */
    noteRate(examples: number): void {
      const t = now();
      rate.push({ t, examples });
      while (rate.length > 2 && t - rate[1]!.t >= RATE_WINDOW_MS) rate.shift();
    },

    resetRate(): void {
      rate = [];
    },

    snapshotTaken(heavy: boolean, cost: number): void {
      const done = now();
      if (heavy) {
        lastHeavyAt = done;
        heavyCost = cost;
      } else lightCost = cost;
      lastSnapshotAt = done;
    },

    start(ctx: LoopContext): void {
      pacer.playing = true;
      rate = [];
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
          const lightGap = Math.max(1000 / SNAPSHOTS_PER_SECOND, Math.min(lightCost / LIGHT_SHARE, Math.max(MAX_LIGHT_GAP_MS, 25 * lightCost)));
          if (t - lastSnapshotAt >= Math.min(MAX_SNAPSHOT_GAP_MS, lightGap)) {
            ctx.publish(await ctx.snapshot(t - lastHeavyAt >= Math.min(HEAVY_MAX_GAP_MS, Math.max(HEAVY_INTERVAL_MS, heavyCost / HEAVY_SHARE))));
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
      } else {
        await yieldToEventLoop();
      }
    }
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
