// Compiled reads answer exactly as the knex builder does, on the engine the tests run on (embedded by
// default, the Postgres server with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { config } from '../config/config.ts';
import { openDatabase, type Database } from './openDatabase.ts';
import { testDatabaseOptions } from './testDatabase.ts';
import { anyOf } from './anyOf.ts';
import { limitPerGroup } from './limitPerGroup.ts';
import { compiledRead } from './compiledRead.ts';

let database: Database;
let knex: Knex;

beforeAll(async () => {
  database = await openDatabase(testDatabaseOptions('compiled_reads'));
  knex = database.knex;
  await knex.schema.dropTableIfExists('visit');
  await knex.schema.createTable('visit', (table) => {
    table.text('id').primary();
    table.text('person_id').notNullable();
    table.date('visited_on').notNullable();
    table.text('kind').notNullable();
  });
  await knex('visit').insert([
    { id: 'v1', person_id: 'p1', visited_on: '2026-01-03', kind: 'clinic' },
    { id: 'v2', person_id: 'p1', visited_on: '2026-01-01', kind: 'clinic' },
    { id: 'v3', person_id: 'p1', visited_on: '2026-01-02', kind: 'home' },
    { id: 'v4', person_id: 'p2', visited_on: '2026-02-01', kind: 'clinic' },
  ]);
});

afterAll(async () => {
  await database?.close();
});

/** Each person's clinic visits, oldest first, at most `limit` each: a fixed value ('clinic'), a list and a number. */
function clinicVisitsQuery(knex: Knex, personIds: readonly string[], limit: number): Knex.QueryBuilder {
  const inner = knex('visit').select({ id: 'visit.id', personId: 'visit.person_id', visitedOn: 'visit.visited_on' }).where('visit.kind', 'clinic').where(anyOf(knex, 'visit.person_id', personIds));
  return limitPerGroup(knex, inner, { partitionBy: 'visit.person_id', orderBy: 'visit.visited_on, visit.id', columns: ['ranked.id', 'ranked.personId', 'ranked.visitedOn'], limit });
}

const clinicVisits = compiledRead<[personIds: readonly string[], limit: number], { id: string; personId: string; visitedOn: string }>(clinicVisitsQuery);

describe('a compiled read', () => {
  it('answers each call with its own values, as the builder does', async () => {
    const calls: [string[], number][] = [
      [['p1', 'p2'], 1],
      [['p1'], 5],
      [[], 5],
      [['p2', 'p9'], 5],
    ];
    for (const [personIds, limit] of calls) {
      expect(await clinicVisits(knex, personIds, limit)).toEqual(await clinicVisitsQuery(knex, personIds, limit));
    }
    expect(await clinicVisits(knex, ['p1'], 5)).toEqual([
      { id: 'v2', personId: 'p1', visitedOn: '2026-01-01' },
      { id: 'v1', personId: 'p1', visitedOn: '2026-01-03' },
    ]);
  });

  it('is one statement, counted like any other', async () => {
    const before = database.statementCount();
    await clinicVisits(knex, ['p1', 'p2'], 2);
    expect(database.statementCount() - before).toBe(1);
  });

  it('answers the same inside a transaction, on the transaction\'s connection', async () => {
    const outside = await clinicVisits(knex, ['p1', 'p2'], 5);
    const trx = await knex.transaction();
    try {
      await trx('visit').insert({ id: 'v5', person_id: 'p2', visited_on: '2026-03-01', kind: 'clinic' });
      // The transaction's own write shows: the read ran on its connection, not another of the pool.
      expect(await clinicVisits(trx, ['p1', 'p2'], 5)).toEqual([...outside, { id: 'v5', personId: 'p2', visitedOn: '2026-03-01' }]);
    } finally {
      await trx.rollback();
    }
    expect(await clinicVisits(knex, ['p1', 'p2'], 5)).toEqual(outside);
  });

  it('gives its connection back when Postgres refuses the statement', async () => {
    const missing = compiledRead<[ids: readonly string[]], { id: string }>((knex, ids) => knex('no_such_table').select({ id: 'id' }).where(anyOf(knex, 'id', ids)));
    // More refusals than the pool has connections (one, embedded): a connection kept would block the reads after.
    for (let attempt = 0; attempt < 3; attempt += 1) await expect(missing(knex, ['v1'])).rejects.toThrow(/no_such_table/);
    expect(await clinicVisits(knex, ['p2'], 5)).toEqual([{ id: 'v4', personId: 'p2', visitedOn: '2026-02-01' }]);
  });

  it('refuses a query whose text depends on its arguments', async () => {
    const byKind = compiledRead<[kind: string | null], { id: string }>((knex, kind) => {
      const query = knex('visit').select({ id: 'visit.id' });
      return kind === null ? query : query.where('visit.kind', kind);
    });
    await expect(byKind(knex, null)).rejects.toThrow('compiledRead: the query text depends on its arguments');
  });

  it('refuses an argument spliced into the text instead of bound', async () => {
    const byColumn = compiledRead<[column: string], { id: string }>((knex, column) => knex('visit').select({ id: column }));
    await expect(byColumn(knex, 'visit.id')).rejects.toThrow('compiledRead:');
  });
});
