// The template an engine thread keeps across starts (embeddedEngineWorker.mjs): a fresh thread loads its
// databases from it instead of running initdb, and makes a fresh cluster when the file is not whole.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { BackendMessage, DataRowMessage } from 'pg-protocol/dist/messages.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineSettings } from './embeddedPostgres.ts';
import type { EngineSettings } from './embeddedEngine.ts';

let folder: string;
let settings: EngineSettings;
const workers: Worker[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'embedded-template-'));
  settings = await engineSettings();
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.terminate()));
  await rm(folder, { recursive: true, force: true });
});

/** A new engine thread with `templateFile`: its first in-memory database, and a query to it. */
async function firstDatabaseOfNewThread(templateFile: string): Promise<(sql: string) => Promise<string[][]>> {
  const worker = new Worker(new URL('./embeddedEngineWorker.mjs', import.meta.url), { workerData: { ...settings, templateFile }, execArgv: [] });
  workers.push(worker);
  let nextId = 0;
  const request = (message: object) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      const onReply = (reply: { id: number; bytes?: Uint8Array; error?: string }) => {
        if (reply.id !== id) return;
        worker.off('message', onReply);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.bytes ?? new Uint8Array(0));
      };
      worker.on('message', onReply);
      worker.postMessage({ id, engine: 0, ...message });
    });
  await request({ kind: 'open' });
  return async (sql) => {
    const reply = await request({ kind: 'protocol', bytes: serialize.query(sql) });
    const rows: string[][] = [];
    new Parser().parse(Buffer.from(reply), (message: BackendMessage) => {
      if (message.name === 'dataRow') rows.push((message as DataRowMessage).fields as string[]);
      if (message.name === 'error') throw new Error(String((message as { message?: string }).message));
    });
    return rows;
  };
}

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const markerTables = "select tablename from pg_tables where schemaname = 'public' order by tablename";

describe('the embedded databases\' template', () => {
  it('is written by the thread that ran initdb, whole: a digest, then the dump', async () => {
    const file = join(folder, 'made.tar');
    const query = await firstDatabaseOfNewThread(file);
    expect(await query(markerTables)).toEqual([]);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 64).toString('latin1')).toBe(digestOf(bytes.subarray(64)));
  });

  it('is what a new thread loads its databases from, and is not used when it does not match its digest', async () => {
    // A template of our own, told apart from a fresh cluster by a table of its own.
    const cluster = await PGlite.create({ startParams: settings.startParams, initDbStartParams: settings.initDbStartParams });
    await cluster.exec('create table from_template (id integer); checkpoint');
    const dump = Buffer.from(await (await cluster.dumpDataDir('none')).arrayBuffer());
    await cluster.close();
    const file = join(folder, 'ours.tar');
    await writeFile(file, Buffer.concat([Buffer.from(digestOf(dump), 'latin1'), dump]));

    expect(await (await firstDatabaseOfNewThread(file))(markerTables)).toEqual([['from_template']]);

    // One byte changed: a fresh cluster instead, and a whole template written in its place.
    const altered = await readFile(file);
    altered[altered.length - 1] ^= 1;
    await writeFile(file, altered);
    expect(await (await firstDatabaseOfNewThread(file))(markerTables)).toEqual([]);
    const rewritten = await readFile(file);
    expect(rewritten.subarray(0, 64).toString('latin1')).toBe(digestOf(rewritten.subarray(64)));
    expect(rewritten.equals(altered)).toBe(false);
  });
});
