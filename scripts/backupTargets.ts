// What `npm run backup` and `npm run restore` share: the services an operator names (`--service`, every
// one by default, the platform first), where each one's database is as the services are configured
// (DATABASE_URL, <NAME>_DATABASE_URL or PGLITE_DATA_DIR), and the public keys of the witnessed log.
import { createHash } from 'node:crypto';
import { auditPublicKeys, WITNESS_KEY_NAME } from '../shared/audit/auditKeys.ts';
import { SUBGRAPH_SERVICES } from '../shared/config/services.ts';
import type { BackupEngine } from '../shared/db/backupManifest.ts';
import { subgraphOptionsFromEnv } from '../shared/subgraph/serviceOptions.ts';

export interface BackupTarget {
  service: string;
  engine: BackupEngine;
  url?: string;
  dataDir?: string;
  /** Where, for a person: the data directory, or the server's host and database (never the password). */
  where: string;
}

/**
 * The platform first: it witnesses the agencies' checkpoints, so an agency's log read after it holds
 * every row the platform's checkpoints name (audit:verify on the restored databases then passes).
 */
export function orderedServices(names: readonly string[] | undefined): string[] {
  const unknown = (names ?? []).filter((name) => !SUBGRAPH_SERVICES.some((service) => service.name === name));
  if (unknown.length > 0) throw new Error(`Unknown service(s): ${unknown.join(', ')} (known: ${SUBGRAPH_SERVICES.map((service) => service.name).join(', ')})`);
  const chosen = SUBGRAPH_SERVICES.map((service) => service.name).filter((name) => !names?.length || names.includes(name));
  return chosen.sort((a, b) => Number(b === 'platform') - Number(a === 'platform'));
}

export function serverWhere(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host || 'local socket'}/${decodeURIComponent(parsed.pathname.replace(/^\//, ''))}`;
}

/** The service's database as configured; a string saying why when it has none a script can reach. */
export function backupTarget(service: string): BackupTarget | string {
  const { database } = subgraphOptionsFromEnv(service, 'together');
  if (database.url) return { service, engine: 'postgres-server', url: database.url, where: serverWhere(database.url) };
  if (database.dataDir) return { service, engine: 'embedded', dataDir: database.dataDir, where: database.dataDir };
  return `${service}: its database is embedded and in memory, alive only inside the process that runs it: set PGLITE_DATA_DIR (embedded on disk) or DATABASE_URL (a server)`;
}

/** SHA-256 of each public key of the witnessed disclosure log, by name. */
export function auditPublicKeyDigests(): Record<string, string> {
  const keys = auditPublicKeys();
  const digests: Record<string, string> = {};
  for (const name of [...SUBGRAPH_SERVICES.map((service) => service.name), WITNESS_KEY_NAME]) {
    const key = name === WITNESS_KEY_NAME ? keys.witness : keys.agency(name);
    if (key) digests[name] = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
  }
  return digests;
}
