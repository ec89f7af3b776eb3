// What the gateway keeps per request for its subgraph calls, made as the request's GraphQL context is made.
import type { Principal } from '../../shared/auth/Principal.ts';
import type { RequestDeadline } from './requestDeadline.ts';

export interface GatewayContext {
  principal: Principal;
  /** Tokens already minted in this request, one per audience. */
  internalTokens: Map<string, string>;
  /** Audiences of the tokens the platform's call carries to act for the caller (plugins/useRelayAudiences.ts). */
  relayAudiences: readonly string[];
  /** When the answer must leave, set as the request starts. */
  deadline: RequestDeadline;
}
