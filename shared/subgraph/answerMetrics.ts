// /metrics for operators: counters only (no data, no identities), yet they show which register is asked
// how often, so with METRICS_TOKEN set they answer only the scraper. With METRICS_PORT a subgraph started
// alone serves them on that port instead (an internal one) and not on its own.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../errors/clientErrors.ts';
import { bearerToken, sendJson } from './httpExchange.ts';

export interface MetricsSource {
  service: string;
  /** Counters (Prometheus text format). */
  read(): Record<string, number>;
  /** The scrape token `Authorization: Bearer` must carry; none: open (development only, the production check refuses it). */
  token: string | undefined;
}

export function answerMetrics(source: MetricsSource, req: IncomingMessage, res: ServerResponse): void {
  if (source.token !== undefined && !sameSecret(bearerToken(req.headers) ?? '', source.token)) {
    return sendJson(res, 401, errorBody('/metrics answers only the scraper: send Authorization: Bearer <METRICS_TOKEN>', 'UNAUTHENTICATED'), {
      'www-authenticate': 'Bearer',
    });
  }
  const lines = Object.entries(source.read()).map(([name, value]) => `${name}{service="${source.service}"} ${value}`);
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(`${lines.join('\n')}\n`);
}

/** Constant time whatever the lengths: digests of equal size are compared, never the texts. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
