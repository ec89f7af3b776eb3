// A service-to-service route: its own token audience, and the request the caller says it acts for
// against the token's, checked before the body is read; a caller's mistake is answered as one (400),
// anything else is a server failure (masked by the server).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/Principal.ts';
import { errorBody } from '../errors/clientErrors.ts';
import { ACTING_FOR_HEADER } from '../internalRoutes/InternalRoute.ts';
import { bearerToken, readJsonBody, sendJson } from './httpExchange.ts';

export interface ServedInternalRoute {
  verifyToken(token: string): Principal | null;
  handle(principal: Principal, body: unknown): Promise<unknown>;
}

export async function answerInternalRoute(route: ServedInternalRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = bearerToken(req.headers);
  const caller = token ? route.verifyToken(token) : null;
  if (!caller) return sendJson(res, 401, errorBody('This endpoint only answers services the gateway vouched for', 'UNAUTHENTICATED'));
  // The token may be genuine yet of another request than the one the calling service is serving.
  if (req.headers[ACTING_FOR_HEADER] !== caller.requestId) {
    return sendJson(res, 401, errorBody('This endpoint answers only for the request its token was minted for', 'UNAUTHENTICATED'));
  }
  const body = await readJsonBody(req, res);
  if (body === undefined) return;
  try {
    return sendJson(res, 200, JSON.stringify(await route.handle(caller, body)));
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return sendJson(res, 400, errorBody(error.message, 'BAD_USER_INPUT'));
    throw error;
  }
}
