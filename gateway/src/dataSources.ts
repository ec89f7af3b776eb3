// Step 2: each subgraph call carries a fresh internal token for that subgraph, over kept-alive
// connections (the default fetcher reached half the throughput, docs/request-path-costs.md), and is
// cut off at its timeout or the request's deadline (requestDeadline.ts).
import http from 'node:http';
import fetch from 'node-fetch';
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '../../shared/auth/Principal.ts';
import { RELAY_TOKENS_HEADER } from '../../shared/auth/relayTokens.ts';
import { findService, type SubgraphService } from '../../shared/config/services.ts';
import { CONSENT_REGISTRY_AUDIENCE, CONSENT_TOKEN_HEADER } from '../../shared/consent/consentRoutes.ts';
import { logError } from '../../shared/logging/log.ts';
import { callBudget, inSeconds, type CallBudget, type RequestDeadline } from './requestDeadline.ts';

export interface GatewayContext {
  principal: Principal;
  /** Tokens already minted in this request, one per audience. */
  internalTokens: Map<string, string>;
  /** Audiences of the tokens the platform's call carries to act for the caller (plugins/useRelayAudiences.ts). */
  relayAudiences: readonly string[];
  /** When the answer must leave, set as the request starts. */
  deadline: RequestDeadline;
}

/**
 * How long this call may take, in ms: set by willSendRequest, read by the fetcher, which aborts the call
 * then. Apollo hands the fetcher only a URL and the headers it built, so the budget travels as a header
 * (the subgraph may read it too). Not AsyncLocalStorage: on Node 20 it turns on promise hooks for the
 * whole process, and every await of every request then costs two to three times as much.
 */
export const CALL_TIMEOUT_HEADER = 'x-call-timeout-ms';

// An aborted call's socket is destroyed, never handed back to the pool for another call to reuse.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A kept-alive fetch cut off at the call's budget; the timer is cleared once the answer's body has been read. */
async function timedFetch(url: string, init: { headers: Record<string, string> }) {
  const budget = Number(init.headers[CALL_TIMEOUT_HEADER]);
  if (!(budget > 0)) return fetch(url, { ...init, agent });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), budget);
  try {
    const response = await fetch(url, { ...init, agent, signal: abort.signal });
    response.body.once('close', () => clearTimeout(timer));
    return response;
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
}
const keepAliveFetch = timedFetch as unknown as RemoteGraphQLDataSource['fetcher'];

export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Looked up once: read on every call. */
  private readonly service: SubgraphService | undefined;

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly sign: (subgraph: string, principal: Principal) => string,
    /** How long one call may take (SUBGRAPH_TIMEOUT_MS), less when the request's deadline is nearer. */
    private readonly callTimeoutMs: number,
  ) {
    super({ url, fetcher: keepAliveFetch });
    this.service = findService(serviceName);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo's own calls (none today) come without a request, hence without a deadline.
    const budget = callBudget((context as Partial<GatewayContext> | undefined)?.deadline, this.callTimeoutMs);
    if (budget.ms <= 0) throw this.timedOut(budget, context);
    request.http?.headers.set(CALL_TIMEOUT_HEADER, String(budget.ms));
    // Only operations of a caller carry identity; anything else (none today) reaches the subgraph
    // without a token and is refused there.
    if (!context?.principal || !request.http) return;
    const caller = context as GatewayContext;
    request.http.headers.set('authorization', `Bearer ${this.tokenFor(this.serviceName, caller)}`);
    request.http.headers.set('x-request-id', context.principal.requestId);
    // An agency asking for a declared purpose may rely on consents and subject requests: a subgraph whose
    // policies have such rules looks them up with this narrow token, which the registry honours only for
    // this caller's agency, purpose, case and request. No other subgraph gets it, and it is minted
    // (once) only when some call carries it. The subgraph refuses it unless it agrees with its own token.
    if (context.principal.agency && context.principal.purpose && this.service?.looksUpSubjectBases) {
      request.http.headers.set(CONSENT_TOKEN_HEADER, this.tokenFor(CONSENT_REGISTRY_AUDIENCE, caller));
    }
    if (this.serviceName === 'platform' && caller.relayAudiences.length > 0) {
      const relayed = Object.fromEntries(caller.relayAudiences.map((audience) => [audience, this.tokenFor(audience, caller)]));
      request.http.headers.set(RELAY_TOKENS_HEADER, JSON.stringify(relayed));
    }
  }

  /** A token for one audience, minted once per request however many calls carry it. */
  private tokenFor(audience: string, context: GatewayContext): string {
    let token = context.internalTokens.get(audience);
    if (!token) {
      token = this.sign(audience, context.principal);
      context.internalTokens.set(audience, token);
    }
    return token;
  }

  /** Never pass a subgraph's address or low-level failure to the client: name the register instead. */
  override didEncounterError(error: Error, _fetchRequest: unknown, _fetchResponse: unknown, context?: GatewayContext): void {
    // node-fetch's error when the fetcher aborted the call at its budget, in the request or in reading the answer.
    if (error.name === 'AbortError') throw this.timedOut(this.budgetSpent(context), context);
    logError('subgraph call failed', { subgraph: this.serviceName, requestId: context?.principal.requestId, error });
    throw new GraphQLError(`The ${this.title()} is unavailable; its fields are missing from this answer`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.serviceName },
    });
  }

  /** A slow register costs only its fields, as one that is down does. */
  private timedOut(budget: CallBudget, context: Partial<GatewayContext> | undefined): GraphQLError {
    logError('subgraph call timed out', { subgraph: this.serviceName, requestId: context?.principal?.requestId, limitedBy: budget.limitedBy, ms: budget.ms });
    if (budget.limitedBy === 'deadline') {
      const total = inSeconds(context?.deadline?.totalMs ?? 0);
      return new GraphQLError(`This request reached its ${total} deadline before the ${this.title()} answered; its fields are missing from this answer`, {
        extensions: { code: 'REQUEST_TIMEOUT', service: this.serviceName },
      });
    }
    return new GraphQLError(`The ${this.title()} did not answer within ${inSeconds(budget.ms)}; its fields are missing from this answer`, {
      extensions: { code: 'SUBGRAPH_TIMEOUT', service: this.serviceName },
    });
  }

  /** What a call cut off at its budget had: the time left before the deadline when that has run out, else its own timeout. */
  private budgetSpent(context: Partial<GatewayContext> | undefined): CallBudget {
    const deadline = context?.deadline;
    return deadline && performance.now() >= deadline.at - 1 ? { ms: 0, limitedBy: 'deadline' } : { ms: this.callTimeoutMs, limitedBy: 'call' };
  }

  private title(): string {
    return this.service?.title ?? this.serviceName;
  }
}
