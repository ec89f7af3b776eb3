// Right after the caller is established, before the body is read: the other tokens the call carries
// (the consent-registry token, the relay tokens) must be of the same request, caller, agency, roles,
// purpose and case as the caller the gateway vouched for (requireVouchedCaller.ts: this subgraph's
// verified internal token, or the gateway's own object in one box; shared/auth/tokenBinding.ts), or
// nothing runs. Later stages take those tokens only from here, so none can use an unchecked one.
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../../auth/Principal.ts';
import { parseRelayTokens, RELAY_TOKENS_HEADER } from '../../auth/relayTokens.ts';
import { isBoundTo } from '../../auth/tokenBinding.ts';
import { CONSENT_REGISTRY_AUDIENCE, CONSENT_TOKEN_HEADER } from '../../consent/consentRoutes.ts';
import { logError } from '../../logging/log.ts';
import { refusal, type Stage } from './Stage.ts';

/** The tokens of this call for other services, each checked to be of this call's request. */
export interface BoundTokens {
  /** For the platform's consent registry (CONSENT_TOKEN_HEADER); undefined when the gateway sent none. */
  consent: string | undefined;
  /** For other agencies' internal routes, by audience (RELAY_TOKENS_HEADER). */
  relay: Readonly<Record<string, string>>;
}

export function checkTokenBinding(service: string): Stage<{ principal: Principal; headers: IncomingHttpHeaders }, { boundTokens: BoundTokens }> {
  return (call, next) => {
    const { principal, headers } = call;
    const consentHeader = headers[CONSENT_TOKEN_HEADER];
    const consent = consentHeader === undefined ? undefined : typeof consentHeader === 'string' ? consentHeader : '';
    const relay = parseRelayTokens(headers[RELAY_TOKENS_HEADER]);
    const unbound =
      consent !== undefined && !isBoundTo(consent, CONSENT_REGISTRY_AUDIENCE, principal) ? CONSENT_TOKEN_HEADER
      : Object.entries(relay).some(([audience, token]) => !isBoundTo(token, audience, principal)) ? RELAY_TOKENS_HEADER
      : null;
    if (unbound) {
      // Which header, never which claims: operators see an attempt, the caller learns nothing.
      logError('call refused: a token of another request', { service, requestId: principal.requestId, header: unbound });
      return Promise.resolve(refusal(401, 'The tokens of this call were not all minted for the same request', 'UNAUTHENTICATED'));
    }
    return next({ boundTokens: { consent, relay } });
  };
}
