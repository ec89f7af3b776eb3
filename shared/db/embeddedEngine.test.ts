// The embedded engine on its own thread, as pg's Client sees it: a connection like a socket's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openEmbeddedEngine } from './embeddedPostgres.ts';
import { pgConfigFor, type EmbeddedEngine } from './embeddedEngine.ts';

let engine: EmbeddedEngine;
let client: pg.Client;

beforeAll(async () => {
  engine = await openEmbeddedEngine();
  client = new pg.Client(pgConfigFor(engine));
  await client.connect();
  await client.query('create table person (id integer primary key, name text not null)');
  await client.query(`insert into person values (1, 'An'), (2, 'Binh')`);
});

afterAll(async () => {
  await client?.end();
  await engine?.close();
});

describe('an embedded database on a thread of its own', () => {
  it('answers each query with its own result, and an error fails only its query, prepared statements included', async () => {
    const answer = (query: Promise<pg.QueryResult>) => query.then((result) => result.rows, (error: { code: string }) => error.code);
    expect([
      await answer(client.query('select name from person where id = $1', [1])),
      await answer(client.query('insert into person values ($1, $2)', [1, 'duplicate'])),
      await answer(client.query({ name: 'by-id', text: 'select name from person where id = $1', values: [2] })),
      await answer(client.query({ name: 'by-id', text: 'select name from person where id = $1', values: [1] })),
    ]).toEqual([[{ name: 'An' }], '23505', [{ name: 'Binh' }], [{ name: 'An' }]]);
  });

  it('keeps its session for the next client once one ends, with what the last one committed', async () => {
    await client.query('begin');
    await client.query(`insert into person values (3, 'Chi')`);
    await client.query('commit');
    const config = pgConfigFor(engine);
    const first = new pg.Client(config);
    await first.connect();
    await first.end();
    const next = new pg.Client(config);
    await next.connect();
    expect((await next.query('select count(*)::int as n from person')).rows).toEqual([{ n: 3 }]);
    await next.end();
  });

  it('computes off this thread: timers here keep running while a long query runs there', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    let ticksWhileRunning = 0;
    const running = client.query('select sum(g)::text as total from generate_series(1, 3000000) as g').then((result) => {
      ticksWhileRunning = ticks;
      return result.rows;
    });
    expect(await running).toEqual([{ total: '4500001500000' }]);
    clearInterval(timer);
    // On the main thread (PGlite called directly) the query would have held it: no tick until it ended.
    expect(ticksWhileRunning).toBeGreaterThan(0);
  });

  it('makes databases asked for together ready in the order asked, each empty, set as the first one', async () => {
    const settingsOf = async (of: pg.Client) =>
      (await of.query("select current_setting('shared_buffers') as buffers, current_setting('wal_segment_size') as segment, current_setting('server_version') as version")).rows[0];
    const ready: number[] = [];
    // npm start asks for the platform's database first, and the other five wait for the platform.
    const engines = await Promise.all([0, 1, 2].map((index) => openEmbeddedEngine().then((opened) => (ready.push(index), opened))));
    const clients = engines.map((opened) => new pg.Client(pgConfigFor(opened)));
    try {
      expect(ready).toEqual([0, 1, 2]);
      await Promise.all(clients.map((each) => each.connect()));
      // The thread's first database (beforeAll's) is the cluster initdb made, or loaded from the template a
      // start before kept; the others are loaded from the same dump.
      const first = await settingsOf(client);
      expect(first).toEqual({ buffers: '32MB', segment: '1MB', version: expect.any(String) });
      await clients[0].query('create table only_here (id integer)');
      for (const each of clients) {
        expect(await settingsOf(each)).toEqual(first);
        expect((await each.query("select count(*)::int as n from pg_tables where schemaname = 'public' and tablename <> 'only_here'")).rows).toEqual([{ n: 0 }]);
      }
      expect((await clients[1].query("select to_regclass('only_here') as found")).rows).toEqual([{ found: null }]);
    } finally {
      await Promise.all(clients.map((each) => each.end().catch(() => undefined)));
      await Promise.all(engines.map((opened) => opened.close()));
    }
  });

  it('fails queries, instead of leaving them waiting, once the engine is closed', async () => {
    const other = await openEmbeddedEngine();
    const otherClient = new pg.Client(pgConfigFor(other));
    const clientErrors: Error[] = [];
    otherClient.on('error', (error) => clientErrors.push(error));
    await otherClient.connect();
    expect((await otherClient.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await other.close();
    await expect(otherClient.query('select 1 as one')).rejects.toThrow(/embedded Postgres has stopped/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(clientErrors.map((error) => error.message)).toEqual(['embedded Postgres has stopped']);
  });
});
