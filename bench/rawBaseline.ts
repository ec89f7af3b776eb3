// The raw-SQL baseline, a child process of `npm run bench`: plain node:http and pg Pools on the same
// databases as the subgraphs, no GraphQL, no tokens, no HTTP hops between services. It answers
// POST /page {"unitCode": "…"} with {"data": …} shaped like the gateway's answer to the bench query,
// and counts its SQL statements on GET /metrics the way the subgraphs do.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { config } from '../shared/config/config.ts';
import { envPrefix } from '../shared/config/services.ts';
import { rawCitizenPage, type RawPools } from './rawPage.ts';

const SERVICE = 'raw-baseline';

function required<T>(name: string, value: T | undefined): T {
  if (value === undefined) {
    console.error(`${SERVICE}: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

// The same pool size as a subgraph's knex pool (DATABASE_POOL_MAX), so neither side gets more connections.
const pool = (url: string) => new pg.Pool({ connectionString: url, max: config.databasePoolMax });
const databaseUrl = (service: string) => required(`${envPrefix(service)}_DATABASE_URL`, config.serviceDatabaseUrls[service]);
const pools: RawPools = {
  population: pool(databaseUrl('population')),
  civilStatus: pool(databaseUrl('civil-status')),
  land: pool(databaseUrl('land')),
  business: pool(databaseUrl('business')),
};
let statements = 0;
let requests = 0;
const countStatement = () => {
  statements += 1;
};

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/health') return send(res, 200, '{"status":"ok"}');
  if (req.method === 'GET' && path === '/metrics') {
    return send(
      res,
      200,
      `sql_statements_total{service="${SERVICE}"} ${statements}\nrequests_total{service="${SERVICE}"} ${requests}\n`,
      'text/plain; version=0.0.4',
    );
  }
  if (req.method !== 'POST' || path !== '/page') return send(res, 404, '{"error":"not found"}');
  const body = (await readJson(req).catch(() => null)) as { unitCode?: unknown } | null;
  if (!body || typeof body.unitCode !== 'string') return send(res, 400, '{"error":"body must be {\\"unitCode\\": \\"…\\"}"}');
  requests += 1;
  const data = await rawCitizenPage(pools, body.unitCode, countStatement);
  send(res, 200, JSON.stringify({ data }));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(`${SERVICE}: request failed: ${(error as Error).message}`);
    if (!res.headersSent) send(res, 500, '{"error":"internal"}');
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(required('PORT', config.port), '127.0.0.1');

const stop = () => {
  server.close();
  server.closeAllConnections();
  void Promise.all(Object.values(pools).map((p: pg.Pool) => p.end())).finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
