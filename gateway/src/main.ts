// npm run start:gateway: the gateway alone, calling subgraphs at <NAME>_SUBGRAPH_URL or their default ports.
import { userTokenSettingsFromEnv } from '../../shared/auth/userToken.ts';
import { config } from '../../shared/config/config.ts';
import { productionProblems, stopOnProductionProblems } from '../../shared/config/productionSettings.ts';
import { readKeyMaterial } from '../../shared/auth/keyMaterial.ts';
import { logError, logInfo } from '../../shared/logging/log.ts';
import { startGateway } from './startGateway.ts';
import { closeOnSignal } from '../../shared/lifecycle/closeOnSignal.ts';

// The gateway alone has no subgraph in its process to call: only npm start has the one-box shape.
if (config.subgraphCalls === 'in-process') {
  console.error('SUBGRAPH_CALLS=in-process needs the subgraphs in the gateway\'s process: use `npm start`, or unset SUBGRAPH_CALLS (or set it to http) for `npm run start:gateway`.');
  process.exit(1);
}
// Before anything listens: a production start with unsafe or missing settings stops here, naming them all.
stopOnProductionProblems('the gateway', productionProblems(config, { role: 'gateway' }, readKeyMaterial()));
const stop = closeOnSignal();
try {
  const gateway = await startGateway({
    port: config.port ?? 4000,
    host: config.host,
    subgraphUrls: config.subgraphUrls,
    tokens: userTokenSettingsFromEnv(),
  });
  logInfo('gateway listening', { url: `${gateway.url}/graphql`, playground: `${gateway.url}/` });
  stop.closeWith(() => gateway.close());
} catch (error) {
  logError('gateway failed to start', { error });
  process.exit(1);
}
