// Answers a signed route (shared/internalRoutes/SignedRoute.ts): the body is read within the usual
// limit and must be JSON; the route checks its signature and answers with its own status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson } from './httpExchange.ts';

export async function answerSignedRoute(handle: (body: unknown) => Promise<{ status: number; body: unknown }>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req, res);
  if (body === undefined) return;
  const answer = await handle(body);
  sendJson(res, answer.status, JSON.stringify(answer.body));
}
