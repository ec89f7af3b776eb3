// The data subjects' own bases (consents, subject requests) for this request, looked up only when a
// rule awaits one, in one batch per kind, with the narrow token the gateway minted for this caller
// (checked to be of this request by checkTokenBinding).
import type { Principal } from '../../auth/Principal.ts';
import type { ConsentCache } from '../../consent/consentCache.ts';
import { createSubjectBases } from '../../consent/createSubjectBases.ts';
import type { SubjectBases } from '../../policy/PolicyContext.ts';
import type { BoundTokens } from './checkTokenBinding.ts';
import type { Stage } from './Stage.ts';

export function lookUpSubjectBases(
  registryUrl: string | undefined,
  cache: ConsentCache,
): Stage<{ principal: Principal; boundTokens: BoundTokens }, { subjectBases: SubjectBases }> {
  return (call, next) => next({ subjectBases: createSubjectBases({ registryUrl, token: call.boundTokens.consent, caller: call.principal, cache }) });
}
