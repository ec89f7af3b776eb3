// The body of a GraphQL call: JSON with a query string, optional variables and operation name.
import { refusal, type Stage } from './Stage.ts';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function parseRequest(text: string): GraphQLRequest | null {
  try {
    const body = JSON.parse(text) as Partial<GraphQLRequest>;
    if (typeof body !== 'object' || body === null || typeof body.query !== 'string') return null;
    if (body.variables != null && typeof body.variables !== 'object') return null;
    if (body.operationName != null && typeof body.operationName !== 'string') return null;
    return body as GraphQLRequest;
  } catch {
    return null;
  }
}

export function readGraphQLRequest(): Stage<{ readBody(): Promise<string | null> }, { request: GraphQLRequest }> {
  return async (call, next) => {
    const text = await call.readBody();
    if (text === null) return refusal(413, 'The request body is too large', 'BAD_REQUEST');
    const request = parseRequest(text);
    if (!request) return refusal(400, 'The body must be JSON with a "query" string', 'BAD_REQUEST');
    return next({ request });
  };
}
