// Embedded Postgres (PGlite, PostgreSQL in WASM) reached through the ordinary `pg` driver, so that
// knex, queries and result types are those of production. See docs/pglite-integration.md for why.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openLocked } from './dataDirLock.ts';
import { EmbeddedEngine, type EngineSettings } from './embeddedEngine.ts';

/**
 * Postgres's 128 MB of shared buffers are zeroed at every start, a third of an instance's start, and six
 * instances held 768 MB of WASM memory for it. A page not in them is read from PGlite's in-memory file
 * system, not from a disk, so 32 MB costs little even at bench scale (docs/performance.md, "Starting").
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
/**
 * WAL segments of 1 MB instead of 16: the first segment is written whole by initdb and copied with every
 * dump and load, and made initdb 3.7 s and each load 0.6 s against 2.3 and 0.35. Fixed per cluster at
 * initdb: a data directory made before keeps its 16 MB segments.
 */
const INITDB_PARAMS = ['--wal-segsize=1'];

const WASM_FILE = createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm');

/**
 * Where an engine thread keeps the dump of the fresh cluster it made, for every later start to load
 * instead of running initdb (2–5 s of a start): named by PGlite's version and the settings above, which
 * are all a fresh cluster depends on. In node_modules, so that a new install starts clean.
 */
const PGLITE_VERSION = (JSON.parse(readFileSync(join(dirname(WASM_FILE), '..', 'package.json'), 'utf8')) as { version: string }).version;
const SETTINGS_HASH = createHash('sha256').update(JSON.stringify([START_PARAMS, INITDB_PARAMS])).digest('hex').slice(0, 16);
const TEMPLATE_FILE = fileURLToPath(new URL(`../../node_modules/.cache/embedded-postgres/pglite-${PGLITE_VERSION}-${SETTINGS_HASH}.tar`, import.meta.url));

let compiledEngine: Promise<WebAssembly.Module> | undefined;

// Node has WebAssembly; the TypeScript libraries this project compiles against declare only its types.
const compileWasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly.compile;

/** Postgres's WASM, compiled once per process and handed to each engine thread (each would compile its own). */
function engineModule(): Promise<WebAssembly.Module> {
  compiledEngine ??= readFile(WASM_FILE).then(compileWasm);
  return compiledEngine;
}

/** What every engine thread is started with. */
export async function engineSettings(): Promise<EngineSettings> {
  return { wasmModule: await engineModule(), startParams: START_PARAMS, initDbStartParams: INITDB_PARAMS, templateFile: TEMPLATE_FILE };
}

async function openOnThread(dataDir?: string, afterClose?: () => Promise<void>): Promise<EmbeddedEngine> {
  return EmbeddedEngine.open(await engineSettings(), dataDir, afterClose);
}

/**
 * Makes the template file when there is none (npm ci's prepare step, a test run's setup), so that no
 * start waits for initdb. True when it made one.
 */
export async function ensureEmbeddedTemplate(): Promise<boolean> {
  if (existsSync(TEMPLATE_FILE)) return false;
  const engine = await openOnThread();
  await engine.close();
  return true;
}

/** In-memory engines being loaded before a service asks for one (prepareInMemoryDatabases). */
let prepared: Promise<EmbeddedEngine>[] = [];

/**
 * Begins loading, on the engine threads, the in-memory databases among `databases` (those with neither a
 * server URL nor a data directory), before the services that will use them exist: npm start calls it
 * before it loads the stack's modules, so initdb and the loads run beside that, in the order given. An engine holds no data
 * until its service migrates and seeds it. Called again for the same databases, it adds none.
 */
export function prepareInMemoryDatabases(databases: Array<{ url?: string; dataDir?: string }>): void {
  const count = databases.filter((database) => !database.url && !database.dataDir).length;
  while (prepared.length < count) {
    const engine = openOnThread();
    engine.catch(() => undefined); // a failed load is reported to the service that takes it
    prepared.push(engine);
  }
}

/** Closes prepared databases no service took. */
export async function releasePreparedDatabases(): Promise<void> {
  const unused = prepared;
  prepared = [];
  await Promise.all(unused.map((engine) => engine.then((unusedEngine) => unusedEngine.close(), () => undefined)));
}

/**
 * A database for a service, on an engine thread (embeddedEngine.ts): in memory (a prepared one if there
 * is one), or in a data directory that keeps it across restarts, locked to this process until it closes
 * (dataDirLock.ts).
 */
export async function openEmbeddedEngine(dataDir?: string): Promise<EmbeddedEngine> {
  if (!dataDir) return prepared.shift() ?? openOnThread();
  return openLocked(dataDir, async (release) => {
    await mkdir(dataDir, { recursive: true });
    return openOnThread(dataDir, release);
  });
}

/** A data directory opened on this thread, and its close, which also releases the directory's lock. */
export interface EmbeddedDataDir {
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * A data directory opened on this thread, for work that uses PGlite's own interface (a backup and its
 * restore, shared/db/embeddedBackup.ts), locked to this process until it closes; made empty first
 * (`replace`, a restore) and filled from a data-directory dump (`loadDataDir`).
 */
export async function openEmbeddedDataDir(dataDir: string, options: { loadDataDir?: Blob; replace?: boolean } = {}): Promise<EmbeddedDataDir> {
  return openLocked(dataDir, async (release) => {
    if (options.replace) await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir, startParams: START_PARAMS, initDbStartParams: INITDB_PARAMS });
    return {
      pglite,
      async close() {
        await pglite.close();
        await release();
      },
    };
  });
}
