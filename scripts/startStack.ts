// Every subgraph and the gateway in one process: `npm start` and the test suite both use this. Each
// service still listens on its own port (health, readiness, metrics, the service-to-service routes over
// HTTP); the gateway's GraphQL calls go to each subgraph's pipeline directly (`in-process`, the one-box
// shape) or over HTTP as between separate services (`http`).
import { userTokenSettingsFromEnv, type UserTokenSettings } from '../shared/auth/userToken.ts';
import type { SubgraphCallShape } from '../shared/config/envVariables.ts';
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import { prepareInMemoryDatabases, releasePreparedDatabases } from '../shared/db/embeddedPostgres.ts';
import { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from '../shared/subgraph/startSubgraph.ts';
import type { ProvinceOptions } from '../synthetic/index.ts';
import { startGateway, type GatewayOptions, type RunningGateway } from '../gateway/src/startGateway.ts';
import { SUBGRAPHS } from '../subgraphs/registry.ts';

export interface StackOptions {
  gatewayPort: number;
  host?: string;
  /**
   * Per subgraph: port (0 = any free port), database and /metrics, and the benchmark's switches that turn
   * its policies or its disclosure log off (StartSubgraphOptions; startSubgraph refuses them in production).
   */
  subgraph: (name: string) => Pick<StartSubgraphOptions, 'port' | 'database' | 'metrics' | 'enforcePolicies' | 'recordDisclosures'>;
  province: ProvinceOptions;
  tokens?: UserTokenSettings;
  /** Where subgraphs read their policies (default: POLICY_DIR or the repository's policies/). */
  policyDir?: string;
  /** The gateway's rate limits (default: from the environment). */
  rateLimits?: GatewayOptions['rateLimits'];
  /** How the gateway calls the subgraphs' GraphQL (SUBGRAPH_CALLS). */
  subgraphCalls: SubgraphCallShape;
}

export interface RunningStack {
  gateway: RunningGateway;
  subgraphCalls: SubgraphCallShape;
  subgraphs: Record<string, RunningSubgraph>;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  prepareInMemoryDatabases(SUBGRAPH_SERVICES.map((service) => options.subgraph(service.name).database));
  try {
    // The platform first: the others look consents up in its registry. Then the others together: each
    // embedded database computes on a thread of its own, so their starts overlap.
    const platform = SUBGRAPH_SERVICES.filter((service) => service.name === 'platform');
    const others = SUBGRAPH_SERVICES.filter((service) => service.name !== 'platform');
    let consentRegistryUrl: string | undefined;
    const start = async (name: string) => {
      const definition = SUBGRAPHS[name];
      if (!definition) throw new Error(`Subgraph ${name} is not registered`);
      const { port, database, metrics, enforcePolicies, recordDisclosures } = options.subgraph(name);
      subgraphs[name] = await startSubgraph(definition, {
        port,
        host: options.host,
        database,
        metrics,
        enforcePolicies,
        recordDisclosures,
        province: options.province,
        policyDir: options.policyDir,
        consentRegistryUrl,
        subgraphUrls: () => Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url])),
      });
    };
    for (const service of platform) await start(service.name);
    if (subgraphs.platform) consentRegistryUrl = subgraphs.platform.url.replace(/\/graphql$/, '');
    // Settled, not Promise.all: on a failure every subgraph that did start is there to be closed below.
    const failed = (await Promise.allSettled(others.map((service) => start(service.name)))).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await releasePreparedDatabases();
    const gateway = await startGateway({
      port: options.gatewayPort,
      host: options.host,
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url])),
      localSubgraphs:
        options.subgraphCalls === 'in-process' ? Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.graphql])) : undefined,
      tokens: options.tokens ?? userTokenSettingsFromEnv(),
      rateLimits: options.rateLimits,
    });
    return {
      gateway,
      subgraphCalls: options.subgraphCalls,
      subgraphs,
      async close() {
        await gateway.close();
        // Before any register closes: a call under way in one may still ask another (the platform refreshing
        // an open dataset asks the agency that holds its data).
        await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.callsSettled()));
        await closeSubgraphs(subgraphs, (subgraph) => subgraph.close());
      },
    };
  } catch (error) {
    await releasePreparedDatabases();
    await closeSubgraphs(subgraphs, (subgraph) => subgraph.close().catch(() => {}));
    throw error;
  }
}

/**
 * The agencies together, then the platform, the reverse of their start: an agency closing still sends its
 * last disclosure-log checkpoints to the platform to witness, and looks consents up in its registry.
 */
async function closeSubgraphs(subgraphs: Record<string, RunningSubgraph>, close: (subgraph: RunningSubgraph) => Promise<void>): Promise<void> {
  const { platform, ...agencies } = subgraphs;
  await Promise.all(Object.values(agencies).map(close));
  if (platform) await close(platform);
}
