// npm run start:subgraph -- <name>: one agency subgraph on its own.
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import { config } from '../shared/config/config.ts';
import { productionProblems, stopOnProductionProblems } from '../shared/config/productionSettings.ts';
import { readKeyMaterial } from '../shared/auth/keyMaterial.ts';
import { internalAudiences } from '../shared/subgraph/internalAudiences.ts';
import { logError, logInfo } from '../shared/logging/log.ts';
import { startSubgraph } from '../shared/subgraph/startSubgraph.ts';
import { subgraphOptionsFromEnv } from '../shared/subgraph/serviceOptions.ts';
import { SUBGRAPHS } from './registry.ts';
import { closeOnSignal } from '../shared/lifecycle/closeOnSignal.ts';
import { forgetProvinces } from '../shared/subgraph/seedOnce.ts';

const name = process.argv[2];
const definition = name ? SUBGRAPHS[name] : undefined;
if (!definition) {
  console.error(`Usage: npm run start:subgraph -- <name>\nNames: ${SUBGRAPH_SERVICES.map((service) => service.name).join(', ')}`);
  process.exit(2);
}
// Before its database opens: a production start with unsafe or missing settings stops here, naming them all.
const audiences = internalAudiences(definition);
stopOnProductionProblems(`the ${definition.name} subgraph`, productionProblems(config, { role: 'subgraph', name: definition.name, audiences }, readKeyMaterial(audiences)));
// From here a stop signal lets the start end, then closes the subgraph: its database is never left half written.
const stop = closeOnSignal();
try {
  const running = await startSubgraph(definition, subgraphOptionsFromEnv(definition.name, 'alone'));
  logInfo('subgraph listening', { service: running.name, url: running.url, database: running.database.kind });
  // Seeded (or found seeded): the generated province is never read again, and at bench scale the
  // collector would walk its hundreds of MB for the life of the process (as npm start, scripts/start.ts).
  forgetProvinces();
  stop.closeWith(() => running.close());
} catch (error) {
  logError('subgraph failed to start', { service: name, error });
  process.exit(1);
}
