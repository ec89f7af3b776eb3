// Turns an agency's definition into a running service: its own database (migrated, seeded once),
// its federated schema, and an HTTP server that answers only the gateway.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { createInternalTokenVerifier } from '../auth/internalToken.ts';
import { openDatabase, type Database, type DatabaseOptions } from '../db/openDatabase.ts';
import { migrationSource } from '../db/migrationSource.ts';
import { errorBody } from '../errors/clientErrors.ts';
import { logError } from '../logging/log.ts';
import { callsUnderWay } from '../lifecycle/callsUnderWay.ts';
import { config } from '../config/config.ts';
import type { HttpTimeouts } from '../config/readConfig.ts';
import { serverTimeouts } from '../config/serverTimeouts.ts';
import type { ProvinceOptions } from '../../synthetic/index.ts';
import { seedOnce } from './seedOnce.ts';
import { createPolicyEnforcer, type PolicyEnforcer } from '../policy/policyEnforcer.ts';
import { policyDir } from '../policy/loadSubgraphPolicies.ts';
import { createConnectionCache } from '../connections/connectionCache.ts';
import { createConsentCache } from '../consent/consentCache.ts';
import { createDisclosureWriter } from '../audit/disclosureWriter.ts';
import { startChainCheckpointer } from '../audit/chainCheckpointer.ts';
import { auditSigningKey } from '../audit/auditKeys.ts';
import { startSharingStatisticsAggregator } from '../statistics/sharingStatisticsAggregator.ts';
import { startSharingLatencyRecorder } from '../statistics/sharingLatencyRecorder.ts';
import { startPeriodicTasks } from './periodicTasks.ts';
import type { Principal } from '../auth/Principal.ts';
import { createDocumentCache } from './documentCache.ts';
import { configuredOperationLimits, type OperationLimits } from '../limits/operationLimits.ts';
import { routeRequest } from './routeRequest.ts';
import { answerMetrics, type MetricsSource } from './answerMetrics.ts';
import { sendJson } from './httpExchange.ts';
import { servedInternalRoutes } from './internalAudiences.ts';
import type { SubgraphDefinition } from './SubgraphDefinition.ts';
import { subgraphPipeline } from './subgraphPipeline.ts';
import type { Answer, IncomingCall } from './stages/Stage.ts';

export interface StartSubgraphOptions {
  port: number;
  host?: string;
  database: DatabaseOptions;
  province: ProvinceOptions;
  /** Where the policies are read from (default: POLICY_DIR or the repository's policies/). */
  policyDir?: string;
  /** Only `npm run bench` turns this off, to measure what authorization costs; refused in production. */
  enforcePolicies?: boolean;
  /** Only `npm run bench` turns this off, to price the disclosure log apart; refused in production. */
  recordDisclosures?: boolean;
  /** Base URL of the platform (the consent registry); consent rules never apply without it. */
  consentRegistryUrl?: string;
  /** Base URL of the platform witnessing disclosure-log checkpoints (default: consentRegistryUrl; the platform itself: its own URL). */
  witnessUrl?: string;
  /** GraphQL URLs of every subgraph, for calls to other agencies' internal routes (read when a call is made). */
  subgraphUrls?: () => Readonly<Record<string, string>>;
  /** How long a client may take to send a request (default: HTTP_*_TIMEOUT_MS). */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** /metrics: the scrape token it asks for (none: open), and a port of its own instead of the service's. */
  metrics?: { token?: string; port?: number };
  /** Default: MAX_QUERY_DEPTH and the other limit variables; null: none (the benchmark's limits-off run). */
  operationLimits?: OperationLimits | null;
}

/** How often a register writes its latency histograms (sharing statistics). */
const LATENCY_FLUSH_MS = 5_000;

export interface RunningSubgraph {
  name: string;
  policies: PolicyEnforcer;
  url: string;
  port: number;
  /**
   * The pipeline /graphql hands each call to: a gateway in this process calls it directly
   * (SUBGRAPH_CALLS=in-process), with the headers it would send and the request as an object.
   */
  graphql(call: IncomingCall): Promise<Answer>;
  /** Where /metrics is served: the service's own base URL, or its METRICS_PORT. */
  metricsUrl: string;
  database: Database;
  /** Signs the head of the disclosure log now and sends what is not yet witnessed (what the timer does). */
  checkpointDisclosureLog(): Promise<void>;
  /** Writes the latency histograms and aggregates the disclosure log into sharing_statistics now: closed days not yet done, then today (what the timers do). */
  aggregateSharingStatistics(): Promise<void>;
  /** Runs one of the definition's periodic tasks now, after any pass of it under way (what its timer does). */
  runPeriodicTask(name: string): Promise<void>;
  /** Resolves once the calls it is answering (over HTTP and in-process) have ended, or their deadline has passed. */
  callsSettled(): Promise<void>;
  /** Lets the calls under way end (callsSettled), then closes its servers, timers and database. */
  close(): Promise<void>;
}

export async function startSubgraph<L>(definition: SubgraphDefinition<L>, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  // Policies first: a subgraph whose policies are invalid must not start, let alone open its data.
  const baseSchema = buildSubgraphSchema({
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
  });
  const policyDirectory = options.policyDir ?? policyDir();
  const enforcer = createPolicyEnforcer(definition.name, baseSchema, policyDirectory);
  const enforce = options.enforcePolicies ?? true;
  const recordDisclosures = options.recordDisclosures ?? true;
  if (!recordDisclosures) {
    if (config.isProduction) throw new Error('The disclosure log cannot be turned off in production');
    logError('DISCLOSURE LOG IS OFF: nothing read is recorded (benchmark only)', { service: definition.name });
  }
  if (!enforce) {
    if (config.isProduction) throw new Error('Policies cannot be turned off in production');
    logError('POLICIES ARE OFF: every field is served to every authenticated caller (benchmark only)', { service: definition.name });
  }
  const database = await openDatabase(options.database);
  const { knex } = database;
  await knex.migrate.latest({ migrationSource: migrationSource(definition.migrations) });
  await seedOnce(knex, definition.name, options.province, definition.seed);

  // Checkpoints of the disclosure log, signed with the agency's key and witnessed by the platform, off the request path.
  let ownBaseUrl: string | undefined;
  const checkpointer = recordDisclosures
    ? startChainCheckpointer({
        service: definition.name,
        knex,
        signingKey: auditSigningKey(definition.name),
        witnessUrl: () => options.witnessUrl ?? options.consentRegistryUrl ?? (definition.signedRoutes ? ownBaseUrl : undefined),
        everyRows: config.audit.checkpointRows,
        everySeconds: config.audit.checkpointSeconds,
        timeoutMs: config.deadlines.internalCallMs,
      })
    : null;

  // Daily sharing statistics from the same log, off the request path (shared/statistics).
  const statistics = startSharingStatisticsAggregator({
    service: definition.name,
    knex,
    policies: enforcer.policies,
    everySeconds: config.sharingStatisticsSeconds,
    // A request's row may be appended up to its deadline after midnight; a minute more for the append itself.
    closeAfterMs: config.deadlines.requestMs + 60_000,
  });
  const latency = startSharingLatencyRecorder({ service: definition.name, knex, everyMs: LATENCY_FLUSH_MS });
  const periodic = startPeriodicTasks(definition.name, knex, definition.periodicTasks ?? []);

  const counter = { operations: 0 };
  const operationLimits = options.operationLimits === undefined ? configuredOperationLimits() : options.operationLimits;
  if (!operationLimits) {
    if (config.isProduction) throw new Error('Operation limits cannot be turned off in production');
    logError('OPERATION LIMITS ARE OFF: any depth, size or cost is executed (benchmark only)', { service: definition.name });
  }
  // One writer per log (group commit): the pipeline's disclosures and the log route's record of its reads.
  const disclosureLog = recordDisclosures
    ? createDisclosureWriter(database.appendKnex, (rows) => {
        checkpointer?.rowsAppended(rows.length);
        statistics.rowsAppended(rows);
      })
    : null;
  const pipeline = subgraphPipeline({
    service: definition.name,
    verifyToken: createInternalTokenVerifier(definition.name),
    // Policies wrap resolvers but never change types, so a document valid once stays valid.
    prepare: createDocumentCache(baseSchema, operationLimits),
    baseSchema,
    operationLimits,
    counter,
    schema: enforce ? enforcer.schema : () => baseSchema,
    policies: enforcer.policies,
    policyDir: policyDirectory,
    consentRegistryUrl: options.consentRegistryUrl,
    consentCache: createConsentCache(),
    connectionCache: createConnectionCache(),
    disclosureLog,
    subgraphUrls: () => options.subgraphUrls?.() ?? {},
    knex,
    createLoaders: definition.createLoaders,
    latency: latency.histograms,
  });
  const routes = servedInternalRoutes(definition);
  const metricsPort = options.metrics?.port;
  const metrics: MetricsSource = {
    service: definition.name,
    read: () => ({ graphql_operations_total: counter.operations, sql_statements_total: database.statementCount() }),
    token: options.metrics?.token,
  };
  const handle = routeRequest({
    service: definition.name,
    graphql: pipeline,
    internalRoutes: Object.fromEntries(
      Object.entries(routes).map(([path, route]) => [
        path,
        { verifyToken: createInternalTokenVerifier(route.audience), handle: (principal: Principal, body: unknown) => route.handle(principal, body, knex, disclosureLog) },
      ]),
    ),
    signedRoutes: Object.fromEntries(Object.entries(definition.signedRoutes ?? {}).map(([path, route]) => [path, (body: unknown) => route.handle(body, knex)])),
    metrics: metricsPort === undefined ? metrics : null,
    isReady: async () => {
      await knex.raw('select 1');
      return true;
    },
  });
  // What is answered over HTTP or for a gateway in this process: a close lets it finish on an open database,
  // each call within the time a gateway waits for a subgraph call (after it, no one waits for the answer).
  const underWay = callsUnderWay();
  const callsSettled = () => underWay.settled(config.deadlines.subgraphCallMs);
  const server: Server = createServer(serverTimeouts({ ...config.httpTimeouts, ...options.httpTimeouts }), (req, res) => {
    underWay.track(() => handle(req, res)).catch((error: unknown) => {
      logError('request failed', { service: definition.name, error });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(errorBody('Internal error', 'INTERNAL'));
      } else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port, host);
  ownBaseUrl = `http://${host}:${port}`;
  // METRICS_PORT: a server that answers /metrics and nothing else.
  const metricsServer =
    metricsPort === undefined ? undefined
    : createServer((req, res) => {
        if (req.method === 'GET' && (req.url ?? '/').split('?')[0] === '/metrics') return answerMetrics(metrics, req, res);
        sendJson(res, 404, errorBody('Not found', 'NOT_FOUND'));
      });
  const metricsServerPort =
    metricsServer ?
      await listen(metricsServer, metricsPort!, host).catch(async (error: unknown) => {
        enforcer.close();
        await closeServer(server);
        await statistics.stop();
        await latency.stop();
        await periodic.stop();
        await database.close();
        throw error;
      })
    : port;
  return {
    name: definition.name,
    url: `http://${host}:${port}/graphql`,
    port,
    graphql: (call) => underWay.track(() => pipeline(call)),
    metricsUrl: `http://${host}:${metricsServerPort}/metrics`,
    database,
    policies: enforcer,
    checkpointDisclosureLog: async () => checkpointer?.checkpointNow(),
    aggregateSharingStatistics: async () => {
      await latency.flushNow();
      await statistics.aggregateNow();
    },
    runPeriodicTask: (name) => periodic.runNow(name),
    callsSettled,
    async close() {
      enforcer.close();
      await Promise.all([closeServer(server, callsSettled), metricsServer && closeServer(metricsServer)]);
      await checkpointer?.stop();
      await statistics.stop();
      await latency.stop();
      await periodic.stop();
      await database.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops taking connections; lets the calls under way end first (`callsSettled`), then drops every connection. */
async function closeServer(server: Server, callsSettled?: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await callsSettled?.();
  server.closeAllConnections();
  await closed;
}
