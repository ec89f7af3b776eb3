// A subgraph asks the platform's registry for the legal bases the data subjects of this request gave
// the caller themselves: their active consents to the caller's agency for the caller's purpose, and
// their open requests that their data be given to the caller's agency for the caller's case. One
// batched call per request and kind (a per-request DataLoader), never cached past the request, so a
// revocation counts from the next one. It presents the narrow token the gateway minted for this
// request: the registry answers only for that caller's agency, purpose, case and request.
import DataLoader from 'dataloader';
import { MAX_BATCH_SIZE } from '../loaders/batchLoaders.ts';
import { callInternalRoute } from '../subgraph/internalCall.ts';

export const CONSENT_TOKEN_HEADER = 'x-consent-token';
export const CONSENT_REGISTRY_AUDIENCE = 'consent-registry';
export const CONSENT_LOOKUP_PATH = '/internal/consents';
export const SUBJECT_REQUEST_CLAIM_PATH = '/internal/subject-requests';

/** A consent, or a subject request claimed by this request: what it covers, for whom. */
export interface SubjectGrant {
  id: string;
  subjectId: string;
  fieldGroups: string[];
}

function createRegistryLoader(registryUrl: string | undefined, token: string | undefined, path: string): DataLoader<string, SubjectGrant[]> {
  return new DataLoader<string, SubjectGrant[]>(
    async (subjects) => {
      // Fail closed: without the registry or the caller's token, no consent or request is assumed.
      if (!registryUrl || !token) throw new Error('The consent registry cannot be asked for this request');
      const { grants } = await callInternalRoute<{ grants: SubjectGrant[] }>(registryUrl, path, token, { subjects });
      const bySubject = new Map<string, SubjectGrant[]>();
      for (const grant of grants) bySubject.set(grant.subjectId, [...(bySubject.get(grant.subjectId) ?? []), grant]);
      return subjects.map((subject) => bySubject.get(subject) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

export function createConsentLoader(registryUrl: string | undefined, token: string | undefined): DataLoader<string, SubjectGrant[]> {
  return createRegistryLoader(registryUrl, token, CONSENT_LOOKUP_PATH);
}

/** Claims, for this request only, the data subjects' open requests for the caller's agency and case. */
export function createSubjectRequestLoader(registryUrl: string | undefined, token: string | undefined): DataLoader<string, SubjectGrant[]> {
  return createRegistryLoader(registryUrl, token, SUBJECT_REQUEST_CLAIM_PATH);
}
