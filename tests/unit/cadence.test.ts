import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cadence, STREAMING_GAP_MS, Throttle } from '../../src/components/shared/cadence';

describe('Cadence', () => {
  it('says streaming only while updates come closer than the gap', () => {
    const c = new Cadence();
    expect(c.note(0)).toBe(false); // the first update animates
    expect(c.note(100)).toBe(true);
    expect(c.note(100 + STREAMING_GAP_MS - 1)).toBe(true);
    expect(c.note(100 + 3 * STREAMING_GAP_MS)).toBe(false); // a Step after a pause animates again
    expect(c.streaming).toBe(false);
  });
});

describe('Throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('holds a value while live, refreshing it every interval, on a new key, and whenever not live', () => {
    vi.useFakeTimers();
    const t = new Throttle<number>(() => {}, 1000);
    let n = 0;
    const next = () => ++n;
    expect(t.pick(true, 'a', next, 0)).toBe(1); // nothing held yet
    expect(t.pick(true, 'a', next, 400)).toBe(1);
    expect(t.pick(true, 'a', next, 999)).toBe(1);
    expect(t.pick(true, 'a', next, 1000)).toBe(2); // the interval passed
    expect(t.pick(true, 'b', next, 1100)).toBe(3); // a new run
    expect(t.pick(false, 'b', next, 1200)).toBe(4); // paused or stepped: exact
    expect(t.pick(false, 'b', next, 1201)).toBe(5);
    expect(t.pick(true, 'b', next, 1300)).toBe(5);
    expect(n).toBe(5);
  });

  it('asks for one refresh when the interval is over, so a held-back value is shown in the end', () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const t = new Throttle<string>(refresh, 1000);
    t.pick(true, 'k', () => 'first', 0);
    expect(t.pick(true, 'k', () => 'second', 300)).toBe('first');
    expect(t.pick(true, 'k', () => 'third', 600)).toBe('first'); // still one timer
    vi.advanceTimersByTime(699);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    // The view re-renders on refresh, after the interval: the latest value is shown.
    expect(t.pick(true, 'k', () => 'third', 1000)).toBe('third');
    vi.advanceTimersByTime(5000);
    expect(refresh).toHaveBeenCalledTimes(1); // nothing held back: no more timers
  });
});
