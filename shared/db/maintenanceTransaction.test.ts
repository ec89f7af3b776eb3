// Statements are counted to price requests: a maintenance transaction's (its BEGIN and COMMIT too) are
// not, a request's transaction's are, and the connection it ran on counts again once it is over.
// Runs on the engine the tests run on (TEST_DATABASE_URL: the server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintenanceTransaction } from './maintenanceTransaction.ts';
import { openDatabase, type Database } from './openDatabase.ts';
import { testDatabaseOptions } from './testDatabase.ts';

let database: Database;

beforeAll(async () => {
  database = await openDatabase(testDatabaseOptions('maintenance_transaction'));
});

afterAll(async () => {
  await database?.close();
});

/** Statements `work` added to the count. */
async function counted(work: () => Promise<unknown>): Promise<number> {
  const before = database.statementCount();
  await work();
  return database.statementCount() - before;
}

describe('a maintenance transaction', () => {
  it('adds none of its statements to the count, and commits its work', async () => {
    await database.knex.raw('create table if not exists maintenance_probe (id integer primary key)');
    await database.knex('maintenance_probe').del();
    const work = () =>
      maintenanceTransaction(database.knex, async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(1, 2)');
        await trx('maintenance_probe').insert({ id: 1 });
      });
    expect(await counted(work)).toBe(0);
    expect(await database.knex('maintenance_probe').select('id')).toEqual([{ id: 1 }]);
  });

  it('leaves a transaction of the request path counted, BEGIN and COMMIT included', async () => {
    expect(await counted(() => database.knex.transaction(async (trx) => trx.raw('select 1')))).toBe(3);
  });

  it('gives its connection back, rolled back on failure, and statements on it count again', async () => {
    const failing = maintenanceTransaction(database.knex, async (trx) => {
      await trx('maintenance_probe').insert({ id: 2 });
      throw new Error('the round failed');
    });
    await expect(failing).rejects.toThrow('the round failed');
    expect(await counted(() => database.knex('maintenance_probe').select('id'))).toBe(1);
    expect(await database.knex('maintenance_probe').select('id')).toEqual([{ id: 1 }]);
  });

  it('gives its connection back as any other: a read of the request path on it is prepared', async () => {
    const knex = database.knex;
    let connection: unknown;
    await maintenanceTransaction(knex, async (trx) => {
      connection = await trx.client.acquireConnection();
      await trx.raw('select 1');
    });
    const read = knex('maintenance_probe').select({ id: 'maintenance_probe.id' }).where('maintenance_probe.id', 1);
    await read.clone().connection(connection as never);
    const prepared = await knex.raw('select statement from pg_prepared_statements').connection(connection as never);
    expect((prepared.rows as { statement: string }[]).map((row) => row.statement)).toContain(read.toSQL().toNative().sql);
  });
});
