// Reading a bearer token and a request body with a size limit, and writing a JSON answer: what every
// route of a subgraph does.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../errors/clientErrors.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

/** The body as text, or null (and the connection dropped) once it passes MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A service route's JSON body (an object, an array or a value other than null), or undefined once it has
 * answered the caller itself: 413 over MAX_BODY_BYTES, 400 for anything that is not such JSON.
 */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const raw = await readBody(req);
  if (raw === null) {
    sendJson(res, 413, errorBody('The request body is too large', 'BAD_REQUEST'));
    return undefined;
  }
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    // answered below
  }
  if (body === null) sendJson(res, 400, errorBody('The body must be JSON', 'BAD_REQUEST'));
  return body ?? undefined;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization ?? '';
  return authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
}
