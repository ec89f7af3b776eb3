// The GraphQL request of a call: a query string, optional variables and operation name. Over HTTP it is
// the JSON body; from a gateway in this process it comes as an object, checked the same way.
import { refusal, type GivenRequest, type HttpBody, type Stage } from './Stage.ts';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function asRequest(body: unknown): GraphQLRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { query, variables, operationName } = body as Partial<Record<keyof GraphQLRequest, unknown>>;
  if (typeof query !== 'string') return null;
  if (variables != null && typeof variables !== 'object') return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return body as GraphQLRequest;
}

export function readGraphQLRequest(): Stage<HttpBody | GivenRequest, { request: GraphQLRequest }> {
  return async (call, next) => {
    let body: unknown;
    if ('givenRequest' in call) body = call.givenRequest;
    else {
      const text = await call.readBody();
      if (text === null) return refusal(413, 'The request body is too large', 'BAD_REQUEST');
      body = parseJson(text);
    }
    const request = asRequest(body);
    if (!request) return refusal(400, 'The body must be JSON with a "query" string', 'BAD_REQUEST');
    return next({ request });
  };
}
