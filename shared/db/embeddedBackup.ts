// A backup of one embedded database (PGlite, on disk in a data directory), and its restore: PGlite's
// data-directory dump (`dumpDataDir`, a gzipped tar) and a new directory loaded from it (`loadDataDir`).
// A data directory has one process at a time (dataDirLock.ts): one another process holds is refused (a
// running `npm start` holds it; docs/backup-and-restore.md says why the stack is stopped for an embedded
// backup rather than copied under it), and a start while a backup or a restore holds it is refused too.
import { createWriteStream, existsSync, openAsBlob, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { PGlite } from '@electric-sql/pglite';
import { openEmbeddedDataDir } from './embeddedPostgres.ts';
import type { DatabaseState } from './serverBackup.ts';
import { appliedMigrations, tableFingerprints, type SqlReader } from './tableFingerprints.ts';

/** Whether the directory holds a database at all. */
export const embeddedDatabaseExists = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

/** Whether the directory exists with anything in it. */
export const embeddedDirectoryHasFiles = (dataDir: string) => existsSync(dataDir) && readdirSync(dataDir).length > 0;

async function stateOf(pglite: PGlite): Promise<DatabaseState> {
  return pglite.transaction(async (tx) => {
    const reader: SqlReader = { query: async (sql, params) => (await tx.query(sql, params)) as never };
    const { rows } = await tx.query<{ version: string }>(`select current_setting('server_version') as version`);
    return { engineVersion: rows[0].version, migrations: await appliedMigrations(reader), tables: await tableFingerprints(reader) };
  });
}

async function withEmbedded<T>(dataDir: string, use: (pglite: PGlite) => Promise<T>): Promise<T> {
  if (!embeddedDatabaseExists(dataDir)) throw new Error(`${dataDir} holds no embedded database`);
  const opened = await openEmbeddedDataDir(dataDir);
  try {
    return await use(opened.pglite);
  } finally {
    await opened.close();
  }
}

/** Fingerprints the database and writes its data-directory dump to `file`; nothing else touches it meanwhile. */
export function dumpEmbeddedDatabase(dataDir: string, file: string): Promise<DatabaseState> {
  return withEmbedded(dataDir, async (pglite) => {
    const state = await stateOf(pglite);
    const dump = await pglite.dumpDataDir('gzip');
    await pipeline(Readable.fromWeb(dump.stream() as WebReadableStream), createWriteStream(file));
    return state;
  });
}

/** Empties `dataDir` (a restore with --force) and fills it from the dump in `file`. */
export async function loadEmbeddedDatabase(dataDir: string, file: string): Promise<void> {
  const opened = await openEmbeddedDataDir(dataDir, { loadDataDir: await openAsBlob(file), replace: true });
  await opened.close();
}

/** The database's state, read as a backup reads it. */
export function readEmbeddedDatabaseState(dataDir: string): Promise<DatabaseState> {
  return withEmbedded(dataDir, stateOf);
}

/** What a restore would replace: tables outside the system schemas (estimated rows from the statistics). */
export function embeddedDatabaseContents(dataDir: string): Promise<{ tables: number; rowsEstimate: number }> {
  return withEmbedded(dataDir, async (pglite) => {
    const { rows } = await pglite.query<{ tables: string; rows: string }>(
      `select count(*)::text as tables, coalesce(sum(n_live_tup), 0)::text as rows from pg_stat_user_tables`,
    );
    return { tables: Number(rows[0].tables), rowsEstimate: Number(rows[0].rows) };
  });
}
