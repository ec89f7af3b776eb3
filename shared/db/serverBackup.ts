// A backup of one database on a Postgres server, and its restore: pg_dump in custom format under a
// snapshot exported by a transaction that also fingerprints the tables (so the dump and the record of what
// it holds are the same instant, with the services running), and pg_restore into a database made new.
import pg from 'pg';
import { dropServerDatabase, ensureServerDatabase } from './serverDatabase.ts';
import { runPostgresTool, type PostgresTool } from './postgresTools.ts';
import { appliedMigrations, tableFingerprints, type SqlReader, type TableFingerprints } from './tableFingerprints.ts';

/** What a database held at the instant of its snapshot. */
export interface DatabaseState {
  /** `server_version`: `15.20 (Debian ...)`, `18.6` */
  engineVersion: string;
  migrations: string[];
  tables: TableFingerprints;
}

/** An exported snapshot, held open until released: pg_dump reads the database as it was then. */
export interface ServerSnapshot extends DatabaseState {
  id: string;
  release(): Promise<void>;
}

const readerOf = (client: pg.Client): SqlReader => ({
  query: async (sql, params) => (await client.query(sql, params as unknown[])) as never,
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Opens a read-only repeatable-read transaction, exports its snapshot and fingerprints every table in it. */
export async function openServerSnapshot(url: string): Promise<ServerSnapshot> {
  const client = await connect(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string; version: string }>(`select pg_export_snapshot() as id, current_setting('server_version') as version`);
    const reader = readerOf(client);
    const state = { engineVersion: rows[0].version, migrations: await appliedMigrations(reader), tables: await tableFingerprints(reader) };
    return {
      id: rows[0].id,
      ...state,
      async release() {
        await client.query('commit').catch(() => {});
        await client.end();
      },
    };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

/** `server_version_num` of the server holding `url`'s database, asked of its `postgres` database (the other may not exist yet). */
export async function serverVersionNumber(url: string): Promise<number> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = await connect(admin.toString());
  try {
    return Number((await client.query<{ version: string }>(`select current_setting('server_version_num') as version`)).rows[0].version);
  } finally {
    await client.end();
  }
}

/** pg_dump in custom format of the database as the snapshot sees it. */
export async function dumpServerDatabase(url: string, snapshot: ServerSnapshot, tool: PostgresTool, file: string): Promise<void> {
  await runPostgresTool(tool, url, ['--format=custom', `--snapshot=${snapshot.id}`, '--no-password', `--file=${file}`]);
}

/** What a restore would replace: tables outside the system schemas, and other sessions connected to it. */
export interface ServerDatabaseContents {
  tables: number;
  rowsEstimate: number;
  otherConnections: number;
}

/** null when the database holds no table (or does not exist): a restore may go there. */
export async function serverDatabaseContents(url: string): Promise<ServerDatabaseContents | null> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ tables: string; rows: string; connections: string }>(
      `select (select count(*) from pg_stat_user_tables)::text as tables,
              (select coalesce(sum(n_live_tup), 0) from pg_stat_user_tables)::text as rows,
              (select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid())::text as connections`,
    );
    const contents = { tables: Number(rows[0].tables), rowsEstimate: Number(rows[0].rows), otherConnections: Number(rows[0].connections) };
    return contents.tables === 0 ? null : contents;
  } finally {
    await client.end();
  }
}

/** Drops the database if it exists, creates it empty, and pg_restores the dump into it in one transaction. */
export async function restoreServerDatabase(url: string, file: string, tool: PostgresTool): Promise<void> {
  await dropServerDatabase(url);
  await ensureServerDatabase(url);
  await runPostgresTool(tool, url, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--no-password', file]);
}

/** The restored database's state, read as the backup's was. */
export async function readServerDatabaseState(url: string): Promise<DatabaseState> {
  const client = await connect(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const reader = readerOf(client);
    const { rows } = await client.query<{ version: string }>(`select current_setting('server_version') as version`);
    return { engineVersion: rows[0].version, migrations: await appliedMigrations(reader), tables: await tableFingerprints(reader) };
  } finally {
    await client.query('commit').catch(() => {});
    await client.end();
  }
}
