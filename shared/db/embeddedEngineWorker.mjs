// One embedded database (PGlite) on a thread of its own (embeddedEngine.ts): the main thread sends
// Postgres protocol messages and gets the engine's answer to each back, in the order sent. Plain
// JavaScript: a worker thread starts without the TypeScript loader of whatever started the process.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { dataDir, loadDataDir, wasmModule, startParams, initDbStartParams } = workerData;
const pglite = await PGlite.create({
  dataDir,
  loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
  pgliteWasmModule: wasmModule,
  startParams,
  initDbStartParams,
});
parentPort.postMessage({ ready: true });

let previous = Promise.resolve();
parentPort.on('message', (request) => {
  previous = previous.then(() => answer(request));
});

async function answer({ id, bytes, close }) {
  try {
    if (close) {
      await pglite.close();
      parentPort.postMessage({ id });
      parentPort.close();
      return;
    }
    const reply = await pglite.execProtocolRaw(bytes);
    parentPort.postMessage({ id, bytes: reply }, [reply.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
}
