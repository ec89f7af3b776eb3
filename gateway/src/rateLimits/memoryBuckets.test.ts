import { describe, expect, it } from 'vitest';
import { createMemoryBuckets } from './memoryBuckets.ts';

const limit = { perSecond: 1, burst: 2 };

describe('buckets in memory', () => {
  it('keep one bucket per key', () => {
    let now = 0;
    const buckets = createMemoryBuckets({ now: () => now });
    expect([buckets.take('a', limit).allowed, buckets.take('a', limit).allowed, buckets.take('a', limit).allowed]).toEqual([true, true, false]);
    expect(buckets.take('b', limit).allowed).toBe(true);
    expect(buckets.take('a', limit)).toEqual({ allowed: false, retryAfterMs: 1000 });
    now = 1000;
    expect(buckets.take('a', limit).allowed).toBe(true);
  });

  it('forget buckets once full again: many one-off callers leave nothing behind', () => {
    let now = 0;
    const buckets = createMemoryBuckets({ now: () => now });
    for (let i = 0; i < 1000; i += 1) buckets.take(`address-${i}`, limit);
    expect(buckets.size()).toBe(1000);
    now = 1001; // each took one token of two: full again after a second
    buckets.take('someone', limit);
    expect(buckets.size()).toBe(1);
  });

  it('never hold more than their bound, even under a flood of new keys', () => {
    const buckets = createMemoryBuckets({ maxBuckets: 100, now: () => 0 });
    for (let i = 0; i < 10_000; i += 1) buckets.take(`address-${i}`, limit);
    expect(buckets.size()).toBe(100);
    // The most recent are kept: a caller still sending keeps its (empty) bucket.
    buckets.take('address-9999', limit);
    expect(buckets.take('address-9999', limit).allowed).toBe(false);
  });
});
