/**
 * Runs a callback at most once every `gapMs`: at once when the last run is at least that old,
 * otherwise once, when it will be (requests in between fold into that one). The playground's
 * renders while training and each chart's redraws are spaced this way.
 */
export class Spaced {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(
    private readonly gapMs: number,
    private readonly run: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Asks for a run; `immediate` runs now whatever the gap (and drops a pending one). */
  request(immediate = false): void {
    const wait = immediate ? 0 : this.last + this.gapMs - this.now();
    if (wait <= 0) this.fire();
    else this.timer ??= setTimeout(() => this.fire(), wait);
  }

  /** Drops a pending run. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.cancel();
    this.last = this.now();
    this.run();
  }
}
