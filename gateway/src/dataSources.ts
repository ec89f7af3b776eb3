// Step 2: each subgraph call carries a fresh internal token for that subgraph, over kept-alive
// connections (the default fetcher reached half the throughput, STACK.md).
import http from 'node:http';
import fetch from 'node-fetch';
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { hasRole, type Principal } from '../../shared/auth/Principal.ts';
import { disclosureLogAudience, GUARDIANSHIP_AUDIENCE, RELAY_TOKENS_HEADER } from '../../shared/auth/relayTokens.ts';
import { findService, SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { CONSENT_REGISTRY_AUDIENCE, CONSENT_TOKEN_HEADER } from '../../shared/consent/consentLookup.ts';
import { logError } from '../../shared/logging/log.ts';

export interface GatewayContext {
  principal: Principal;
  /** Tokens already minted in this request, one per subgraph. */
  internalTokens: Map<string, string>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const keepAliveFetch = ((url: string, init: object) => fetch(url, { ...init, agent })) as unknown as RemoteGraphQLDataSource['fetcher'];

export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly sign: (subgraph: string, principal: Principal) => string,
  ) {
    super({ url, fetcher: keepAliveFetch });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Only operations of a caller carry identity; anything else (none today) reaches the subgraph
    // without a token and is refused there.
    if (!context?.principal || !request.http) return;
    let token = context.internalTokens.get(this.serviceName);
    if (!token) {
      token = this.sign(this.serviceName, context.principal);
      context.internalTokens.set(this.serviceName, token);
    }
    request.http.headers.set('authorization', `Bearer ${token}`);
    request.http.headers.set('x-request-id', context.principal.requestId);
    // An agency asking for a declared purpose may rely on consents: the subgraph looks them up with this
    // narrow token, which the registry honours only for this caller's agency and purpose.
    if (context.principal.agency && context.principal.purpose) {
      let consentToken = context.internalTokens.get(CONSENT_REGISTRY_AUDIENCE);
      if (!consentToken) {
        consentToken = this.sign(CONSENT_REGISTRY_AUDIENCE, context.principal);
        context.internalTokens.set(CONSENT_REGISTRY_AUDIENCE, consentToken);
      }
      request.http.headers.set(CONSENT_TOKEN_HEADER, consentToken);
    }
    if (this.serviceName === 'platform') {
      const relayed = this.relayTokensFor(request.query ?? '', context.principal);
      if (relayed) request.http.headers.set(RELAY_TOKENS_HEADER, JSON.stringify(relayed));
    }
  }

  /**
   * The platform calls other agencies on the caller's behalf for two things only: a citizen acting for
   * their child (the population register says who the parents are), and a read of the access log (each
   * agency's own disclosure log, one token per agency: minted only when the platform's part of the
   * query names an access-log field). Other requests carry no such token.
   */
  private relayTokensFor(query: string, principal: Principal): Record<string, string> | null {
    const tokens: Record<string, string> = {};
    if (hasRole(principal, 'citizen')) tokens[GUARDIANSHIP_AUDIENCE] = this.sign(GUARDIANSHIP_AUDIENCE, principal);
    if (query.includes('ataAccessLog')) {
      for (const service of SUBGRAPH_SERVICES) tokens[disclosureLogAudience(service.name)] = this.sign(disclosureLogAudience(service.name), principal);
    }
    return Object.keys(tokens).length ? tokens : null;
  }

  /** Never pass a subgraph's address or low-level failure to the client: name the register instead. */
  override didEncounterError(error: Error, _fetchRequest: unknown, _fetchResponse: unknown, context?: GatewayContext): void {
    logError('subgraph call failed', { subgraph: this.serviceName, requestId: context?.principal.requestId, error });
    const title = findService(this.serviceName)?.title ?? this.serviceName;
    throw new GraphQLError(`The ${title} is unavailable; its fields are missing from this answer`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.serviceName },
    });
  }
}
