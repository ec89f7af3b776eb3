// The token-bucket arithmetic, pure: a bucket holds up to `burst` tokens, refills at `perSecond`, and
// each request takes one. redisBuckets.ts runs the same arithmetic in Lua; keep the two in step.
import type { RateLimit } from '../../../shared/config/readConfig.ts';

export interface BucketState {
  /** Tokens left, fractional: refill is continuous. */
  tokens: number;
  /** When `tokens` was computed, in milliseconds of the store's clock. */
  atMs: number;
}

export interface BucketDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise how long until one token is back. */
  retryAfterMs: number;
}

/** Takes a token from the bucket if one is there; an unknown bucket starts full. */
export function takeToken(state: BucketState | undefined, limit: RateLimit, nowMs: number): BucketDecision & { state: BucketState } {
  // A clock that stepped back refills nothing rather than draining the bucket.
  const elapsedMs = state ? Math.max(0, nowMs - state.atMs) : 0;
  const tokens = state ? Math.min(limit.burst, state.tokens + (elapsedMs * limit.perSecond) / 1000) : limit.burst;
  if (tokens >= 1) return { allowed: true, retryAfterMs: 0, state: { tokens: tokens - 1, atMs: nowMs } };
  return { allowed: false, retryAfterMs: Math.ceil(((1 - tokens) * 1000) / limit.perSecond), state: { tokens, atMs: nowMs } };
}

/** How long until the bucket is full again: from then on it is the same as no bucket at all. */
export function msUntilFull(state: BucketState, limit: RateLimit): number {
  return Math.ceil(((limit.burst - state.tokens) * 1000) / limit.perSecond);
}

/** Retry-After is whole seconds; rounding down could send the caller back too early, and 0 means "now". */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
