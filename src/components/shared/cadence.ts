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
