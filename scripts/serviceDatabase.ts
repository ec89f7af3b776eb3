// The audit scripts' way into a service's database, as the service is configured (DATABASE_URL,
// <NAME>_DATABASE_URL or PGLITE_DATA_DIR): opened, used, closed; never created. And what both audit
// scripts start with: the services named by `--service`, and the checkpoints the platform witnessed.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import type { WitnessedCheckpoint } from '../shared/audit/chainCheckpoint.ts';
import { readWitnessedCheckpoints } from '../shared/audit/witnessCheckpoints.ts';
import { config } from '../shared/config/config.ts';
import { SUBGRAPH_SERVICES, type SubgraphService } from '../shared/config/services.ts';
import { openDatabase } from '../shared/db/openDatabase.ts';
import { serverDatabaseExists } from '../shared/db/serverDatabase.ts';
import { subgraphOptionsFromEnv } from '../shared/subgraph/serviceOptions.ts';

/** Runs `use` on a service's database; null (with a line saying why) when there is none to read. */
export async function withServiceDatabase<T>(name: string, use: (knex: Knex) => Promise<T>): Promise<T | null> {
  const { database } = subgraphOptionsFromEnv(name, 'together');
  if (!database.url && !(database.dataDir && existsSync(database.dataDir))) {
    console.log(`- ${name}: no database to read (in-memory databases live only inside their process; set DATABASE_URL or PGLITE_DATA_DIR)`);
    return null;
  }
  // Opening a server database creates it when missing (services start that way); a check must not.
  if (database.url && !(await serverDatabaseExists(database.url))) {
    console.log(`- ${name}: no database on the server yet`);
    return null;
  }
  const opened = await openDatabase(database);
  try {
    return await use(opened.knex);
  } finally {
    await opened.close();
  }
}

/** The services `--service <name>` names (all without it); exits 2 on an unknown name. */
export function servicesFromArguments(): SubgraphService[] {
  const { values } = parseArgs({ options: { service: { type: 'string' } } });
  const services = SUBGRAPH_SERVICES.filter((service) => !values.service || service.name === values.service);
  if (services.length === 0) {
    console.error(`Unknown service "${values.service}"`);
    process.exit(2);
  }
  return services;
}

/** In production the signatures are checked with the configured public keys, never the development ones: exits 2 without them. */
export function requireAuditPublicKeysInProduction(): void {
  if (config.isProduction && config.audit.publicKeysDir === undefined) {
    console.error('AUDIT_PUBLIC_KEYS_DIR must name the folder of the agencies\' and the witness\'s public keys (README, "Deploying in production")');
    process.exit(2);
  }
}

/** Every agency's checkpoints as the platform witnessed them; null when the platform's database has none to read. */
export function platformWitnessedCheckpoints(): Promise<Map<string, WitnessedCheckpoint[]> | null> {
  return withServiceDatabase('platform', async (knex) => ((await knex.schema.hasTable('audit_checkpoint')) ? readWitnessedCheckpoints(knex) : null));
}
