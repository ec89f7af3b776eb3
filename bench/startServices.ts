// Starts what the bench measures, each as its own process on a free loopback port: the six agency
// subgraphs (each on its own database of the bench server), the gateway in front of them, the one-box
// shape (`npm start`: the gateway and the six subgraphs in one process, called in-process), and the
// raw-SQL baseline on the seeded databases. Each stack runs on its own copies of them (BENCH_STACKS).
import { childEnvironment } from '../shared/config/childEnvironment.ts';
import { config } from '../shared/config/config.ts';
import { envPrefix, SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import { SERVICE_NODE_ARGUMENTS } from '../shared/lifecycle/serviceNodeFlags.ts';
import { benchDatabaseUrl, type BenchSettings, type BenchStack } from './benchSettings.ts';
import { freePort, startChild, stopChildren, type Child } from './childProcesses.ts';

/** Node's arguments for a script, as every service runs: tsx's loader and the Node flags, the raw baseline's included (the ratio compares code, not flags). */
const scriptArgs = (...scriptAndArgs: string[]): string[] => [...SERVICE_NODE_ARGUMENTS, ...scriptAndArgs];
// Four sets of six subgraphs plus the baseline share the server's 100 connections (97 for clients): an
// idle pool keeps its connections 30 s, so a set just measured still holds them while the next runs. A
// subgraph that keeps a disclosure log holds one more, its writer's: two sets at once, 2 x 6 x 4 = 48.
const BENCH_POOL_MAX = 3;
/**
 * Every stack's registers count their sharing statistics every this many seconds, not every minute as by
 * default, so that each run and each round of a pair pays the counting of its own requests. With a
 * minute's period a stack counted one run's requests during a later run: in the limits pair, the full
 * stack had just served the consent, connection and open-data targets, and its subgraphs spent 0.6-0.75 ms
 * a request more than the stack without limits, where no limit runs (docs/performance.md).
 */
export const BENCH_STATISTICS_SECONDS = 2;
/**
 * The bench's one officer sends hundreds of requests a second: far over any officer's rate limit. The
 * limit stays on (the bucket is taken on every request, in Redis when it answers) but is never reached.
 */
const BENCH_RATE_LIMIT = '100000/s burst 100000';
/** Buckets where a deployment of several gateways keeps them (REDIS_URL, or the local server every machine runs). */
const BENCH_REDIS_URL = config.rateLimits?.redisUrl ?? 'redis://127.0.0.1:6379';

/** The subgraphs the raw baseline reads, in the order of its statements. */
export const BASELINE_SERVICES = ['population', 'civil-status', 'land', 'business'] as const;

export interface RunningService {
  name: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  child: Child;
}

export interface RunningServices {
  subgraphs: RunningService[];
  gateway: RunningService;
  /** The same six subgraphs and gateway with policy enforcement off: what authorization costs. */
  unprotected: { subgraphs: RunningService[]; gateway: RunningService };
  /** Policies on, disclosure log off: what recording every disclosure costs. */
  unaudited: { subgraphs: RunningService[]; gateway: RunningService };
  /** The one-box shape: every control on, the subgraphs in the gateway's process (SUBGRAPH_CALLS=in-process). */
  oneBox: RunningService & { subgraphBaseUrls: string[] };
  /** Every control on but the operation and rate limits: what the limits cost. */
  unlimited: { subgraphs: RunningService[]; gateway: RunningService };
  baseline: RunningService;
}

/**
 * The parent's environment minus anything that would point a child elsewhere: a service reads
 * `<PREFIX>_PORT` before `PORT`, `<PREFIX>_DATABASE_URL` before `DATABASE_URL`.
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const prefixes = SUBGRAPH_SERVICES.map((service) => `${envPrefix(service.name)}_`);
  for (const [key, value] of Object.entries(childEnvironment())) {
    if (key === 'PORT' || key === 'DATABASE_URL' || key === 'PGLITE_DATA_DIR' || key === 'HOST') continue;
    if (prefixes.some((prefix) => key.startsWith(prefix))) continue;
    env[key] = value;
  }
  return { ...env, LOG_LEVEL: 'error', DATABASE_POOL_MAX: String(BENCH_POOL_MAX), SHARING_STATISTICS_SECONDS: String(BENCH_STATISTICS_SECONDS), ...extra };
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits until every service answers /health; fails as soon as one exits, or at the deadline. */
async function waitForHealth(services: RunningService[], timeoutSeconds: number, why: string): Promise<void> {
  const started = Date.now();
  let lastProgress = started;
  const waiting = new Set(services);
  while (waiting.size > 0) {
    for (const service of [...waiting]) {
      if (service.child.hasExited()) {
        const how = await service.child.exited;
        throw new Error(`${service.name} ${how} before it was ready. Its last output:\n${service.child.recentOutput() || '(nothing)'}`);
      }
      if (await isHealthy(service.baseUrl)) waiting.delete(service);
    }
    if (waiting.size === 0) break;
    const elapsed = (Date.now() - started) / 1000;
    if (elapsed > timeoutSeconds) {
      const names = [...waiting].map((service) => service.name).join(', ');
      throw new Error(`${names} did not answer /health within ${timeoutSeconds} s (set BENCH_START_TIMEOUT to allow longer)`);
    }
    if (Date.now() - lastProgress >= 15_000) {
      lastProgress = Date.now();
      console.log(`  … ${Math.round(elapsed)} s, still waiting for ${[...waiting].map((service) => service.name).join(', ')}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `stack`: on that stack's copies of the agency databases; without, on the seeded ones (to seed them). */
async function startSubgraphs(settings: BenchSettings, stack: BenchStack | undefined, extraEnv: Record<string, string>, suffix: string): Promise<RunningService[]> {
  const ports: number[] = [];
  for (let i = 0; i < SUBGRAPH_SERVICES.length; i += 1) ports.push(await freePort());
  const baseUrls = ports.map((port) => `http://127.0.0.1:${port}`);
  // Each stack's subgraphs find their own platform (consent registry) and each other, not the defaults.
  const peers: Record<string, string> = Object.fromEntries(
    SUBGRAPH_SERVICES.map((service, index) => [`${envPrefix(service.name)}_SUBGRAPH_URL`, `${baseUrls[index]}/graphql`]),
  );
  const platform = baseUrls[SUBGRAPH_SERVICES.findIndex((service) => service.name === 'platform')];
  return SUBGRAPH_SERVICES.map((service, index) => {
    const child = startChild(
      `${service.name}${suffix}`,
      process.execPath,
      scriptArgs('subgraphs/main.ts', service.name),
      cleanEnv({
        [`${envPrefix(service.name)}_DATABASE_URL`]: benchDatabaseUrl(settings, service.name, stack),
        PORT: String(ports[index]),
        SEED_SCALE: settings.seedScale,
        CONSENT_REGISTRY_URL: platform,
        ...peers,
        ...extraEnv,
      }),
    );
    return { name: `${service.name}${suffix}`, baseUrl: baseUrls[index], child };
  });
}

/** A gateway on `port`, its rate limits on but never reached, its buckets in Redis under a prefix of its own. */
function gatewayEnv(port: number): Record<string, string> {
  // Anonymous callers: the open-data targets, all from this one address.
  return { PORT: String(port), RATE_LIMIT_OFFICER: BENCH_RATE_LIMIT, RATE_LIMIT_ANONYMOUS: BENCH_RATE_LIMIT, REDIS_URL: BENCH_REDIS_URL, RATE_LIMIT_KEY_PREFIX: `bench-${process.pid}-${port}:` };
}

async function startGatewayFor(subgraphs: RunningService[], name: string, extraEnv: Record<string, string> = {}): Promise<RunningService> {
  const port = await freePort();
  const urls = Object.fromEntries(
    subgraphs.map((subgraph, index) => [`${envPrefix(SUBGRAPH_SERVICES[index].name)}_SUBGRAPH_URL`, `${subgraph.baseUrl}/graphql`]),
  );
  const env = cleanEnv({ ...gatewayEnv(port), ...urls, ...extraEnv });
  return { name, baseUrl: `http://127.0.0.1:${port}`, child: startChild(name, process.execPath, scriptArgs('gateway/src/main.ts'), env) };
}

/**
 * `npm start` on the bench databases: the gateway with the six subgraphs in its process, each still on
 * a port of its own for /health and /metrics (where the bench counts its SQL), called in-process.
 */
async function startOneBox(settings: BenchSettings): Promise<RunningService & { subgraphBaseUrls: string[] }> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...gatewayEnv(port), SUBGRAPH_CALLS: 'in-process', SEED_SCALE: settings.seedScale,
  };
  const subgraphBaseUrls: string[] = [];
  for (const service of SUBGRAPH_SERVICES) {
    const subgraphPort = await freePort();
    env[`${envPrefix(service.name)}_PORT`] = String(subgraphPort);
    env[`${envPrefix(service.name)}_DATABASE_URL`] = benchDatabaseUrl(settings, service.name, 'one_box');
    subgraphBaseUrls.push(`http://127.0.0.1:${subgraphPort}`);
  }
  return { name: 'one-box', baseUrl: `http://127.0.0.1:${port}`, subgraphBaseUrls, child: startChild('one-box', process.execPath, scriptArgs('scripts/start.ts'), cleanEnv(env)) };
}

/**
 * The six subgraphs started once on the seeded databases, and stopped once every one answers (so that
 * the databases can be copied for the stacks): a start brings a database to the code's migrations, as
 * the copies and the raw baseline must all be, and seeds an empty one (`unseeded`: minutes at bench
 * scale; the six at once, so the agencies seed in parallel on the server).
 */
export async function prepareSeededDatabases(settings: BenchSettings, unseeded: readonly string[]): Promise<void> {
  const started = Date.now();
  const subgraphs = await startSubgraphs(settings, undefined, {}, ' (preparing)');
  const seeding = unseeded.length > 0 ? `; ${unseeded.join(', ')} seed${unseeded.length === 1 ? 's' : ''} ${settings.citizens.toLocaleString('en')} citizens first: allow a few minutes` : '';
  console.log(`Starting the ${subgraphs.length} subgraphs once on the seeded databases${seeding}…`);
  try {
    await waitForHealth(subgraphs, settings.startTimeoutSeconds, unseeded.length > 0 ? ' (seeding)' : '');
  } finally {
    await stopChildren(subgraphs.map((subgraph) => subgraph.child));
  }
  console.log(`  ready and stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every stack on its copies of the agency databases (copyForStacks first), and the raw baseline on the seeded ones. */
export async function startServices(settings: BenchSettings): Promise<RunningServices> {
  const started = Date.now();
  const withoutLimits = { UNSAFE_BENCHMARK_WITHOUT_LIMITS: '1' };
  const subgraphs = await startSubgraphs(settings, 'full', {}, '');
  const unprotectedSubgraphs = await startSubgraphs(settings, 'no_policies', { UNSAFE_BENCHMARK_WITHOUT_POLICIES: '1' }, ' (no policies)');
  const unauditedSubgraphs = await startSubgraphs(settings, 'no_audit', { UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG: '1' }, ' (no audit)');
  const unlimitedSubgraphs = await startSubgraphs(settings, 'no_limits', withoutLimits, ' (no limits)');
  console.log(`Starting ${4 * SUBGRAPH_SERVICES.length} subgraphs, four stacks of ${SUBGRAPH_SERVICES.length}…`);
  await waitForHealth([...subgraphs, ...unprotectedSubgraphs, ...unauditedSubgraphs, ...unlimitedSubgraphs], settings.startTimeoutSeconds, '');
  console.log(`  subgraphs ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const gateway = await startGatewayFor(subgraphs, 'gateway');
  const oneBox = await startOneBox(settings);
  const unprotectedGateway = await startGatewayFor(unprotectedSubgraphs, 'gateway (no policies)');
  const unauditedGateway = await startGatewayFor(unauditedSubgraphs, 'gateway (no audit)');
  const unlimitedGateway = await startGatewayFor(unlimitedSubgraphs, 'gateway (no limits)', withoutLimits);

  const baselinePort = await freePort();
  const databaseUrls = Object.fromEntries(BASELINE_SERVICES.map((name) => [`${envPrefix(name)}_DATABASE_URL`, benchDatabaseUrl(settings, name)]));
  const baseline: RunningService = {
    name: 'raw-baseline',
    baseUrl: `http://127.0.0.1:${baselinePort}`,
    child: startChild('raw-baseline', process.execPath, scriptArgs('bench/rawBaseline.ts'), cleanEnv({ PORT: String(baselinePort), ...databaseUrls })),
  };
  await waitForHealth([gateway, unprotectedGateway, unauditedGateway, unlimitedGateway, oneBox, baseline], 120, '');
  console.log(`  gateways and raw baseline ready in ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  return {
    subgraphs,
    gateway,
    oneBox,
    unprotected: { subgraphs: unprotectedSubgraphs, gateway: unprotectedGateway },
    unaudited: { subgraphs: unauditedSubgraphs, gateway: unauditedGateway },
    unlimited: { subgraphs: unlimitedSubgraphs, gateway: unlimitedGateway },
    baseline,
  };
}
