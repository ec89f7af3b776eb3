// A subgraph's HTTP front door: health, readiness and metrics for operators, the service-to-service
// routes, and /graphql, which every call reaches through the pipeline (subgraphPipeline.ts).
// Plain node:http: Apollo Server's HTTP pipeline doubled a subgraph's CPU per call (docs/request-path-costs.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../errors/clientErrors.ts';
import { answerInternalRoute, type ServedInternalRoute } from './answerInternalRoute.ts';
import { answerMetrics, type MetricsSource } from './answerMetrics.ts';
import { answerSignedRoute } from './answerSignedRoute.ts';
import { readBody, sendJson } from './httpExchange.ts';
import type { Answer, IncomingCall } from './stages/Stage.ts';

export interface SubgraphRoutes {
  service: string;
  graphql(call: IncomingCall): Promise<Answer>;
  /** Service-to-service routes, by path. */
  internalRoutes: Record<string, ServedInternalRoute>;
  /** Service-to-service routes authenticated by a signature in their body, by path. */
  signedRoutes?: Record<string, (body: unknown) => Promise<{ status: number; body: unknown }>>;
  isReady(): Promise<boolean>;
  /** /metrics on this port; null when it is served on a port of its own (METRICS_PORT). */
  metrics: MetricsSource | null;
}

export function routeRequest(routes: SubgraphRoutes): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, '{"status":"ok"}');
    if (req.method === 'GET' && path === '/ready') {
      const ready = await routes.isReady().catch(() => false);
      return sendJson(res, ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'not ready' }));
    }
    if (req.method === 'GET' && path === '/metrics' && routes.metrics) return answerMetrics(routes.metrics, req, res);
    const internal = routes.internalRoutes[path];
    if (internal && req.method === 'POST') return answerInternalRoute(internal, req, res);
    const signed = routes.signedRoutes?.[path];
    if (signed && req.method === 'POST') return answerSignedRoute(signed, req, res);
    if (path !== '/graphql') return sendJson(res, 404, errorBody('Not found', 'NOT_FOUND'));
    if (req.method !== 'POST') return sendJson(res, 405, errorBody('Use POST', 'METHOD_NOT_ALLOWED'), { allow: 'POST' });
    const answer = await routes.graphql({ headers: req.headers, readBody: () => readBody(req) });
    sendJson(res, answer.status, JSON.stringify(answer.body));
  };
}
