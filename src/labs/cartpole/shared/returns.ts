/**
 * Episode returns as CartPole-v1 judges them: the mean of the last 100, and the environment step
 * at which that mean first reached 475 ("solved"). Pure; the worker and the benchmark share it.
 */
import { SOLVED_RETURN, SOLVED_WINDOW } from './env';

export class ReturnTracker {
  episodes = 0;
  lastReturn = Number.NaN;
  /** Environment steps when the mean of the last 100 returns first reached 475, or null. */
  solvedAt: number | null = null;
  private readonly window: number[] = [];
  private sum = 0;

  /** An episode ended with `value`, after `steps` environment steps in all. */
  add(value: number, steps: number): void {
    this.episodes += 1;
    this.lastReturn = value;
    this.window.push(value);
    this.sum += value;
    if (this.window.length > SOLVED_WINDOW) this.sum -= this.window.shift()!;
    if (this.solvedAt === null && this.window.length === SOLVED_WINDOW && this.sum / SOLVED_WINDOW >= SOLVED_RETURN) this.solvedAt = steps;
  }

  /** Mean of the last (up to) 100 returns; NaN before the first episode ends. */
  get meanReturn(): number {
    return this.window.length ? this.sum / this.window.length : Number.NaN;
  }

  /** How many returns the mean is over (up to 100). */
  get windowSize(): number {
    return this.window.length;
  }
}
