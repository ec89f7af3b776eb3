// Named statements on the engine the tests run on: embedded by default, the Postgres server with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { config } from '../config/config.ts';
import { openDatabase, type Database } from './openDatabase.ts';
import { testDatabaseOptions } from './testDatabase.ts';
import { anyOf } from './anyOf.ts';
import { createStatementNamer } from './namedStatements.ts';

let database: Database;
let knex: Knex;

beforeAll(async () => {
  database = await openDatabase(testDatabaseOptions('named_statements'));
  knex = database.knex;
  await knex.schema.dropTableIfExists('person');
  await knex.schema.createTable('person', (table) => {
    table.text('id').primary();
    table.text('name').notNullable();
  });
  await knex('person').insert([
    { id: 'p1', name: 'An' },
    { id: 'p2', name: 'Binh' },
    { id: 'p3', name: 'Chi' },
  ]);
});

afterAll(async () => {
  await database?.close();
});

const personsByIds = (ids: string[]) => knex('person').select({ id: 'person.id', name: 'person.name' }).where(anyOf(knex, 'person.id', ids)).orderBy('person.id');

/** The statements prepared on the one connection the work runs on, by their text. */
async function preparedOnOneConnection(work: (connection: unknown) => Promise<void>): Promise<string[]> {
  const connection = await knex.client.acquireConnection();
  try {
    await work(connection);
    const result = await knex.raw('select statement from pg_prepared_statements order by statement').connection(connection);
    return (result.rows as { statement: string }[]).map((row) => row.statement);
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

describe('reads on the request path', () => {
  it('are prepared once per connection, whatever the number of ids, and answer as before', async () => {
    const answers: unknown[] = [];
    const prepared = await preparedOnOneConnection(async (connection) => {
      answers.push(await personsByIds(['p1']).connection(connection as never));
      answers.push(await personsByIds(['p2', 'p3', 'p9']).connection(connection as never));
    });
    expect(answers).toEqual([
      [{ id: 'p1', name: 'An' }],
      [
        { id: 'p2', name: 'Binh' },
        { id: 'p3', name: 'Chi' },
      ],
    ]);
    expect(prepared).toEqual([personsByIds(['x']).toSQL().toNative().sql]);
  });

  it('are counted like any statement', async () => {
    const before = database.statementCount();
    await personsByIds(['p1']);
    await personsByIds(['p1']);
    expect(database.statementCount() - before).toBe(2);
  });

  it('leave writes, raw SQL and reads inside a transaction unprepared', async () => {
    const prepared = await preparedOnOneConnection(async (connection) => {
      await knex('person').where('id', 'p3').update({ name: 'Chi' }).connection(connection as never);
      await knex.raw('select name from person where id = ?', ['p1']).connection(connection as never);
    });
    expect(prepared.filter((text) => !text.startsWith('select "person"."id"'))).toEqual([]);
    await knex.transaction(async (trx) => {
      await trx('person').select('name').where('id', 'p1');
      const inside = await trx.raw('select count(*)::int as count from pg_prepared_statements where statement like ?', ['%select "name" from "person"%']);
      expect(inside.rows).toEqual([{ count: 0 }]);
    });
  });

  it('still answer when the pool replaces its connection (the embedded engine keeps its session)', async () => {
    await personsByIds(['p1']);
    // Every connection of the pool is dropped as one that failed would be; the next read gets a new one.
    const connection = await knex.client.acquireConnection();
    (connection as { __knex__disposed?: Error }).__knex__disposed = new Error('dropped by the test');
    await knex.client.releaseConnection(connection);
    const replacement = await knex.client.acquireConnection();
    await knex.client.releaseConnection(replacement);
    expect(replacement.__knexUid).not.toBe(connection.__knexUid);
    expect(await personsByIds(['p2'])).toEqual([{ id: 'p2', name: 'Binh' }]);
  });
});

describe('createStatementNamer', () => {
  it('gives one name per text, the same each time, and none past its limit', () => {
    const namer = createStatementNamer(2);
    const first = namer.nameOf('select 1');
    expect(first).toMatch(/^r_[0-9a-f]{24}$/);
    expect(namer.nameOf('select 1')).toBe(first);
    expect(namer.nameOf('select 2')).not.toBe(first);
    expect(namer.nameOf('select 3')).toBeUndefined();
    expect(namer.nameOf('select 1')).toBe(first);
  });

  it("leaves knex's migration bookkeeping unnamed", () => {
    const namer = createStatementNamer();
    expect(namer.nameOf('select "name" from "knex_migrations" order by "id" asc')).toBeUndefined();
    expect(namer.nameOf('select * from "knex_migrations_lock"')).toBeUndefined();
  });
});
