// How a subgraph is configured from the environment, whether started alone or with all the others.
import { join } from 'node:path';
import { config } from '../config/config.ts';
import { findService } from '../config/services.ts';
import { serviceDatabaseUrl } from '../db/serverDatabase.ts';
import type { ProvinceOptions } from '../../synthetic/index.ts';
import type { StartSubgraphOptions } from './startSubgraph.ts';

/** SEED and SEED_SCALE (citizens, or `bench` for 200,000) choose the synthetic province. */
export function provinceOptionsFromEnv(): ProvinceOptions {
  return { ...config.province };
}

/**
 * `<NAME>_PORT` / `<NAME>_DATABASE_URL` configure one service. Started alone, a service also takes
 * plain `PORT` and `DATABASE_URL`. Started with the others, `DATABASE_URL` names the server, and each
 * agency gets its own database `<db>_<service>` on it. `PGLITE_DATA_DIR` keeps embedded data on disk.
 */
export function subgraphOptionsFromEnv(name: string, mode: 'alone' | 'together'): StartSubgraphOptions {
  const service = findService(name);
  if (!service) throw new Error(`Unknown subgraph "${name}"`);
  const sharedUrl = config.databaseUrl;
  const url =
    config.serviceDatabaseUrls[name] ??
    (sharedUrl && mode === 'together' ? serviceDatabaseUrl(sharedUrl, name) : sharedUrl);
  const dataDir = config.pgliteDataDir;
  const peers = config.subgraphUrls;
  return {
    port: config.servicePorts[name] ?? (mode === 'alone' ? config.port : undefined) ?? service.defaultPort,
    host: config.host,
    database: { url, dataDir: dataDir ? join(dataDir, name) : undefined },
    province: provinceOptionsFromEnv(),
    // For the benchmark's policy-off run only; startSubgraph refuses it in production.
    enforcePolicies: !config.withoutPolicies,
    recordDisclosures: !config.withoutDisclosureLog,
    consentRegistryUrl: config.consentRegistryUrl,
    subgraphUrls: () => peers,
    // Started with the others, six subgraphs could not share one metrics port: each keeps /metrics on its own.
    metrics: { token: config.metricsToken, port: mode === 'alone' ? config.metricsPort : undefined },
  };
}
