// The data subjects' own bases (consents, subject requests) for this request, looked up only when a
// rule awaits one, in one batch per kind, with the narrow token the gateway minted for this caller.
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../../auth/Principal.ts';
import type { ConsentCache } from '../../consent/consentCache.ts';
import { CONSENT_TOKEN_HEADER } from '../../consent/consentRoutes.ts';
import { createSubjectBases } from '../../consent/createSubjectBases.ts';
import type { SubjectBases } from '../../policy/PolicyContext.ts';
import type { Stage } from './Stage.ts';

export function lookUpSubjectBases(
  registryUrl: string | undefined,
  cache: ConsentCache,
): Stage<{ principal: Principal; headers: IncomingHttpHeaders }, { subjectBases: SubjectBases }> {
  return (call, next) => {
    const token = call.headers[CONSENT_TOKEN_HEADER];
    return next({ subjectBases: createSubjectBases({ registryUrl, token: typeof token === 'string' ? token : undefined, caller: call.principal, cache }) });
  };
}
