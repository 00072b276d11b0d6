import { describe, expect, it } from 'vitest';
import { Cadence, STREAMING_GAP_MS } from '../../src/components/shared/cadence';

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
