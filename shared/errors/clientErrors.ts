// Errors a client may see: each sets `extensions.code`; everything else is masked to INTERNAL.
import { GraphQLError } from 'graphql';

/** Refusals of an operation over a limit (shared/limits), one code per limit. */
export const OPERATION_LIMIT_CODES = [
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_FIELDS',
  'QUERY_TOO_COMPLEX',
] as const;
export type OperationLimitCode = (typeof OPERATION_LIMIT_CODES)[number];

export const CLIENT_ERROR_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'SUBGRAPH_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  // A list filtered or ordered on a field the caller may not read (shared/policy/recordVisibility.ts).
  'FILTER_NOT_ALLOWED',
  ...OPERATION_LIMIT_CODES,
]);

// graphql-js suggests field and type names ("Did you mean ...?"): never reveal names a caller did not ask for.
const SUGGESTION = /\s*Did you mean .*\?$/;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

/** Extensions beside the code; the code itself is not one of them. */
export type ErrorDetails = Readonly<Record<string, unknown>> & { code?: never };

/**
 * An error raised before or instead of GraphQL execution, shaped as a GraphQL error response; `details`
 * are further extensions beside the code (e.g. when to retry).
 */
export function errorResponse(
  message: string,
  code: string,
  details: ErrorDetails = {},
): { errors: Array<{ message: string; extensions: { code: string } & Record<string, unknown> }> } {
  return { errors: [{ message, extensions: { code, ...details } }] };
}

/** The same, as the JSON text of an HTTP answer. */
export function errorBody(message: string, code: string, details: ErrorDetails = {}): string {
  return JSON.stringify(errorResponse(message, code, details));
}
