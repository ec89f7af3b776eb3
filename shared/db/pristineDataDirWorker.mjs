// initdb for embedded Postgres on a thread of its own (embeddedPostgres.ts, pristineDataDir): the
// seconds it takes overlap the main thread's work. Plain JavaScript: a worker thread starts without
// the TypeScript loader of whatever started the process (tsx, vitest).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { startParams, initDbStartParams } = workerData;
const instance = await PGlite.create({ startParams, initDbStartParams });
// A checkpoint first: a database loaded from the dump then starts without replaying initdb's WAL.
await instance.exec('checkpoint');
const dump = await instance.dumpDataDir('none');
await instance.close();
const bytes = await dump.arrayBuffer();
parentPort.postMessage(bytes, [bytes]);
