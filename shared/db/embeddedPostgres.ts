// Embedded Postgres (PGlite, PostgreSQL in WASM) reached through the ordinary `pg` driver, so that
// knex, queries and result types are those of production. See docs/pglite-integration.md for why.
import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/**
 * Postgres's 128 MB of shared buffers are zeroed at every start, a third of an instance's start, and six
 * instances held 768 MB of WASM memory for it. A page not in them is read from PGlite's in-memory file
 * system, not from a disk, so 32 MB costs little even at bench scale (docs/performance.md, "Starting").
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

let pristine: Promise<Blob> | undefined;

/**
 * The data directory of a fresh cluster, made once per process: initdb costs seconds, loading its dump a
 * fraction of that, and `npm start` needs six databases. Dumped once, not cloned per database: PGlite's
 * clone() dumps its instance every time. Made on a worker thread, so that a caller who knows early that
 * it will need it (npm start) has it made while it loads its modules.
 */
export function preparePristineDataDir(): Promise<Blob> {
  if (pristine) return pristine;
  const made = new Promise<Blob>((resolve, reject) => {
    const worker = new Worker(new URL('./pristineDataDirWorker.mjs', import.meta.url), {
      workerData: { startParams: START_PARAMS },
      execArgv: [],
    });
    worker.once('message', (bytes: ArrayBuffer) => resolve(new Blob([bytes])));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`initdb for embedded Postgres stopped (exit code ${code})`)));
  });
  // A failed initdb is not kept: the next database asks again.
  made.catch(() => {
    if (pristine === made) pristine = undefined;
  });
  pristine = made;
  return made;
}

/**
 * An in-memory database is loaded from the pristine data directory.
 * A data directory gets an instance of its own that survives restarts.
 */
export async function createEmbeddedPostgres(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    // A restore (shared/db/embeddedBackup.ts) fills a new data directory from a data-directory dump.
    return PGlite.create({ dataDir, loadDataDir: options.loadDataDir, startParams: START_PARAMS });
  }
  return PGlite.create({ loadDataDir: await preparePristineDataDir(), startParams: START_PARAMS });
}

/** Frees the pristine data directory once every in-memory database of this process exists. */
export function releasePristineDataDir(): void {
  pristine = undefined;
}
