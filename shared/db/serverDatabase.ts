// Helpers for a real Postgres server: a database per agency, created on first use.
import pg from 'pg';

function adminUrl(url: string): { admin: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new Error('Database names must be lower-case letters, digits and underscores');
  }
  parsed.pathname = '/postgres';
  return { admin: parsed.toString(), database };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client, database: string) => Promise<T>): Promise<T> {
  const { admin, database } = adminUrl(url);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await work(client, database);
  } finally {
    await client.end();
  }
}

export async function serverDatabaseExists(url: string): Promise<boolean> {
  return withAdminClient(url, async (client, database) => Boolean((await client.query('select 1 from pg_database where datname = $1', [database])).rowCount));
}

export async function ensureServerDatabase(url: string): Promise<void> {
  await withAdminClient(url, async (client, database) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount) return;
    try {
      await client.query(`create database "${database}"`);
    } catch (error) {
      // Another service of the same run may have created it in the meantime.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
}

/**
 * A new database at `url`, a copy of the one at `templateUrl`, which no session may be using. A file copy
 * (Postgres 15's `strategy file_copy`, what older servers always do) writes the files once instead of
 * every block to the WAL as well.
 */
export async function copyServerDatabase(templateUrl: string, url: string): Promise<void> {
  const { database: template } = adminUrl(templateUrl);
  await withAdminClient(url, async (client, database) => {
    const version = Number((await client.query<{ server_version_num: string }>('show server_version_num')).rows[0].server_version_num);
    await client.query(`create database "${database}" template "${template}"${version >= 150000 ? ' strategy file_copy' : ''}`);
  });
}

export async function dropServerDatabase(url: string): Promise<void> {
  await withAdminClient(url, async (client, database) => {
    await client.query(`drop database if exists "${database}" with (force)`);
  });
}

/** `postgres://h/provincial` + `civil-status` -> `postgres://h/provincial_civil_status`: one database per agency. */
export function serviceDatabaseUrl(baseUrl: string, serviceName: string): string {
  const parsed = new URL(baseUrl);
  const base = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'provincial';
  parsed.pathname = `/${base}_${serviceName.replace(/-/g, '_')}`;
  return parsed.toString();
}
