import { describe, expect, it } from 'vitest';
import { BASE_MS, BUCKETS, bucketOf, LatencyHistograms, mergeInto, percentiles, upperBoundOf } from './latencyHistogram.ts';

describe('latency histograms', () => {
  it('puts each duration in the bucket whose bound is the first at or above it', () => {
    expect([bucketOf(0), bucketOf(BASE_MS), bucketOf(0.26), bucketOf(0.5), bucketOf(1), bucketOf(1.01)]).toEqual([0, 0, 1, 4, 8, 9]);
    for (const ms of [0.3, 1.7, 12, 250, 4_000]) {
      const index = bucketOf(ms);
      expect(upperBoundOf(index)).toBeGreaterThanOrEqual(ms);
      expect(upperBoundOf(index - 1)).toBeLessThan(ms);
      // A bucket is at most 19% wider than the one before.
      expect(upperBoundOf(index) / ms).toBeLessThan(1.19);
    }
    expect(bucketOf(1e9)).toBe(BUCKETS - 1);
    expect(bucketOf(Number.NaN)).toBe(0);
  });

  it('reads p50, p95 and p99 as the upper bound of the bucket holding that rank', () => {
    const counts = new Array<number>(BUCKETS).fill(0);
    // 100 calls: 90 at 1 ms, 6 at 10 ms, 4 at 100 ms.
    counts[bucketOf(1)] += 90;
    counts[bucketOf(10)] += 6;
    counts[bucketOf(100)] += 4;
    expect(percentiles(counts)).toEqual({ p50: 1, p95: Math.round(upperBoundOf(bucketOf(10)) * 100) / 100, p99: Math.round(upperBoundOf(bucketOf(100)) * 100) / 100, calls: 100 });
    expect(percentiles(new Array(BUCKETS).fill(0))).toEqual({ p50: null, p95: null, p99: null, calls: 0 });
  });

  it('merges histograms of replicas or days by adding counts, with the same percentiles as one histogram of every call', () => {
    const durations = [0.4, 2, 2, 3, 8, 40, 41, 300, 5, 5];
    const whole = new Array<number>(BUCKETS).fill(0);
    for (const ms of durations) whole[bucketOf(ms)] += 1;
    const one = new Array<number>(BUCKETS).fill(0);
    const two = new Array<number>(BUCKETS).fill(0);
    durations.forEach((ms, index) => ((index % 2 ? one : two)[bucketOf(ms)] += 1));
    mergeInto(one, two);
    expect(percentiles(one)).toEqual(percentiles(whole));
  });

  it('keeps a process\'s histograms by day, agency and purpose until taken, and takes back a failed flush', () => {
    let day = '2026-12-04';
    const histograms = new LatencyHistograms(() => day);
    histograms.rollOver();
    histograms.record('bhxh-tinh', 'social-insurance', 3);
    histograms.record('bhxh-tinh', 'social-insurance', 3);
    day = '2026-12-05';
    histograms.rollOver();
    histograms.record('so-y-te', '', 1);
    const taken = histograms.take();
    expect(taken.map(({ day: at, agency, purpose, counts }) => [at, agency, purpose, counts.reduce((sum, count) => sum + count, 0)])).toEqual([
      ['2026-12-04', 'bhxh-tinh', 'social-insurance', 2],
      ['2026-12-05', 'so-y-te', '', 1],
    ]);
    expect(histograms.take()).toEqual([]);
    histograms.putBack(taken);
    histograms.record('so-y-te', '', 1);
    expect(histograms.take().map(({ day: at, agency, counts }) => [at, agency, counts.reduce((sum, count) => sum + count, 0)])).toEqual([
      ['2026-12-04', 'bhxh-tinh', 2],
      ['2026-12-05', 'so-y-te', 1],
      ['2026-12-05', 'so-y-te', 1],
    ]);
  });
});
