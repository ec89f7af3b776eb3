// The caller agency's connections for one request, looked up before the call executes when its policies
// gate some service for this agency and purpose with `requires_connection`; for any other caller, none
// and no call. Fail closed: without the registry, its token, or an answer, no connection is held.
import type { Principal } from '../auth/Principal.ts';
import { callInternalRoute } from '../internalRoutes/callInternalRoute.ts';
import { logError } from '../logging/log.ts';
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import { NO_CONNECTIONS, type HeldConnection, type HeldConnections } from '../policy/HeldConnections.ts';
import type { ConnectionCache } from './connectionCache.ts';
import { connectionNeedKey, connectionNeedsOf } from './connectionNeeds.ts';
import { CONNECTION_LOOKUP_PATH, type ConnectionGrant } from './connectionRoutes.ts';

export interface HeldConnectionsOptions {
  registryUrl: string | undefined;
  /** The narrow token the gateway minted for the consent registry for this request. */
  token: string | undefined;
  caller: Principal;
  policies: CompiledPolicies;
  cache: ConnectionCache;
  timeoutMs?: number;
}

/**
 * The answer as the decisions read it: per service, a connection in force covering it first, else a
 * suspended one (whose reason the refusal gives). Built once per answer (a cached one serves every request
 * of its second), so a decision costs one map lookup.
 */
export function heldConnectionsFrom(grants: readonly ConnectionGrant[]): HeldConnections {
  if (grants.length === 0) return NO_CONNECTIONS;
  const byGroup = new Map<string, HeldConnection>();
  for (const grant of grants) {
    for (const group of grant.fieldGroups) {
      if (grant.state === 'approved') {
        if (byGroup.get(group)?.state !== 'approved') byGroup.set(group, { id: grant.id, state: 'approved' });
      } else if (!byGroup.has(group)) {
        byGroup.set(group, { id: grant.id, state: 'suspended', reason: grant.reason ?? '' });
      }
    }
  }
  return { covering: (fieldGroup) => byGroup.get(fieldGroup) ?? null };
}

/**
 * Answered at once (no promise) for a caller whose rules need no connection and for a cached answer: the
 * stage runs on every call of every register, and only a lookup should cost a turn of the event loop.
 */
export function lookUpHeldConnections({ registryUrl, token, caller, policies, cache, timeoutMs }: HeldConnectionsOptions): HeldConnections | Promise<HeldConnections> {
  const { agency, purpose } = caller;
  if (!agency || !purpose) return NO_CONNECTIONS;
  const key = connectionNeedKey(agency, purpose);
  const needed = connectionNeedsOf(policies).get(key);
  if (!needed) return NO_CONNECTIONS;
  const cached = cache.covering(key, needed);
  if (cached) return cached;
  if (!registryUrl || !token) {
    logError('connection lookup impossible (no registry or token); services gated by a connection refused', { requestId: caller.requestId });
    return NO_CONNECTIONS;
  }
  return askRegistry(registryUrl, token, caller, key, needed, cache, timeoutMs);
}

async function askRegistry(
  registryUrl: string,
  token: string,
  caller: Principal,
  key: string,
  needed: readonly string[],
  cache: ConnectionCache,
  timeoutMs: number | undefined,
): Promise<HeldConnections> {
  try {
    const sentAt = performance.now();
    const { connections } = await callInternalRoute<{ connections: ConnectionGrant[] }>(registryUrl, CONNECTION_LOOKUP_PATH, token, caller.requestId, { fieldGroups: needed }, { timeoutMs });
    const held = heldConnectionsFrom(connections);
    cache.store(key, needed, connections, held, sentAt);
    return held;
  } catch (error) {
    logError('connection lookup failed; services gated by a connection refused', { requestId: caller.requestId, error });
    return NO_CONNECTIONS;
  }
}
