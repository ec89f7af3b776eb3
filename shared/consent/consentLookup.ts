// A subgraph asks the platform's consent registry which consents the data subjects of this request
// have given to the caller's agency for the caller's purpose: one batched call per request (a
// per-request DataLoader), never cached past the request, so a revocation counts from the next one.
// It presents the narrow token the gateway minted for this request: the registry answers only for
// that caller's agency and purpose.
import http from 'node:http';
import DataLoader from 'dataloader';
import fetch from 'node-fetch';
import { MAX_BATCH_SIZE } from '../loaders/batchLoaders.ts';

export const CONSENT_TOKEN_HEADER = 'x-consent-token';
export const CONSENT_REGISTRY_AUDIENCE = 'consent-registry';
export const CONSENT_LOOKUP_PATH = '/internal/consents';

export interface ActiveConsent {
  id: string;
  subjectId: string;
  fieldGroups: string[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

export function createConsentLoader(registryUrl: string | undefined, token: string | undefined): DataLoader<string, ActiveConsent[]> {
  return new DataLoader<string, ActiveConsent[]>(
    async (subjects) => {
      // Fail closed: without the registry or the caller's token, no consent is assumed.
      if (!registryUrl || !token) throw new Error('The consent registry cannot be asked for this request');
      const response = await fetch(`${registryUrl}${CONSENT_LOOKUP_PATH}`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ subjects }),
        timeout: 5000,
      });
      if (!response.ok) throw new Error(`The consent registry answered ${response.status}`);
      const { consents } = (await response.json()) as { consents: ActiveConsent[] };
      const bySubject = new Map<string, ActiveConsent[]>();
      for (const consent of consents) bySubject.set(consent.subjectId, [...(bySubject.get(consent.subjectId) ?? []), consent]);
      return subjects.map((subject) => bySubject.get(subject) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}
