// Buckets in this process's memory: the store without REDIS_URL, and the fallback while Redis cannot
// be reached. Bounded, so a flood from many anonymous addresses cannot grow it without limit.
import type { RateLimit } from '../../../shared/config/readConfig.ts';
import { msUntilFull, takeToken, type BucketDecision, type BucketState } from './tokenBucket.ts';

/** About 100 bytes each: 100,000 buckets stay near 10 MB. */
export const MAX_MEMORY_BUCKETS = 100_000;

export interface MemoryBuckets {
  take(key: string, limit: RateLimit): BucketDecision;
  /** Buckets held now. */
  size(): number;
}

export function createMemoryBuckets(options: { maxBuckets?: number; now?: () => number } = {}): MemoryBuckets {
  const maxBuckets = options.maxBuckets ?? MAX_MEMORY_BUCKETS;
  // Monotonic: a wall-clock step must not refill or drain every bucket at once.
  const now = options.now ?? (() => performance.now());
  // Insertion order is kept least recently used first: each take moves its bucket to the end.
  const buckets = new Map<string, { state: BucketState; fullAtMs: number }>();

  function evict(nowMs: number): void {
    // A bucket full again is the same as no bucket: dropping it changes no decision. Checked from the
    // least recently used up to the first one not yet full, so each take costs little.
    for (const [key, bucket] of buckets) {
      if (bucket.fullAtMs > nowMs) break;
      buckets.delete(key);
    }
    // Past the bound, the least recently used go first, even if not yet full: a fresh (full) bucket
    // for them is the only cost, and memory stays bounded.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxBuckets) break;
      buckets.delete(key);
    }
  }

  return {
    take(key, limit) {
      const nowMs = now();
      const decision = takeToken(buckets.get(key)?.state, limit, nowMs);
      buckets.delete(key);
      buckets.set(key, { state: decision.state, fullAtMs: nowMs + msUntilFull(decision.state, limit) });
      evict(nowMs);
      return { allowed: decision.allowed, retryAfterMs: decision.retryAfterMs };
    },
    size: () => buckets.size,
  };
}
