// How a subgraph call travels: to a subgraph in this process, or over HTTP (SubgraphDataSource.ts does
// everything else, the same for both). Both give back what the subgraph answered: its status and its
// GraphQL response. Over HTTP the caller goes as the subgraph's internal token, in the headers; in this
// process as an object (no token is signed for it: subgraphCallHeaders.ts).
import { Pool } from 'undici';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { copyOfPrincipal, type Principal } from '../../shared/auth/Principal.ts';
import type { GraphQLRequest } from '../../shared/subgraph/stages/readGraphQLRequest.ts';
import type { Answer, IncomingCall } from '../../shared/subgraph/stages/Stage.ts';

export interface SubgraphAnswer {
  status: number;
  body: { data?: unknown; errors?: ReadonlyArray<GraphQLError | GraphQLFormattedError> };
}

export interface SubgraphTransport {
  /** The call stays in this process: the caller goes with it as an object, not as a token in the headers. */
  readonly inProcess: boolean;
  /** Rejects when the subgraph cannot be reached or its answer is not a GraphQL response. */
  send(headers: Record<string, string>, request: GraphQLRequest, signal: AbortSignal, caller: Principal | undefined): Promise<SubgraphAnswer>;
  close(): Promise<void>;
}

/** A subgraph running in the gateway's process: its pipeline (RunningSubgraph.graphql). */
export type LocalSubgraph = (call: IncomingCall) => Promise<Answer>;

/**
 * The one-box shape: the pipeline is called with the headers, the request and the caller as objects, no
 * socket, no JSON, no token. Each call gets a copy of the caller of its own (copyOfPrincipal).
 */
export function inProcessTransport(subgraph: LocalSubgraph): SubgraphTransport {
  return {
    inProcess: true,
    // A synchronous throw of the pipeline becomes a rejection, as a failed HTTP call is.
    send: async (headers, request, _signal, caller) =>
      subgraph({ headers, givenRequest: request, vouchedCaller: caller && copyOfPrincipal(caller) }),
    close: async () => {},
  };
}

/**
 * The scale-out shape: a pool of kept-alive connections to the subgraph (undici: node-fetch with an
 * http.Agent was a third of the gateway's CPU, docs/request-path-costs.md). An aborted call's socket is
 * destroyed, never handed back to the pool for another call to reuse.
 */
export function httpTransport(url: string): SubgraphTransport {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });
  return {
    inProcess: false,
    async send(headers, request, signal) {
      const response = await pool.request({
        path: target.pathname,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal,
      });
      const text = await response.body.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`the subgraph answered ${response.statusCode} with a body that is not JSON`);
      }
      if (body === null || typeof body !== 'object') throw new Error(`the subgraph answered ${response.statusCode} with JSON that is not a GraphQL response`);
      return { status: response.statusCode, body: body as SubgraphAnswer['body'] };
    },
    close: () => pool.close(),
  };
}
