// Connections a subgraph has seen lately, so that an agency's approved connection is not asked for on
// every request. Safe against suspension by the consents' construction (shared/consent/consentCache.ts):
// an entry lives CONSENT_CACHE_TTL_MS from the moment its lookup was sent, and suspending or ending a
// connection returns only after that TTL plus a margin, so the next request after it is refused. Only an
// answer in which every gated service is covered by a connection in force is kept: a new approval or a
// resumption counts from the next request as well, and a suspended connection is asked for each time.
import { CONSENT_CACHE_TTL_MS } from '../consent/consentCache.ts';
import type { HeldConnections } from '../policy/HeldConnections.ts';
import type { ConnectionGrant } from './connectionRoutes.ts';

const MAX_ENTRIES = 10_000;

export interface ConnectionCache {
  /** The registry's answer for this agency and purpose, as decisions read it, if one covering `needed` is still fresh. */
  covering(key: string, needed: readonly string[]): HeldConnections | undefined;
  /** An answer (and its view) for a lookup sent at `sentAt` (performance.now()); kept only if it covers every needed group in force. */
  store(key: string, needed: readonly string[], grants: ConnectionGrant[], held: HeldConnections, sentAt: number): void;
}

export function coversAllInForce(grants: readonly ConnectionGrant[], needed: readonly string[]): boolean {
  return needed.every((group) => grants.some((grant) => grant.state === 'approved' && grant.fieldGroups.includes(group)));
}

export function createConnectionCache(now: () => number = () => performance.now()): ConnectionCache {
  const entries = new Map<string, { grants: ConnectionGrant[]; held: HeldConnections; expiresAt: number }>();
  return {
    covering(key, needed) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return coversAllInForce(entry.grants, needed) ? entry.held : undefined;
    },
    store(key, needed, grants, held, sentAt) {
      entries.delete(key);
      if (!coversAllInForce(grants, needed)) return;
      // Oldest first (a Map keeps insertion order): dropping entries only costs lookups.
      if (entries.size >= MAX_ENTRIES) for (const oldest of [...entries.keys()].slice(0, MAX_ENTRIES / 10)) entries.delete(oldest);
      entries.set(key, { grants, held, expiresAt: sentAt + CONSENT_CACHE_TTL_MS });
    },
  };
}
