// Step 2 over HTTP (SUBGRAPH_CALLS=http, the scale-out shape): each subgraph call carries a fresh
// internal token for that subgraph (subgraphCallHeaders.ts), over kept-alive connections (the default
// fetcher reached half the throughput, docs/request-path-costs.md), and is cut off at its timeout or the
// request's deadline (requestDeadline.ts). InProcessDataSource.ts is the same call without HTTP.
import http from 'node:http';
import fetch from 'node-fetch';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { findService } from '../../shared/config/services.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { callBudget } from './requestDeadline.ts';
import { CALL_TIMEOUT_HEADER, subgraphCallHeaders, type SignInternalToken } from './subgraphCallHeaders.ts';
import { SubgraphCallFailures } from './SubgraphCallFailures.ts';

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
  private readonly service: { name: string; info: ReturnType<typeof findService> };
  private readonly failures: SubgraphCallFailures;

  constructor(
    serviceName: string,
    url: string,
    private readonly sign: SignInternalToken,
    /** How long one call may take (SUBGRAPH_TIMEOUT_MS), less when the request's deadline is nearer. */
    private readonly callTimeoutMs: number,
  ) {
    super({ url, fetcher: keepAliveFetch });
    this.service = { name: serviceName, info: findService(serviceName) };
    this.failures = new SubgraphCallFailures(serviceName, this.service.info, callTimeoutMs);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo's own calls (none today) come without a request, hence without a deadline.
    const caller = context as Partial<GatewayContext> | undefined;
    const budget = callBudget(caller?.deadline, this.callTimeoutMs);
    if (budget.ms <= 0) throw this.failures.timedOut(budget, caller);
    if (!request.http) return;
    for (const [name, value] of Object.entries(subgraphCallHeaders(this.service, this.sign, caller, budget))) request.http.headers.set(name, value);
  }

  /** Never pass a subgraph's address or low-level failure to the client: name the register instead. */
  override didEncounterError(error: Error, _fetchRequest: unknown, _fetchResponse: unknown, context?: GatewayContext): void {
    // node-fetch's error when the fetcher aborted the call at its budget, in the request or in reading the answer.
    if (error.name === 'AbortError') throw this.failures.cutOff(context);
    throw this.failures.unavailable(error, context);
  }
}
