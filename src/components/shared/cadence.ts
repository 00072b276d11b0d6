/**
 * Whether a view's data is streaming: updates closer together than STREAMING_GAP_MS (training at
 * full speed sends several a second). Bars then jump to each new value instead of animating:
 * 108 bar transitions restarted at every snapshot cost the names lab's page ~170 ms of main-thread
 * time a second (measured), time the training worker shares the CPU with. A Step, or a slow
 * device, still animates.
 */
export const STREAMING_GAP_MS = 500;

export class Cadence {
  private last = -Infinity;
  streaming = false;

  /** Call when the data changes; returns whether it is streaming now. */
  note(now: number = performance.now()): boolean {
    this.streaming = now - this.last < STREAMING_GAP_MS;
    this.last = now;
    return this.streaming;
  }
}

/**
 * How often a view beside the stage follows a streaming run: the cost widget's figures, a screen
 * reader's copy of the bars. Figures that change ten times a second cannot be read, and each change
 * is layout work in the frame that also draws the stage (on a slow core the MNIST page's frames
 * crossed 50 ms, `npm run bench`).
 */
export const SECONDARY_REFRESH_MS = 1000;

/**
 * A value refreshed at most every `everyMs` while `live` (training at full speed), at once
 * otherwise (a Step, a pause) or when its key changes (a new run). When it holds a value back it
 * calls `refresh` once the interval is over (the view re-renders and picks the latest), so the
 * last snapshot before a pause is never left out.
 */
export class Throttle<T> {
  private held: T | undefined;
  private heldKey: unknown;
  private at = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly refresh: () => void,
    readonly everyMs: number = SECONDARY_REFRESH_MS,
  ) {}

  pick(live: boolean, key: unknown, next: () => T, now: number = performance.now()): T {
    if (!live || this.held === undefined || key !== this.heldKey || now - this.at >= this.everyMs) {
      this.held = next();
      this.heldKey = key;
      this.at = now;
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.refresh();
      }, this.at + this.everyMs - now);
    }
    return this.held as T;
  }
}
