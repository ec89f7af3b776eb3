// The one place that decides what of an error reaches a client: known client errors pass with their
// message and extensions; anything else becomes INTERNAL with the request id, and is logged here.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { config } from '../config/config.ts';
import { CLIENT_ERROR_CODES, withoutSuggestions } from './clientErrors.ts';
import { logError } from '../logging/log.ts';

export function maskError(error: GraphQLError, context: { service: string; requestId: string }): GraphQLFormattedError {
  const code = error.extensions?.code;
  const original = error.originalError;
  const isClientError =
    (typeof code === 'string' && CLIENT_ERROR_CODES.has(code) && (!original || original instanceof GraphQLError)) ||
    (!original && code === undefined); // parse and validation errors raised by graphql-js itself
  if (isClientError) {
    const formatted = error.toJSON();
    const { http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return {
      ...formatted,
      message: withoutSuggestions(formatted.message),
      extensions: { ...extensions, code: code ?? 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  logError('unexpected error while resolving', { service: context.service, requestId: context.requestId, path: error.path, error: original ?? error });
  return {
    message: 'Internal error',
    ...(error.path ? { path: error.path } : {}),
    extensions: {
      code: 'INTERNAL',
      requestId: context.requestId,
      ...(config.exposeErrorDetails && original?.stack ? { stack: original.stack.split('\n') } : {}),
    },
  };
}
