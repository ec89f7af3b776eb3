// A subgraph's HTTP front door: health, readiness and metrics for operators, the service-to-service
// routes, and /graphql, which every call reaches through the pipeline (subgraphPipeline.ts).
// Plain node:http: Apollo Server's HTTP pipeline doubled a subgraph's CPU per call (docs/request-path-costs.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../errors/clientErrors.ts';
import { answerInternalRoute, type ServedInternalRoute } from './answerInternalRoute.ts';
import { readBody, sendJson } from './httpExchange.ts';
import type { Answer, IncomingCall } from './stages/Stage.ts';

export interface SubgraphRoutes {
  service: string;
  graphql(call: IncomingCall): Promise<Answer>;
  /** Service-to-service routes, by path. */
  internalRoutes: Record<string, ServedInternalRoute>;
  isReady(): Promise<boolean>;
  /** Counters for operators and the benchmark (Prometheus text format); no data, no identities. */
  metrics(): Record<string, number>;
}

export function routeRequest(routes: SubgraphRoutes): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, '{"status":"ok"}');
    if (req.method === 'GET' && path === '/ready') {
      const ready = await routes.isReady().catch(() => false);
      return sendJson(res, ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'not ready' }));
    }
    if (req.method === 'GET' && path === '/metrics') {
      const lines = Object.entries(routes.metrics()).map(([name, value]) => `${name}{service="${routes.service}"} ${value}`);
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return void res.end(`${lines.join('\n')}\n`);
    }
    const internal = routes.internalRoutes[path];
    if (internal && req.method === 'POST') return answerInternalRoute(internal, req, res);
    if (path !== '/graphql') return sendJson(res, 404, errorBody('Not found', 'NOT_FOUND'));
    if (req.method !== 'POST') return sendJson(res, 405, errorBody('Use POST', 'METHOD_NOT_ALLOWED'), { allow: 'POST' });
    const answer = await routes.graphql({ headers: req.headers, readBody: () => readBody(req) });
    sendJson(res, answer.status, JSON.stringify(answer.body));
  };
}
