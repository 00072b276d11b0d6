import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Spaced } from '../../src/shared/spaced';

describe('Spaced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then at most once per gap, folding requests in between; immediate runs now; cancel drops', () => {
    let t = 0;
    let runs = 0;
    const s = new Spaced(200, () => runs++, () => t);
    s.request();
    expect(runs).toBe(1);
    t = 50;
    s.request();
    s.request();
    expect(runs).toBe(1);
    t = 200;
    vi.advanceTimersByTime(150);
    expect(runs).toBe(2);
    t = 250;
    s.request(true);
    expect(runs).toBe(3);
    t = 300;
    s.request();
    s.cancel();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(3);
  });
});
