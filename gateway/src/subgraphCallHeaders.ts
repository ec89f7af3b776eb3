// The headers of one subgraph call (SubgraphDataSource.ts), the same whether the call goes over HTTP or
// to a subgraph in this process (subgraphTransports.ts): the request id, the call's time budget, and, where
// they apply, the consent token and the platform's relay tokens (which the subgraph hands on to other
// services). Over HTTP also the subgraph's internal token; in this process the caller goes as an object.
import type { Principal } from '../../shared/auth/Principal.ts';
import { RELAY_TOKENS_HEADER } from '../../shared/auth/relayTokens.ts';
import type { SubgraphService } from '../../shared/config/services.ts';
import { CONSENT_REGISTRY_AUDIENCE, CONSENT_TOKEN_HEADER } from '../../shared/consent/consentRoutes.ts';
import type { GatewayContext } from './GatewayContext.ts';
import type { CallBudget } from './requestDeadline.ts';

/**
 * How long this call may take, in ms: SubgraphDataSource cuts the call off then, and the subgraph is told
 * (it may stop early; today it does not act on it). Passed along, not kept in AsyncLocalStorage: on Node
 * 20 that turns on promise hooks for the whole process, and every await of every request then costs two
 * to three times as much.
 */
export const CALL_TIMEOUT_HEADER = 'x-call-timeout-ms';

export type SignInternalToken = (audience: string, principal: Principal) => string;

/** Header names in lower case, as node:http hands them to a subgraph. */
export function subgraphCallHeaders(
  service: { name: string; info: SubgraphService | undefined },
  sign: SignInternalToken,
  context: Partial<GatewayContext> | undefined,
  budget: CallBudget,
  /** Whether the subgraph's own internal token is needed: over HTTP, not in this process. */
  ownToken: boolean,
): Record<string, string> {
  const headers: Record<string, string> = { [CALL_TIMEOUT_HEADER]: String(budget.ms) };
  // Only operations of a caller carry identity; anything else (none today) reaches the subgraph
  // without a token and is refused there.
  if (!context?.principal) return headers;
  const caller = context as GatewayContext;
  if (ownToken) headers.authorization = `Bearer ${tokenFor(service.name, caller, sign)}`;
  headers['x-request-id'] = caller.principal.requestId;
  // An agency asking for a declared purpose may rely on consents and subject requests: a subgraph whose
  // policies have such rules looks them up with this narrow token, which the registry honours only for
  // this caller's agency, purpose, case and request. No other subgraph gets it, and it is minted
  // (once) only when some call carries it. The subgraph refuses it unless it agrees with its own token.
  if (caller.principal.agency && caller.principal.purpose && service.info?.looksUpSubjectBases) {
    headers[CONSENT_TOKEN_HEADER] = tokenFor(CONSENT_REGISTRY_AUDIENCE, caller, sign);
  }
  if (service.name === 'platform' && caller.relayAudiences.length > 0) {
    const relayed = Object.fromEntries(caller.relayAudiences.map((audience) => [audience, tokenFor(audience, caller, sign)]));
    headers[RELAY_TOKENS_HEADER] = JSON.stringify(relayed);
  }
  return headers;
}

/** A token for one audience, minted once per request however many calls carry it. */
function tokenFor(audience: string, context: GatewayContext, sign: SignInternalToken): string {
  let token = context.internalTokens.get(audience);
  if (!token) {
    token = sign(audience, context.principal);
    context.internalTokens.set(audience, token);
  }
  return token;
}
