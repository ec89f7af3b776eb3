// Consents a subgraph has seen lately, so that a citizen's consent is not asked for again on every
// request. Safe against revocation by construction: an entry lives CONSENT_CACHE_TTL_MS from the
// moment its lookup was *sent* (the registry read it later, so it is no older than that), and
// revokeConsent returns only after CONSENT_CACHE_TTL_MS plus a margin have passed since the revocation
// was committed. So once revokeConsent has returned, no subgraph holds a copy that predates it, and
// the next request is refused. Only consents that exist are kept: a field no cached consent covers is
// asked for again, so a new consent counts from the next request too. Expiry is checked at each use.
// One cache per subgraph instance; subject requests (single use) are never cached.

export const CONSENT_CACHE_TTL_MS = 1000;
/** What revokeConsent waits beyond the TTL, for timers and clocks of different processes. */
export const REVOCATION_MARGIN_MS = 200;
const MAX_ENTRIES = 50_000;

export interface CachedGrant {
  id: string;
  fieldGroups: string[];
  /** ISO date-time; the consent counts only before it. */
  validUntil: string;
}

interface Entry {
  grants: Array<{ id: string; fieldGroups: string[]; until: number }>;
  expiresAt: number;
}

export interface ConsentCache {
  /** The id of a cached consent of `subject` to this agency for this purpose covering `group`, if any. */
  covering(agency: string, purpose: string, subject: string, group: string): string | undefined;
  /** The active consents of `subject` as the registry read them, for a lookup sent at `sentAt` (performance.now()). */
  store(agency: string, purpose: string, subject: string, grants: CachedGrant[], sentAt: number): void;
}

export function createConsentCache(now: () => number = () => performance.now()): ConsentCache {
  const entries = new Map<string, Entry>();
  const keyOf = (agency: string, purpose: string, subject: string) => `${agency}|${purpose}|${subject}`;
  return {
    covering(agency, purpose, subject, group) {
      const key = keyOf(agency, purpose, subject);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      const instant = Date.now();
      return entry.grants.find((grant) => grant.until > instant && grant.fieldGroups.includes(group))?.id;
    },
    store(agency, purpose, subject, grants, sentAt) {
      const key = keyOf(agency, purpose, subject);
      if (grants.length === 0) {
        entries.delete(key);
        return;
      }
      if (entries.size >= MAX_ENTRIES) {
        // Oldest first (a Map keeps insertion order): dropping entries only costs lookups.
        for (const oldest of [...entries.keys()].slice(0, MAX_ENTRIES / 10)) entries.delete(oldest);
      }
      entries.delete(key);
      entries.set(key, {
        grants: grants.map((grant) => ({ id: grant.id, fieldGroups: grant.fieldGroups, until: Date.parse(grant.validUntil) })),
        expiresAt: sentAt + CONSENT_CACHE_TTL_MS,
      });
    },
  };
}
