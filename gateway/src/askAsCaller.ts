// The gateway's plain HTTP routes (the catalogue and statistics exports, the open-data downloads, CKAN and
// DCAT) ask through the gateway's own GraphQL pipeline, as the caller (anonymous when no token was sent):
// the same anonymous guard, policies, limits and refusals as a GraphQL request would meet.
import type { ApolloServer } from '@apollo/server';
import type { Principal } from '../../shared/auth/Principal.ts';
import type { GatewayContext } from './GatewayContext.ts';
import type { RequestDeadline } from './requestDeadline.ts';

export interface AnswerError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface Answer<T> {
  data: T | null;
  errors: AnswerError[];
}

export type AskPlatform = <T>(query: string, variables: Record<string, unknown>) => Promise<Answer<T>>;

/**
 * `deadlineOf` gives each operation its deadline: one for the whole route (an export must answer within one
 * request's time), or a new one per operation (a download of 200,000 rows is 200 operations and may rightly
 * take longer than one request, while each of its pages must still answer in time).
 */
export function askAsCaller(server: ApolloServer<GatewayContext>, principal: Principal, deadlineOf: () => RequestDeadline): AskPlatform {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<Answer<T>> => {
    const response = await server.executeOperation({ query, variables }, { contextValue: { principal, internalTokens: new Map(), relayAudiences: [], deadline: deadlineOf() } });
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    return { data: (result?.data as T | undefined) ?? null, errors: (result?.errors ?? []) as AnswerError[] };
  };
}

const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/** The HTTP status a refusal or failure of the platform's answer stands for: 503 for anything not the caller's doing. */
export function statusOfErrors(errors: readonly AnswerError[]): number {
  return STATUS_OF_CODE[String(errors[0]?.extensions?.code ?? '')] ?? 503;
}

/** A refusal or failure, for a client: its message and code, nothing internal (formatError already masked it). */
export function firstError(errors: readonly AnswerError[]): { message: string; code: string } {
  const error = errors[0];
  return { message: error?.message ?? 'The open-data service did not answer', code: String(error?.extensions?.code ?? 'SUBGRAPH_UNAVAILABLE') };
}
