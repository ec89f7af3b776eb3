// Whose bucket a request takes from, and its limit. Staff (officers, systems, security officers,
// platform administrators) are counted per agency and account, citizens per personal id, callers
// without a token per client address. Keys are hashed: no personal id or address is written to Redis.
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { isAnonymous, type Principal, type Role } from '../../../shared/auth/Principal.ts';
import type { RateLimit, RateLimitedCaller } from '../../../shared/config/readConfig.ts';

export type RateLimits = Readonly<Record<RateLimitedCaller, RateLimit>>;

export interface CallerBucket {
  key: string;
  limit: RateLimit;
  /** Whose limit applied, for the refusal's message. */
  caller: RateLimitedCaller;
}

const STAFF_ROLES: readonly Role[] = ['officer', 'system', 'security-officer', 'platform-admin', 'data-protection-officer', 'publisher'];

function hashed(kind: string, parts: readonly (string | null)[]): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}`;
}

/**
 * An IPv6 client usually holds a whole /64 and can pick any address in it: counted per /64, or it
 * could start a fresh bucket with every request. IPv4 (also IPv4-mapped IPv6) is counted per address.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('%')[0].split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/** The most generous limit among the caller's roles: the highest rate, then the largest burst. */
function mostGenerous(callers: readonly RateLimitedCaller[], limits: RateLimits): { caller: RateLimitedCaller; limit: RateLimit } {
  return callers
    .map((caller) => ({ caller, limit: limits[caller] }))
    .reduce((best, next) =>
      next.limit.perSecond > best.limit.perSecond || (next.limit.perSecond === best.limit.perSecond && next.limit.burst > best.limit.burst) ? next : best,
    );
}

export function callerBucket(principal: Principal, clientAddress: string | undefined, limits: RateLimits): CallerBucket {
  if (isAnonymous(principal)) return { key: hashed('anonymous', [addressKey(clientAddress)]), limit: limits.anonymous, caller: 'anonymous' };
  const { caller, limit } = mostGenerous(principal.roles, limits);
  // One account is one bucket whichever of its roles this token carries.
  const key = principal.roles.some((role) => STAFF_ROLES.includes(role))
    ? hashed('staff', [principal.agency, principal.subject])
    : hashed('citizen', [principal.subject]);
  return { key, limit, caller };
}
