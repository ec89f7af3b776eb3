// The audit scripts' way into a service's database, as the service is configured (DATABASE_URL,
// <NAME>_DATABASE_URL or PGLITE_DATA_DIR): opened, used, closed; never created.
import { existsSync } from 'node:fs';
import type { Knex } from 'knex';
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
