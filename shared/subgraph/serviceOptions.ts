// How a subgraph is configured from the environment, whether started alone or with all the others.
import { join } from 'node:path';
import { envNumber, envString } from '../config/env.ts';
import { envPrefix, findService, subgraphUrlsFromEnv } from '../config/services.ts';
import { serviceDatabaseUrl } from '../db/serverDatabase.ts';
import { BENCH_CITIZENS, DEFAULT_CITIZENS, DEFAULT_SEED, type ProvinceOptions } from '../../synthetic/index.ts';
import type { StartSubgraphOptions } from './startSubgraph.ts';

/** SEED and SEED_SCALE (citizens, or `bench` for 200,000) choose the synthetic province. */
export function provinceOptionsFromEnv(): ProvinceOptions {
  const scale = envString('SEED_SCALE');
  const citizens = scale === 'bench' ? BENCH_CITIZENS : envNumber('SEED_SCALE', DEFAULT_CITIZENS);
  if (!Number.isInteger(citizens) || citizens < 50) throw new Error('SEED_SCALE must be a whole number of citizens (at least 50) or "bench"');
  return { seed: envNumber('SEED', DEFAULT_SEED), citizens };
}

/**
 * `<NAME>_PORT` / `<NAME>_DATABASE_URL` configure one service. Started alone, a service also takes
 * plain `PORT` and `DATABASE_URL`. Started with the others, `DATABASE_URL` names the server, and each
 * agency gets its own database `<db>_<service>` on it. `PGLITE_DATA_DIR` keeps embedded data on disk.
 */
export function subgraphOptionsFromEnv(name: string, mode: 'alone' | 'together'): StartSubgraphOptions {
  const service = findService(name);
  if (!service) throw new Error(`Unknown subgraph "${name}"`);
  const prefix = envPrefix(name);
  const sharedUrl = envString('DATABASE_URL');
  const url =
    envString(`${prefix}_DATABASE_URL`) ??
    (sharedUrl && mode === 'together' ? serviceDatabaseUrl(sharedUrl, name) : sharedUrl);
  const dataDir = envString('PGLITE_DATA_DIR');
  // Read once: the environment does not change while the service runs.
  const peers = subgraphUrlsFromEnv();
  return {
    port: envNumber(`${prefix}_PORT`, mode === 'alone' ? envNumber('PORT', service.defaultPort) : service.defaultPort),
    host: envString('HOST') ?? '127.0.0.1',
    database: { url, dataDir: dataDir ? join(dataDir, name) : undefined },
    province: provinceOptionsFromEnv(),
    // For the benchmark's policy-off run only; startSubgraph refuses it in production.
    enforcePolicies: envString('UNSAFE_BENCHMARK_WITHOUT_POLICIES') !== '1',
    recordDisclosures: envString('UNSAFE_BENCHMARK_WITHOUT_DISCLOSURE_LOG') !== '1',
    consentRegistryUrl: envString('CONSENT_REGISTRY_URL') ?? `http://127.0.0.1:${findService('platform')!.defaultPort}`,
    subgraphUrls: () => peers,
  };
}
