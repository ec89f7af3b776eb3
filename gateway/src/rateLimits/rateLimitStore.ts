// Where buckets live: in Redis when REDIS_URL is set and Redis answers, in this process's memory
// otherwise. Losing Redis costs precision (each replica then limits on its own), never service.
import type { RateLimit } from '../../../shared/config/readConfig.ts';
import { logError, logInfo } from '../../../shared/logging/log.ts';
import { createMemoryBuckets } from './memoryBuckets.ts';
import { connectRedisBuckets } from './redisBuckets.ts';
import type { BucketDecision } from './tokenBucket.ts';

/** What the gateway's /ready says about its buckets. */
export interface RateLimitStoreStatus {
  store: 'redis' | 'memory';
  redis: 'up' | 'down' | 'not configured';
}

export interface RateLimitStore {
  /** Never rejects and never waits on Redis longer than its command timeout. */
  take(key: string, limit: RateLimit): Promise<BucketDecision>;
  status(): RateLimitStoreStatus;
  close(): void;
}

export function createRateLimitStore(options: { redisUrl: string | undefined; keyPrefix: string }): RateLimitStore {
  const memory = createMemoryBuckets();
  if (!options.redisUrl) {
    return {
      take: async (key, limit) => memory.take(key, limit),
      status: () => ({ store: 'memory', redis: 'not configured' }),
      close: () => {},
    };
  }

  // Unknown until the first connection succeeds or fails; requests meanwhile use memory.
  let reachable: boolean | undefined;
  let closed = false;
  // Logged once per change, not once per failed reconnection or per request.
  const redis = connectRedisBuckets(options.redisUrl, options.keyPrefix, (now, detail) => {
    if (closed || now === reachable) return;
    reachable = now;
    if (now) logInfo('rate limits: Redis reachable, buckets shared by every gateway replica');
    else logError('rate limits: Redis unreachable, this gateway limits on its own buckets in memory until it is back', { detail });
  });
  return {
    async take(key, limit) {
      return (await redis.take(key, limit)) ?? memory.take(key, limit);
    },
    status: () => (reachable ? { store: 'redis', redis: 'up' } : { store: 'memory', redis: 'down' }),
    close() {
      closed = true;
      redis.close();
    },
  };
}
