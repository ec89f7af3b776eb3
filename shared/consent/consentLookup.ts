// A subgraph asks the platform's registry for the legal bases the data subjects of this request gave
// the caller themselves: their active consents to the caller's agency for the caller's purpose, and
// their open requests that their data be given to the caller's agency for the caller's case. One
// batched call per request and kind (a per-request DataLoader). Consents found are also kept for the
// next requests in a cache that a revocation never outlives (consentCache.ts); subject requests are
// single-use and never kept. It presents the narrow token the gateway minted for this request: the
// registry answers only for that caller's agency, purpose, case and request.
import DataLoader from 'dataloader';
import { MAX_BATCH_SIZE } from '../loaders/batchLoaders.ts';
import type { Principal } from '../auth/Principal.ts';
import { callInternalRoute } from '../subgraph/internalCall.ts';
import type { ConsentCache } from './consentCache.ts';

export const CONSENT_TOKEN_HEADER = 'x-consent-token';
export const CONSENT_REGISTRY_AUDIENCE = 'consent-registry';
export const CONSENT_LOOKUP_PATH = '/internal/consents';
export const SUBJECT_REQUEST_CLAIM_PATH = '/internal/subject-requests';

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
  path: string,
  remember?: (subject: string, grants: SubjectGrant[], sentAt: number) => void,
): DataLoader<string, SubjectGrant[]> {
  return new DataLoader<string, SubjectGrant[]>(
    async (subjects) => {
      // Fail closed: without the registry or the caller's token, no consent or request is assumed.
      if (!registryUrl || !token) throw new Error('The consent registry cannot be asked for this request');
      const sentAt = performance.now();
      const { grants } = await callInternalRoute<{ grants: SubjectGrant[] }>(registryUrl, path, token, { subjects });
      const bySubject = new Map<string, SubjectGrant[]>();
      for (const grant of grants) bySubject.set(grant.subjectId, [...(bySubject.get(grant.subjectId) ?? []), grant]);
      const answers = subjects.map((subject) => bySubject.get(subject) ?? []);
      if (remember) subjects.forEach((subject, index) => remember(subject, answers[index], sentAt));
      return answers;
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/** Consents, remembered in `cache` for the next requests of the same agency and purpose (consentCache.ts). */
export function createConsentLoader(registryUrl: string | undefined, token: string | undefined, caller: Principal, cache: ConsentCache): DataLoader<string, SubjectGrant[]> {
  const remember =
    caller.agency && caller.purpose
      ? (subject: string, grants: SubjectGrant[], sentAt: number) => cache.store(caller.agency!, caller.purpose!, subject, grants, sentAt)
      : undefined;
  return createRegistryLoader(registryUrl, token, CONSENT_LOOKUP_PATH, remember);
}

/** Claims, for this request only, the data subjects' open requests for the caller's agency and case. */
export function createSubjectRequestLoader(registryUrl: string | undefined, token: string | undefined): DataLoader<string, SubjectGrant[]> {
  return createRegistryLoader(registryUrl, token, SUBJECT_REQUEST_CLAIM_PATH);
}
