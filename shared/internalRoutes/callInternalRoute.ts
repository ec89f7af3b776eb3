// A call from one service to another's internal route (POST JSON, bearer token), over kept-alive
// connections, with node:http itself: these calls sit on the request path (a consent lookup per
// request), and a fetch client costs more per call. Any failure throws, a call slower than
// INTERNAL_CALL_TIMEOUT_MS included: callers fail closed (a consent lookup that times out finds no consent).
import http from 'node:http';
import { config } from '../config/config.ts';
import { ACTING_FOR_HEADER } from './InternalRoute.ts';

/**
 * An idle connection is dropped a second before the peer's announced keep-alive (`Keep-Alive: timeout=`)
 * ends, so it is never reused just as the peer closes it: Node's agent honours that hint only when it
 * has a timeout of its own (the hint applies when shorter). The timeout acts on idle connections alone.
 */
const IDLE_CONNECTION_MS = 30_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32, timeout: IDLE_CONNECTION_MS });
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

export interface InternalCallOptions {
  /** How long the whole call may take, answer included (default: INTERNAL_CALL_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** `requestId`: the request the caller acts for, which must be the one `token` was minted for. */
export function callInternalRoute<T>(
  baseUrl: string,
  path: string,
  token: string,
  requestId: string,
  body: unknown,
  options: InternalCallOptions = {},
): Promise<T> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  const timeoutMs = options.timeoutMs ?? config.deadlines.internalCallMs;
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}`, [ACTING_FOR_HEADER]: requestId };
  return new Promise<T>((resolve, reject) => {
    // The whole call, not the socket's idleness: a peer trickling its answer is cut off too. The socket
    // is destroyed, so the pool never hands it to another call.
    let request: http.ClientRequest;
    const timer = setTimeout(() => request.destroy(new Error(`${path} did not answer within ${timeoutMs} ms`)), timeoutMs);
    const send = (retried: boolean) => {
      let answered = false;
      request = http.request(url, { method: 'POST', agent, headers }, (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) request.destroy(new Error(`${path} answered more than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          if (response.statusCode !== 200) return reject(new Error(`${path} answered ${response.statusCode}`));
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch {
            reject(new Error(`${path} did not answer JSON`));
          }
        });
        response.on('error', reject);
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the peer closed just as this call went out (it read nothing of it): sent
        // once more, on another connection, as Node's documentation advises (`request.reusedSocket`).
        if (!retried && request.reusedSocket && !answered && error.code === 'ECONNRESET') return send(true);
        clearTimeout(timer);
        reject(error);
      });
      request.end(payload);
    };
    send(false);
  });
}
