// Step 2: each subgraph call carries a fresh internal token for that subgraph, over kept-alive
// connections (the default fetcher reached half the throughput, docs/request-path-costs.md), and is
// cut off at its timeout or the request's deadline (requestDeadline.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import fetch from 'node-fetch';
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '../../shared/auth/Principal.ts';
import { RELAY_TOKENS_HEADER } from '../../shared/auth/relayTokens.ts';
import { findService } from '../../shared/config/services.ts';
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

/** The call in progress: the fetcher aborts it by this signal; didEncounterError tells a timeout by it. */
interface CallLimit extends CallBudget {
  signal: AbortSignal;
}
// Apollo hands the fetcher only a URL and an init it builds itself: the call's limit travels beside it.
const callLimits = new AsyncLocalStorage<CallLimit>();

// An aborted call's socket is destroyed, never handed back to the pool for another call to reuse.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const keepAliveFetch = ((url: string, init: object) =>
  fetch(url, { ...init, agent, signal: callLimits.getStore()?.signal })) as unknown as RemoteGraphQLDataSource['fetcher'];

export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly sign: (subgraph: string, principal: Principal) => string,
    /** How long one call may take (SUBGRAPH_TIMEOUT_MS), less when the request's deadline is nearer. */
    private readonly callTimeoutMs: number,
  ) {
    super({ url, fetcher: keepAliveFetch });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    // Apollo's own calls (none today) come without a request, hence without a deadline.
    const context = options.context as Partial<GatewayContext> | undefined;
    const budget = callBudget(context?.deadline, this.callTimeoutMs);
    if (budget.ms <= 0) throw this.timedOut(budget, context);
    // A timer cleared as soon as the call ends: at full load, AbortSignal.timeout's would linger for the whole timeout.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), budget.ms);
    try {
      return await callLimits.run({ ...budget, signal: abort.signal }, () => super.process(options));
    } finally {
      clearTimeout(timer);
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
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
    if (context.principal.agency && context.principal.purpose && findService(this.serviceName)?.looksUpSubjectBases) {
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
    const limit = callLimits.getStore();
    if (limit?.signal.aborted) throw this.timedOut(limit, context);
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

  private title(): string {
    return findService(this.serviceName)?.title ?? this.serviceName;
  }
}
