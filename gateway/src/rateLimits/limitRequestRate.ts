// The gateway stop after authentication: a caller over their rate limit is answered 429 here, so a
// refused request never reaches Apollo, the query planner or a subgraph.
import type { NextFunction, Request, Response } from 'express';
import type { RateLimit, RateLimitedCaller } from '../../../shared/config/readConfig.ts';
import { errorBody } from '../../../shared/errors/clientErrors.ts';
import { callerBucket, type RateLimits } from './callerBucket.ts';
import type { RateLimitStore } from './rateLimitStore.ts';
import { retryAfterSeconds } from './tokenBucket.ts';

const WHO: Record<RateLimitedCaller, string> = {
  officer: 'An officer',
  system: 'An agency system',
  'security-officer': 'A security officer',
  'platform-admin': 'A platform administrator',
  'data-protection-officer': 'A data-protection officer',
  publisher: 'An open-data publisher',
  citizen: 'A citizen',
  anonymous: 'A caller without a token, from one address,',
};

function plural(count: number, unit: string): string {
  const figure = Number(count.toFixed(2)).toLocaleString('en');
  return `${figure} ${unit}${count === 1 ? '' : 's'}`;
}

/** "10 requests per second (bursts of 40)"; a slow rate per minute, where it is a whole figure. */
export function describeLimit(limit: RateLimit): string {
  const rate = limit.perSecond >= 1 ? `${plural(limit.perSecond, 'request')} per second` : `${plural(limit.perSecond * 60, 'request')} per minute`;
  return `${rate} (bursts of ${limit.burst})`;
}

export function limitRequestRate(store: RateLimitStore, limits: RateLimits) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const bucket = callerBucket(req.principal!, req.socket.remoteAddress, limits);
    const decision = await store.take(bucket.key, bucket.limit);
    if (decision.allowed) return next();
    const seconds = retryAfterSeconds(decision.retryAfterMs);
    const message = `Too many requests: ${WHO[bucket.caller]} may send ${describeLimit(bucket.limit)}. Retry in ${plural(seconds, 'second')}.`;
    res
      .status(429)
      .setHeader('retry-after', String(seconds))
      .type('application/json')
      .send(
        errorBody(message, 'RATE_LIMITED', {
          retryAfterSeconds: seconds,
          limit: { requestsPerSecond: bucket.limit.perSecond, burst: bucket.limit.burst },
        }),
      );
  };
}
