// Answers a signed route (shared/internalRoutes/SignedRoute.ts): the body is read within the usual
// limit and must be JSON; the route checks its signature and answers with its own status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../errors/clientErrors.ts';
import { readBody, sendJson } from './httpExchange.ts';

export async function answerSignedRoute(handle: (body: unknown) => Promise<{ status: number; body: unknown }>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  if (raw === null) return sendJson(res, 413, errorBody('The request body is too large', 'BAD_REQUEST'));
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return sendJson(res, 400, errorBody('The body must be JSON', 'BAD_REQUEST'));
  }
  const answer = await handle(body);
  sendJson(res, answer.status, JSON.stringify(answer.body));
}
