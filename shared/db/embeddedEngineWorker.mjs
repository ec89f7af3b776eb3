// A thread that holds embedded databases (PGlite) for the main thread (embeddedEngine.ts): it opens them,
// answers the Postgres protocol messages sent to each, and closes them, each database's requests in turn. Plain
// JavaScript: a worker thread starts without the TypeScript loader of whatever started the process.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { wasmModule, startParams, initDbStartParams, templateFile } = workerData;
const engines = new Map();
/** The dump of a fresh cluster (a promise), made by the thread's first open. */
let pristine;
/** Loads from that dump, one after another in the order asked (a promise of the last). */
let loads = Promise.resolve();

/**
 * A fresh cluster, made once per thread: initdb costs seconds, loading its dump a fraction of that, and
 * npm start needs six databases. Dumped once, not cloned per database (PGlite's clone() dumps its instance
 * every time), and the dump kept in `templateFile` for the next start. `keep`: a cluster made here is
 * itself the first database, which then waits for no load.
 */
async function initdb(keep) {
  const saved = await readTemplate();
  if (saved) return { dump: saved };
  const instance = await PGlite.create({ pgliteWasmModule: wasmModule, startParams, initDbStartParams });
  // A checkpoint first: a database loaded from the dump then starts without replaying initdb's WAL.
  await instance.exec('checkpoint');
  const dump = await instance.dumpDataDir('none');
  await writeTemplate(dump);
  if (keep) return { instance, dump };
  await instance.close();
  return { dump };
}

// The template file: the SHA-256 of the dump (64 hex digits), then the dump. Written whole under another
// name and renamed, so a reader never sees half of one; one that does not match its digest is not used.
const DIGEST_LENGTH = 64;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function readTemplate() {
  if (!templateFile) return undefined;
  const bytes = await readFile(templateFile).catch(() => undefined);
  if (!bytes || bytes.length <= DIGEST_LENGTH) return undefined;
  const dump = bytes.subarray(DIGEST_LENGTH);
  return bytes.subarray(0, DIGEST_LENGTH).toString('latin1') === sha256(dump) ? new Blob([dump]) : undefined;
}

/** Best effort: a start that cannot write it (a read-only folder) makes its cluster again next time. */
async function writeTemplate(dump) {
  if (!templateFile) return;
  const bytes = Buffer.from(await dump.arrayBuffer());
  const partial = `${templateFile}.${process.pid}-${threadId}.partial`;
  try {
    await mkdir(dirname(templateFile), { recursive: true });
    await writeFile(partial, Buffer.concat([Buffer.from(sha256(bytes), 'latin1'), bytes]));
    await rename(partial, templateFile);
  } catch {
    await unlink(partial).catch(() => undefined); // not kept: this start's databases are made all the same
  }
}

/** In memory, or in a data directory; an empty one is filled from the pristine dump, as a restore fills one. */
async function open(dataDir) {
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir, pgliteWasmModule: wasmModule, startParams });
  if (!pristine) {
    const made = initdb(!dataDir);
    pristine = made.then(({ dump }) => dump);
    pristine.catch(() => undefined); // the open that made it reports the failure; later opens get it too
    const { instance } = dataDir ? {} : await made;
    if (instance) return instance;
  }
  // One load at a time, in the order the databases were asked for: loads run together finished together,
  // and npm start's platform, asked for first and waited for by the other five, came as late as any.
  const load = loads.then(async () => PGlite.create({ dataDir, loadDataDir: await pristine, pgliteWasmModule: wasmModule, startParams }));
  loads = load.catch(() => undefined);
  return load;
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
