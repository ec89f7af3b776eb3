// What of an error leaves the gateway. Subgraph errors were already masked at their source and pass
// with their codes; the gateway's own client errors pass; anything else becomes INTERNAL.
import type { GraphQLFormattedError } from 'graphql';
import { config } from '../../shared/config/config.ts';
import { CLIENT_ERROR_CODES, withoutSuggestions } from '../../shared/errors/clientErrors.ts';
import { logError } from '../../shared/logging/log.ts';

const GATEWAY_CLIENT_CODES = new Set([...CLIENT_ERROR_CODES, 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);
// A register too slow for its call or for the request's deadline (SubgraphCallFailures.ts): only the gateway says so.
for (const code of ['SUBGRAPH_TIMEOUT', 'REQUEST_TIMEOUT']) GATEWAY_CLIENT_CODES.add(code);
// Defence in depth: a message naming an address, a socket failure or a source file never passes.
const INTERNAL_DETAIL = /https?:\/\/|\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT)\b|\/[\w.-]+\/[\w./-]+\.(?:ts|js)\b/i;

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const fromSubgraph = typeof extensions.serviceName === 'string';
  const passes = code !== undefined && (GATEWAY_CLIENT_CODES.has(code) || (fromSubgraph && code === 'INTERNAL'));
  if (passes && !INTERNAL_DETAIL.test(formatted.message)) {
    const { stacktrace, ...rest } = extensions;
    return {
      ...formatted,
      message: withoutSuggestions(formatted.message),
      extensions: config.exposeErrorDetails && stacktrace ? { ...rest, stacktrace } : rest,
    };
  }
  logError('masked gateway error', { error: error instanceof Error ? error : formatted });
  return {
    message: 'Internal error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL' },
  };
}
