// A subgraph asks the platform's registry for the legal bases the data subjects of this request gave
// the caller themselves: their active consents to the caller's agency for the caller's purpose, and
// their open requests that their data be given to the caller's agency for the caller's case. One
// batched call per request and kind (a per-request DataLoader). Consents found are also kept for the
// next requests in a cache that a revocation never outlives (consentCache.ts); subject requests are
// single-use, claimed only for a field group about to be disclosed on them, and never kept. It presents the narrow token the gateway minted for this request: the
// registry answers only for that caller's agency, purpose, case and request.
import DataLoader from 'dataloader';
import type { Principal } from '../auth/Principal.ts';
import { callInternalRoute } from '../internalRoutes/callInternalRoute.ts';
import { MAX_BATCH_SIZE } from '../loaders/batchLoaders.ts';
import { logError } from '../logging/log.ts';
import type { SubjectBases } from '../policy/PolicyContext.ts';
import type { ConsentCache } from './consentCache.ts';
import { CONSENT_LOOKUP_PATH, SUBJECT_REQUEST_CLAIM_PATH } from './consentRoutes.ts';

/** A consent, or a subject request claimed by this request: what it covers, for whom. */
export interface SubjectGrant {
  id: string;
  subjectId: string;
  fieldGroups: string[];
  /** ISO date-time until which it counts. */
  validUntil: string;
}

function createRegistryLoader(
  registryUrl: string | undefined,
  token: string | undefined,
  requestId: string,
  path: string,
  timeoutMs: number | undefined,
  remember?: (subject: string, grants: SubjectGrant[], sentAt: number) => void,
): DataLoader<string, SubjectGrant[]> {
  return new DataLoader<string, SubjectGrant[]>(
    async (subjects) => {
      // Fail closed: without the registry or the caller's token, no consent or request is assumed.
      if (!registryUrl || !token) throw new Error('The consent registry cannot be asked for this request');
      const sentAt = performance.now();
      const { grants } = await callInternalRoute<{ grants: SubjectGrant[] }>(registryUrl, path, token, requestId, { subjects }, { timeoutMs });
      const bySubject = new Map<string, SubjectGrant[]>();
      for (const grant of grants) bySubject.set(grant.subjectId, [...(bySubject.get(grant.subjectId) ?? []), grant]);
      const answers = subjects.map((subject) => bySubject.get(subject) ?? []);
      if (remember) subjects.forEach((subject, index) => remember(subject, answers[index], sentAt));
      return answers;
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/**
 * Subject requests are claimed, not looked up: each key is one field group of one row (its data
 * subjects), asked only when the field would be disclosed on that basis, and the registry marks a
 * request used only for a key it covers in full. One batched call per tick.
 */
function createClaimLoader(
  registryUrl: string | undefined,
  token: string | undefined,
  requestId: string,
  timeoutMs: number | undefined,
  peek: boolean,
): DataLoader<{ subjects: readonly string[]; fieldGroup: string }, string[] | null, string> {
  return new DataLoader(
    async (claims) => {
      if (!registryUrl || !token) throw new Error('The subject-request registry cannot be asked for this request');
      const { answers } = await callInternalRoute<{ answers: Array<string[] | null> }>(registryUrl, SUBJECT_REQUEST_CLAIM_PATH, token, requestId, peek ? { claims, peek } : { claims }, { timeoutMs });
      return claims.map((_, index) => answers[index] ?? null);
    },
    { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: ({ subjects, fieldGroup }) => `${fieldGroup}\u0000${subjects.join(',')}` },
  );
}

export interface SubjectBasesOptions {
  /** Base URL of the platform; without it no basis of the data subjects' own is ever found. */
  registryUrl: string | undefined;
  /** The narrow token the gateway minted for this request (header CONSENT_TOKEN_HEADER). */
  token: string | undefined;
  caller: Principal;
  cache: ConsentCache;
  /** How long the registry may take (default: INTERNAL_CALL_TIMEOUT_MS); slower counts as no basis found. */
  timeoutMs?: number;
}

/** The data subjects' own bases for one request. */
export function createSubjectBases({ registryUrl, token, caller, cache, timeoutMs }: SubjectBasesOptions): SubjectBases {
  const { agency, purpose } = caller;
  const consents = createRegistryLoader(
    registryUrl,
    token,
    caller.requestId,
    CONSENT_LOOKUP_PATH,
    timeoutMs,
    agency && purpose ? (subject, grants, sentAt) => cache.store(agency, purpose, subject, grants, sentAt) : undefined,
  );
  const subjectRequests = createClaimLoader(registryUrl, token, caller.requestId, timeoutMs, false);
  // Whether a record could be read on a request, asked before any of its fields is: uses nothing up.
  const subjectRequestPeeks = createClaimLoader(registryUrl, token, caller.requestId, timeoutMs, true);
  return {
    async covering(kind, subjects, fieldGroup, options) {
      if (kind === 'subject-request') {
        try {
          return await (options?.claim === false ? subjectRequestPeeks : subjectRequests).load({ subjects, fieldGroup });
        } catch (error) {
          logError('subject-request claim failed; access on that basis refused', { requestId: caller.requestId, error });
          return null;
        }
      }
      if (kind === 'consent' && agency && purpose) {
        const cached = subjects.map((subject) => cache.covering(agency, purpose, subject, fieldGroup));
        if (cached.every((id) => id !== undefined)) return cached;
      }
      try {
        const found = await consents.loadMany(subjects);
        const failure = found.find((grants) => grants instanceof Error);
        if (failure) logError(`${kind} lookup failed; access on that basis refused`, { requestId: caller.requestId, error: failure });
        const covering = found.map((grants) => (Array.isArray(grants) ? grants.find((grant) => grant.fieldGroups.includes(fieldGroup))?.id : undefined));
        return covering.every((id) => id !== undefined) ? covering : null;
      } catch (error) {
        logError(`${kind} lookup failed; access on that basis refused`, { requestId: caller.requestId, error });
        return null;
      }
    },
  };
}
