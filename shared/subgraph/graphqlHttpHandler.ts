// A subgraph's HTTP front door. The internal token is checked first, before the body is read, so no
// GraphQL (not `_service`, not `_entities`) runs for a caller the gateway did not vouch for.
// Plain node:http + graphql-js execute: Apollo Server's pipeline doubled a subgraph's CPU per call (docs/request-path-costs.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import type { Principal } from '../auth/Principal.ts';
import { errorBody } from '../errors/clientErrors.ts';
import { maskError } from '../errors/maskError.ts';
import { createDocumentCache } from './documentCache.ts';
import { logError } from '../logging/log.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export interface HandlerOptions {
  service: string;
  /** The enforced schema in force now (it changes when policies are reloaded). */
  schema: () => GraphQLSchema;
  verifyToken: (token: string) => Principal | null;
  contextFor: (principal: Principal, headers: IncomingMessage['headers']) => object;
  /** Runs after execution, before the answer is sent; if it fails, no data is sent (fail closed). */
  beforeAnswer?: (context: object) => Promise<void>;
  /** Service-to-service endpoints: path -> token check and handler answering JSON. */
  internalRoutes?: Record<string, { verifyToken: (token: string) => Principal | null; handle(principal: Principal, body: unknown): Promise<unknown> }>;
  isReady: () => Promise<boolean>;
  /** Counters for operators and the benchmark (Prometheus text format); no data, no identities. */
  metrics: () => Record<string, number>;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
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

interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function parseRequestBody(text: string): GraphQLRequestBody | null {
  try {
    const body = JSON.parse(text) as Partial<GraphQLRequestBody>;
    if (typeof body !== 'object' || body === null || typeof body.query !== 'string') return null;
    if (body.variables != null && typeof body.variables !== 'object') return null;
    if (body.operationName != null && typeof body.operationName !== 'string') return null;
    return body as GraphQLRequestBody;
  } catch {
    return null;
  }
}

export function createGraphqlHttpHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  // Policies wrap resolvers but never change types, so a document valid once stays valid.
  const prepare = createDocumentCache(options.schema());
  let operations = 0;
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return send(res, 200, '{"status":"ok"}');
    if (req.method === 'GET' && path === '/ready') {
      const ready = await options.isReady().catch(() => false);
      return send(res, ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'not ready' }));
    }
    if (req.method === 'GET' && path === '/metrics') {
      const lines = Object.entries({ graphql_operations_total: operations, ...options.metrics() }).map(([name, value]) => `${name}{service="${options.service}"} ${value}`);
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return void res.end(`${lines.join('\n')}\n`);
    }
    const internal = options.internalRoutes?.[path];
    if (internal && req.method === 'POST') {
      const authorizationHeader = req.headers.authorization ?? '';
      const caller = authorizationHeader.startsWith('Bearer ') ? internal.verifyToken(authorizationHeader.slice(7)) : null;
      if (!caller) return send(res, 401, errorBody('This endpoint only answers services the gateway vouched for', 'UNAUTHENTICATED'));
      const raw = await readBody(req);
      if (raw === null) return send(res, 413, errorBody('The request body is too large', 'BAD_REQUEST'));
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      if (body === null) return send(res, 400, errorBody('The body must be JSON', 'BAD_REQUEST'));
      try {
        return send(res, 200, JSON.stringify(await internal.handle(caller, body)));
      } catch (error) {
        // A caller's mistake is answered as one; anything else is a server failure (masked by the server).
        if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return send(res, 400, errorBody(error.message, 'BAD_USER_INPUT'));
        throw error;
      }
    }
    if (path !== '/graphql') return send(res, 404, errorBody('Not found', 'NOT_FOUND'));
    if (req.method !== 'POST') return send(res, 405, errorBody('Use POST', 'METHOD_NOT_ALLOWED'), { allow: 'POST' });

    const authorization = req.headers.authorization ?? '';
    const principal = authorization.startsWith('Bearer ') ? options.verifyToken(authorization.slice(7)) : null;
    if (!principal) {
      return send(res, 401, errorBody('This service only answers calls relayed by the provincial gateway', 'UNAUTHENTICATED'));
    }

    const text = await readBody(req);
    if (text === null) return send(res, 413, errorBody('The request body is too large', 'BAD_REQUEST'));
    const body = parseRequestBody(text);
    if (!body) return send(res, 400, errorBody('The body must be JSON with a "query" string', 'BAD_REQUEST'));

    const errorContext = { service: options.service, requestId: principal.requestId };
    const prepared = prepare(body.query);
    if ('errors' in prepared) {
      const errors = prepared.errors.map((error) =>
        maskError(new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: prepared.code } }), errorContext),
      );
      return send(res, 400, JSON.stringify({ errors }));
    }
    operations += 1;
    const contextValue = options.contextFor(principal, req.headers);
    const result = await execute({
      schema: options.schema(),
      document: prepared.document,
      variableValues: body.variables,
      operationName: body.operationName,
      contextValue,
    });
    try {
      await options.beforeAnswer?.(contextValue);
    } catch (error) {
      logError('disclosure log write failed; no data sent', { service: options.service, requestId: principal.requestId, error });
      return send(res, 200, errorBody('The disclosure could not be recorded, so no data is returned', 'AUDIT_UNAVAILABLE'));
    }
    const response: Record<string, unknown> = { data: result.data };
    if (result.errors?.length) response.errors = result.errors.map((error) => maskError(error, errorContext));
    send(res, 200, JSON.stringify(response));
  };
}
