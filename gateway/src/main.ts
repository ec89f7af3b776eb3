// npm run start:gateway: the gateway alone, calling subgraphs at <NAME>_SUBGRAPH_URL or their default ports.
import { userTokenSettingsFromEnv } from '../../shared/auth/userToken.ts';
import { envNumber, envString } from '../../shared/config/env.ts';
import { subgraphUrlsFromEnv } from '../../shared/config/services.ts';
import { logError, logInfo } from '../../shared/logging/log.ts';
import { startGateway } from './startGateway.ts';
import { closeOnSignal } from '../../shared/lifecycle/closeOnSignal.ts';

try {
  const gateway = await startGateway({
    port: envNumber('PORT', 4000),
    host: envString('HOST') ?? '127.0.0.1',
    subgraphUrls: subgraphUrlsFromEnv(),
    tokens: userTokenSettingsFromEnv(),
  });
  logInfo('gateway listening', { url: `${gateway.url}/graphql`, playground: `${gateway.url}/` });
  closeOnSignal(() => gateway.close());
} catch (error) {
  logError('gateway failed to start', { error });
  process.exit(1);
}
