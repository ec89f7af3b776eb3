// Buckets in Redis, shared by every gateway replica. One Lua script reads, refills, takes and writes a
// bucket atomically, so two replicas taking from one bucket at the same moment cannot both spend its
// last token. The script reads the time from the Redis server (TIME), not from the caller: every
// replica then refills by one clock, and a replica whose clock runs ahead cannot refill everybody's
// buckets early (nor one running behind drain them).
import { Redis } from 'ioredis';
import type { RateLimit } from '../../../shared/config/readConfig.ts';
import type { BucketDecision } from './tokenBucket.ts';

/**
 * A Redis that has not answered by then is treated as down for this request: the caller is not kept
 * waiting. Redis answers in well under a millisecond; the margin is for a gateway whose own event loop
 * is briefly busy (planning a large query), which should not count as Redis being down.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 250;
/** After a failed call, requests go to local buckets for this long before Redis is tried again. */
const PAUSE_AFTER_FAILURE_MS = 1000;

// The same arithmetic as tokenBucket.ts. A bucket is a hash {tokens, at (ms)}; it expires once full
// again (it would then be the same as no bucket), so idle callers leave nothing behind.
const TAKE_TOKEN_SCRIPT = `
local perSecond = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
else
  tokens = math.min(burst, tokens + math.max(0, now - at) * perSecond / 1000)
end
local allowed = 0
local retryAfterMs = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retryAfterMs = math.ceil((1 - tokens) * 1000 / perSecond)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / perSecond) + 1000)
return {allowed, retryAfterMs}
`;

export interface RedisBuckets {
  /** The decision, or undefined when Redis could not give one in time (the caller decides locally). */
  take(key: string, limit: RateLimit): Promise<BucketDecision | undefined>;
  close(): void;
}

type TakeToken = (key: string, perSecond: string, burst: string) => Promise<[number, number]>;

/**
 * Connects in the background: the gateway starts and serves whether or not Redis answers. `onReachable`
 * is told each time Redis becomes reachable (true) or not (false); ioredis keeps reconnecting meanwhile.
 */
export function connectRedisBuckets(url: string, keyPrefix: string, onReachable: (reachable: boolean, detail?: string) => void): RedisBuckets {
  const redis = new Redis(url, {
    keyPrefix,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    // Fail at once rather than queue while disconnected: a queued call would hold the request.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN_SCRIPT });
  const takeToken = (redis as unknown as { takeToken: TakeToken }).takeToken.bind(redis);

  let pausedUntil = 0;
  // Without an 'error' listener ioredis prints every failed reconnection to the console.
  redis.on('error', (error: Error) => onReachable(false, error.message));
  redis.on('close', () => onReachable(false, 'connection closed'));
  redis.on('ready', () => {
    pausedUntil = 0;
    onReachable(true);
  });

  return {
    async take(key, limit) {
      if (redis.status !== 'ready' || Date.now() < pausedUntil) return undefined;
      try {
        const [allowed, retryAfterMs] = await takeToken(key, String(limit.perSecond), String(limit.burst));
        onReachable(true);
        return { allowed: allowed === 1, retryAfterMs };
      } catch (error) {
        pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
        onReachable(false, (error as Error).message);
        return undefined;
      }
    },
    close() {
      // Nothing is pending by then (the HTTP server drained first); disconnect also stops reconnecting.
      redis.disconnect();
    },
  };
}
