// npm run start:subgraph -- <name>: one agency subgraph on its own.
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import { logError, logInfo } from '../shared/logging/log.ts';
import { startSubgraph } from '../shared/subgraph/startSubgraph.ts';
import { subgraphOptionsFromEnv } from '../shared/subgraph/serviceOptions.ts';
import { SUBGRAPHS } from './registry.ts';
import { closeOnSignal } from '../shared/lifecycle/closeOnSignal.ts';

const name = process.argv[2];
const definition = name ? SUBGRAPHS[name] : undefined;
if (!definition) {
  console.error(`Usage: npm run start:subgraph -- <name>\nNames: ${SUBGRAPH_SERVICES.map((service) => service.name).join(', ')}`);
  process.exit(2);
}
try {
  const running = await startSubgraph(definition, subgraphOptionsFromEnv(definition.name, 'alone'));
  logInfo('subgraph listening', { service: running.name, url: running.url, database: running.database.kind });
  closeOnSignal(() => running.close());
} catch (error) {
  logError('subgraph failed to start', { service: name, error });
  process.exit(1);
}
