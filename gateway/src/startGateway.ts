// The single entry point: verifies callers, plans each query over the static supergraph, and calls
// agency subgraphs with internal tokens (in one box, with the caller as an object). It knows identities,
// not agency rules (those live in subgraphs).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { createUserTokenVerifier, type UserTokenSettings } from '../../shared/auth/userToken.ts';
import { disableApolloTelemetry } from '../../shared/config/disableApolloTelemetry.ts';
import { config } from '../../shared/config/config.ts';
import type { Deadlines, HttpTimeouts } from '../../shared/config/readConfig.ts';
import { serverTimeouts } from '../../shared/config/serverTimeouts.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';
import { configuredOperationLimits, type OperationLimits } from '../../shared/limits/operationLimits.ts';
import { callsUnderWay } from '../../shared/lifecycle/callsUnderWay.ts';
import { logError } from '../../shared/logging/log.ts';
import { authenticate } from './authenticate.ts';
import { actForChild } from './actForChild.ts';
import { checkDeclaredPurpose } from './checkDeclaredPurpose.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { SubgraphDataSource } from './SubgraphDataSource.ts';
import { httpTransport, inProcessTransport, type LocalSubgraph, type SubgraphTransport } from './subgraphTransports.ts';
import { formatError } from './formatError.ts';
import { limitOperations } from './limitOperations.ts';
import { playgroundRouter } from './playground.ts';
import { consoleRoutes } from './console/consoleRoutes.ts';
import { loadPurposeListFromPlatform } from './purposeListFromPlatform.ts';
import type { RateLimits } from './rateLimits/callerBucket.ts';
import { limitRequestRate } from './rateLimits/limitRequestRate.ts';
import { createRateLimitStore } from './rateLimits/rateLimitStore.ts';
import { useAnonymousGuard } from './plugins/useAnonymousGuard.ts';
import { useRelayAudiences } from './plugins/useRelayAudiences.ts';
import { startDeadline } from './requestDeadline.ts';
import { subgraphReadiness } from './subgraphReadiness.ts';
import { SHARING_SERVICES_EXPORT_PATH, sharingServicesExport } from './sharingServicesExport.ts';
import { openDataRoutes } from './openData/openDataRoutes.ts';
import { SHARING_STATISTICS_CSV_PATH, SHARING_STATISTICS_JSON_PATH, sharingStatisticsExport } from './sharingStatisticsExport.ts';

export const SUPERGRAPH_PATH = new URL('../supergraph.graphql', import.meta.url);

export interface GatewayOptions {
  port: number;
  host?: string;
  /**
   * Where each subgraph listens; a subgraph not named here is called at its supergraph routing URL. Also,
   * for a subgraph in `localSubgraphs`, where /ready checks its health and the purpose list is read.
   */
  subgraphUrls: Record<string, string>;
  /** Subgraphs in this process, whose GraphQL calls go to their pipeline directly (SUBGRAPH_CALLS=in-process). */
  localSubgraphs?: Record<string, LocalSubgraph>;
  tokens: UserTokenSettings;
  supergraphSdl?: string;
  /** How long a subgraph call and a whole request may take (default: SUBGRAPH_TIMEOUT_MS, REQUEST_DEADLINE_MS). */
  deadlines?: Partial<Pick<Deadlines, 'subgraphCallMs' | 'requestMs'>>;
  /** How long a client may take to send a request (default: HTTP_*_TIMEOUT_MS). */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** Limits per caller and where buckets live (default: RATE_LIMIT_*, REDIS_URL, RATE_LIMIT_KEY_PREFIX). */
  rateLimits?: { perCaller: RateLimits; redisUrl: string | undefined; keyPrefix: string } | null;
  /** Default: MAX_QUERY_DEPTH and the other limit variables; null: none (the benchmark's limits-off run). */
  operationLimits?: OperationLimits | null;
  /** Where callers reach the gateway, for absolute URLs in the open-data feeds (default: PUBLIC_GATEWAY_URL). */
  publicUrl?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: (message: unknown) => logError('gateway warning', { detail: String(message) }),
  error: (message: unknown) => logError('gateway error', { detail: String(message) }),
};

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // Before the ApolloGateway is constructed: it phones home from its constructor.
  disableApolloTelemetry();
  const sign = createInternalTokenSigner();
  const deadlines = { ...config.deadlines, ...options.deadlines };
  const routingUrls: Record<string, string> = {};
  const transports: SubgraphTransport[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8'),
    logger: quietLogger,
    // Query plans reveal which agency holds what; never returned to clients, whatever NODE_ENV says.
    __exposeQueryPlanExperimental: false,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      routingUrls[name] = target;
      const local = options.localSubgraphs?.[name];
      const transport = local ? inProcessTransport(local) : httpTransport(target);
      transports.push(transport);
      return new SubgraphDataSource(name, transport, sign, deadlines.subgraphCallMs);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(serverTimeouts({ ...config.httpTimeouts, ...options.httpTimeouts }), app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger: quietLogger,
    introspection: true,
    includeStacktraceInErrorResponses: config.exposeErrorDetails,
    formatError,
    // Every operation carries its text, so limitOperations checks it before Apollo (no hash-only requests).
    persistedQueries: false,
    // The process stops on a signal through closeOnSignal (the whole stack, then exit 0). Apollo's own
    // handler would stop the gateway alone and then raise the signal again, killing the process (143)
    // while the subgraphs close, and a second stop() of the same server waits forever.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      useAnonymousGuard(),
      useRelayAudiences(),
    ],
  });
  await server.start();
  // After start: Apollo has built the data sources, so the platform's URL is known.
  const purposeList = await loadPurposeListFromPlatform(() => routingUrls.platform, sign);

  // null only in the benchmark's run without limits (refused in production).
  const rateLimits = options.rateLimits === undefined ? config.rateLimits : options.rateLimits;
  if (!rateLimits && config.isProduction) throw new Error('Rate limits cannot be turned off in production');
  const rateLimitStore = createRateLimitStore(rateLimits ?? { redisUrl: undefined, keyPrefix: '' });
  const ready = subgraphReadiness(() => routingUrls);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const status = await ready();
    // Buckets in memory while Redis is down still limit every caller (per replica): the gateway serves,
    // so Redis does not decide readiness; the field tells operators which store is in use.
    res.status(status.ready ? 200 : 503).json({ ...status, rateLimits: rateLimitStore.status() });
  });
  app.use(playgroundRouter());
  // The people's pages (console/): static files, and in development the sign-in's token minting.
  app.use(consoleRoutes());
  const verifyCaller = createUserTokenVerifier(options.tokens);
  const answerOperation = expressMiddleware(server, {
    context: async ({ req }) => ({ principal: req.principal!, internalTokens: new Map(), relayAudiences: [], deadline: startDeadline(deadlines.requestMs) }),
  });
  // Counted until answered, so that a close waits for them (below).
  const operations = callsUnderWay();
  // The catalogue of sharing services as one JSON document: the caller's token and the platform's rules.
  app.get(
    SHARING_SERVICES_EXPORT_PATH,
    authenticate(verifyCaller),
    rateLimits ? limitRequestRate(rateLimitStore, rateLimits.perCaller) : [],
    sharingServicesExport(server, deadlines.requestMs),
  );
  // The sharing statistics of a window as CSV or JSON: the caller's token and each register's rules.
  for (const [path, format] of [[SHARING_STATISTICS_CSV_PATH, 'csv'], [SHARING_STATISTICS_JSON_PATH, 'json']] as const) {
    app.get(path, authenticate(verifyCaller), rateLimits ? limitRequestRate(rateLimitStore, rateLimits.perCaller) : [], sharingStatisticsExport(server, deadlines.requestMs, format));
  }
  // Open data for anyone: downloads, CKAN's read actions, the DCAT-AP catalogue (openData/openDataRoutes.ts).
  app.use(
    openDataRoutes({
      server,
      callerChecks: [authenticate(verifyCaller), ...(rateLimits ? [limitRequestRate(rateLimitStore, rateLimits.perCaller)] : [])],
      requestMs: deadlines.requestMs,
      publicUrl: options.publicUrl ?? config.publicGatewayUrl,
    }),
  );
  app.use(
    '/graphql',
    // Who asks and whether they may ask now come from the headers alone: a flood is refused before its
    // bodies are read.
    authenticate(verifyCaller),
    rateLimits ? limitRequestRate(rateLimitStore, rateLimits.perCaller) : [],
    // A purpose the caller may not declare: refused before the body is read.
    checkDeclaredPurpose(purposeList.current),
    // A parent acting for a minor child: checked with the population register, then the child's request.
    actForChild(() => routingUrls.population, sign),
    express.json({ limit: '256kb' }),
    limitOperations(() => gateway.schema, options.operationLimits === undefined ? configuredOperationLimits() : options.operationLimits),
    (req: Request, res: Response, next: NextFunction) => operations.track(async () => answerOperation(req, res, next)),
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).type('application/json').send(errorBody('Not found', 'NOT_FOUND'));
  });
  // Body-parser and other HTTP-level failures: a clear message, never express's HTML page with a stack.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logError('gateway request failed', { error });
    const message =
      error.type === 'entity.too.large' ? 'The request body is too large'
      : error.type === 'entity.parse.failed' ? 'The request body is not valid JSON'
      : status === 500 ? 'Internal error'
      : 'Bad request';
    res.status(status).type('application/json').send(errorBody(message, status === 500 ? 'INTERNAL' : 'BAD_REQUEST'));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  }).catch((error: unknown) => {
    purposeList.close();
    rateLimitStore.close(); // or its Redis connection would keep the process alive
    throw error;
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: async () => {
      await server.stop();
      // Apollo's drain waits for connections: an operation whose caller has gone holds none, and its next
      // subgraph call must still find the registers open (npm start closes them after the gateway). Each
      // has at most its request deadline.
      await operations.settled(deadlines.requestMs);
      purposeList.close();
      rateLimitStore.close();
      await Promise.all(transports.map((transport) => transport.close()));
    },
  };
}
