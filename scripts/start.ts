// npm start: every subgraph and the gateway, on embedded Postgres unless DATABASE_URL names a server.
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import { config } from '../shared/config/config.ts';
import { productionProblems, stopOnProductionProblems } from '../shared/config/productionSettings.ts';
import { readKeyMaterial } from '../shared/auth/keyMaterial.ts';
import { logError } from '../shared/logging/log.ts';
import { subgraphOptionsFromEnv, provinceOptionsFromEnv } from '../shared/subgraph/serviceOptions.ts';
import { forgetProvinces, provinceFor } from '../shared/subgraph/seedOnce.ts';
import { publishDemoOpenData } from './demoOpenData.ts';
import { closeOnSignal } from '../shared/lifecycle/closeOnSignal.ts';
import { ensureConsoleBuilt } from '../console/consoleBuild.ts';
import { prepareInMemoryDatabases } from '../shared/db/embeddedPostgres.ts';
// A type only (erased): the stack's modules load after the databases have begun, below.
import type { RunningStack } from './startStack.ts';

// npm start holds the gateway, so the master secret is legitimately here: it is checked as the gateway's,
// and the subgraphs' /metrics, each on its subgraph's port, must ask for METRICS_TOKEN.
stopOnProductionProblems('npm start', productionProblems(config, { role: 'stack' }, readKeyMaterial()));
const started = Date.now();
// From here a stop signal lets the start end, then closes the stack: an embedded database in a data directory
// is never left half written (PGLITE_DATA_DIR), and a container stopped while it starts exits 0.
const stop = closeOnSignal();
// In-memory databases (initdb, then one load each) are made on a thread of their own while the stack's
// modules load on this one: startStack is imported only after they have begun (docs/performance.md, "Starting").
prepareInMemoryDatabases(SUBGRAPH_SERVICES.map((service) => subgraphOptionsFromEnv(service.name, 'together').database));
// The people's pages: built when missing or stale (a production image is built once, by npm run build),
// while the subgraphs start: a fresh clone's first start does not wait for the build on top of them.
const consoleBuilt: Promise<boolean> = config.isProduction
  ? Promise.resolve(false)
  : ensureConsoleBuilt({ quiet: true }).catch((error: unknown) => {
      logError('the console could not be built: its pages answer 503 until npm run build succeeds', { error });
      return false;
    });
const { startStack } = await import('./startStack.ts');

/** A development token, the demo citizens and a first query: not in production, where npm run token refuses to run. */
function developmentHints(): string {
  const demo = provinceFor(provinceOptionsFromEnv()).demoCitizenIds;
  return `
A token:     npm run --silent token -- --role officer --agency cong-an-tinh
Demo citizens: ${demo.join(', ')}
First query (Headers: {"Authorization": "Bearer <token>", "X-Purpose": "criminal-investigation", "X-Case-Id": "HS-2026/0042"}):
  { citizen(id: "${demo[0]}") { fullName dateOfBirth civilEvents { kind registeredOn }
    landParcels { parcelNumber area } businesses { enterpriseCode name } } }`;
}

// One box by default: the gateway calls the subgraphs in its own process (README, "Two shapes").
const subgraphCalls = config.subgraphCalls ?? 'in-process';
console.log(`Starting ${SUBGRAPH_SERVICES.length} agency subgraphs and the gateway (subgraph calls: ${subgraphCalls})…`);
try {
  const stack = await startStack({
    gatewayPort: config.port ?? 4000,
    host: config.host,
    subgraph: (name) => subgraphOptionsFromEnv(name, 'together'),
    province: provinceOptionsFromEnv(),
    subgraphCalls,
  });
  // At once (now, if a signal came while it started): a stop closes what started. The stop's signal first
  // ends the demo's publication below, whose requests the closing stack would fail.
  stop.closeWith(() => stack.close());
  if (!stop.signal.aborted) await announceReady(stack);
} catch (error) {
  logError('start failed', { error });
  process.exit(1);
}

/** Ready: what listens where, then (in development) the demo's open data, which a stop ends early. */
async function announceReady(stack: RunningStack): Promise<void> {
  if (await consoleBuilt) console.log('Built the console (console/dist).');
  for (const subgraph of Object.values(stack.subgraphs)) {
    console.log(`  ${subgraph.name.padEnd(13)} ${subgraph.url}  (${subgraph.database.kind})`);
  }
  // GraphiQL and the console are served in production too (without the development sign-in).
  console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.
  GraphiQL:  ${stack.gateway.url}/
  Console:   ${stack.gateway.url}/console/
  GraphQL:   ${stack.gateway.url}/graphql${config.isProduction ? '' : developmentHints()}`);
  forgetProvinces();
  // After Ready: the first publication of the demo's open data never delays the start.
  if (!config.isProduction) {
    const { published, problems } = await publishDemoOpenData(stack.gateway.url, stop.signal);
    if (published.length && !stop.signal.aborted) console.log(`Open data: ${published.length} datasets published for the demo, each by its agency's publisher: ${stack.gateway.url}/api/3/action/package_list`);
    for (const problem of problems) logError('demo open data not published', { problem });
  }
}
