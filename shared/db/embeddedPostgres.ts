// Embedded Postgres (PGlite, PostgreSQL in WASM) reached through the ordinary `pg` driver, so that
// knex, queries and result types are those of production. See docs/pglite-integration.md for why.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

let template: Promise<PGlite> | undefined;

/**
 * An in-memory database is a clone of one pristine instance made once per process: initdb costs
 * seconds, a clone a fraction of that, and `npm start` needs six databases.
 * A data directory gets an instance of its own that survives restarts.
 */
export async function createEmbeddedPostgres(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    // A restore (shared/db/embeddedBackup.ts) fills a new data directory from a data-directory dump.
    return options.loadDataDir ? PGlite.create({ dataDir, loadDataDir: options.loadDataDir }) : PGlite.create(dataDir);
  }
  template ??= PGlite.create();
  return (await (await template).clone()) as PGlite;
}

/** Frees the pristine instance once every in-memory database of this process exists. */
export async function releaseEmbeddedTemplate(): Promise<void> {
  const pending = template;
  template = undefined;
  if (pending) await (await pending).close();
}
