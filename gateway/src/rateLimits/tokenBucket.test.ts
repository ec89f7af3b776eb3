import { describe, expect, it } from 'vitest';
import { msUntilFull, retryAfterSeconds, takeToken, type BucketState } from './tokenBucket.ts';

const limit = { perSecond: 2, burst: 3 };

/** Takes `count` tokens at `nowMs`, returning the decisions and the last state. */
function takeMany(state: BucketState | undefined, count: number, nowMs: number) {
  const allowed: boolean[] = [];
  for (let i = 0; i < count; i += 1) {
    const decision = takeToken(state, limit, nowMs);
    allowed.push(decision.allowed);
    state = decision.state;
  }
  return { allowed, state: state! };
}

describe('the token bucket', () => {
  it('starts full: a new caller gets the whole burst at once, then is refused', () => {
    const { allowed } = takeMany(undefined, 5, 1000);
    expect(allowed).toEqual([true, true, true, false, false]);
  });

  it('refills at the rate, never above the burst', () => {
    const { state } = takeMany(undefined, 3, 0);
    expect(takeToken(state, limit, 400).allowed).toBe(false); // 0.8 of a token
    expect(takeToken(state, limit, 500).allowed).toBe(true); // exactly one
    expect(takeMany(state, 5, 60_000).allowed).toEqual([true, true, true, false, false]);
  });

  it('says how long until the next token, and a refusal spends nothing', () => {
    const { state } = takeMany(undefined, 3, 0);
    const refused = takeToken(state, limit, 100);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 400 });
    expect(takeToken(refused.state, limit, 500).allowed).toBe(true);
  });

  it('refills nothing when the clock steps back', () => {
    const { state } = takeMany(undefined, 3, 10_000);
    expect(takeToken(state, limit, 5_000)).toMatchObject({ allowed: false, retryAfterMs: 500 });
  });

  it('knows when a bucket is full again, i.e. the same as no bucket', () => {
    expect(msUntilFull({ tokens: 0, atMs: 0 }, limit)).toBe(1500);
    expect(msUntilFull({ tokens: 3, atMs: 0 }, limit)).toBe(0);
  });

  it('answers Retry-After in whole seconds, at least 1, never early', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(59_500)).toBe(60);
  });
});
