// A thread that holds embedded databases (PGlite) for the main thread (embeddedEngine.ts): it opens them,
// answers the Postgres protocol messages sent to each, and closes them, each database's requests in turn. Plain
// JavaScript: a worker thread starts without the TypeScript loader of whatever started the process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { wasmModule, startParams, initDbStartParams } = workerData;
const engines = new Map();
let pristine;

/**
 * The data directory of a fresh cluster, made once per thread: initdb costs seconds, loading its dump a
 * fraction of that, and npm start needs six databases. Dumped once, not cloned per database: PGlite's
 * clone() dumps its instance every time.
 */
async function pristineDataDir() {
  const instance = await PGlite.create({ pgliteWasmModule: wasmModule, startParams, initDbStartParams });
  // A checkpoint first: a database loaded from the dump then starts without replaying initdb's WAL.
  await instance.exec('checkpoint');
  const dump = await instance.dumpDataDir('none');
  await instance.close();
  return dump;
}

/** In memory, or in a data directory; an empty one is filled from the pristine dump, as a restore fills one. */
async function open(dataDir) {
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir, pgliteWasmModule: wasmModule, startParams });
  pristine ??= pristineDataDir();
  return PGlite.create({ dataDir, loadDataDir: await pristine, pgliteWasmModule: wasmModule, startParams });
}

async function answer({ kind, engine, dataDir, bytes }) {
  switch (kind) {
    case 'open':
      engines.set(engine, await open(dataDir));
      return undefined;
    case 'protocol':
      return engines.get(engine).execProtocolRaw(bytes);
    case 'close':
      await engines.get(engine)?.close();
      engines.delete(engine);
      return undefined;
    default:
      throw new Error(`unknown request ${kind}`);
  }
}

// In turn for each database; databases apart from one another, so that one being loaded does not hold up
// the queries of another at each of the load's own waits.
const queues = new Map();
parentPort.on('message', (request) => {
  const queued = (queues.get(request.engine) ?? Promise.resolve()).then(async () => {
    try {
      const reply = await answer(request);
      parentPort.postMessage({ id: request.id, bytes: reply }, reply ? [reply.buffer] : []);
    } catch (error) {
      parentPort.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  queues.set(request.engine, queued);
  if (request.kind === 'close') queued.then(() => queues.get(request.engine) === queued && queues.delete(request.engine));
});
