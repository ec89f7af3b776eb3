// An agency's connections: Postgres's JIT compilation is off for them (openDatabase.ts, withoutJit), on the
// engine the tests run on (TEST_DATABASE_URL: the server, where JIT is on by default; the embedded engine has none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withoutJit, type Database } from './openDatabase.ts';
import { testDatabaseOptions } from './testDatabase.ts';

let database: Database;

beforeAll(async () => {
  database = await openDatabase(testDatabaseOptions('open_database'));
});

afterAll(async () => {
  await database?.close();
});

describe('an agency database', () => {
  it('compiles no statement with JIT, on the pool and on the log writer’s connection', async () => {
    for (const knex of [database.knex, database.appendKnex]) {
      const result = await knex.raw('select pg_jit_available() as available');
      expect(result.rows).toEqual([{ available: false }]);
    }
  });

  it('keeps the startup options a server URL gives, with JIT off after them', () => {
    const url = withoutJit('postgres://agency:s%40cret@db.example:5432/population?options=-c%20statement_timeout%3D5000&sslmode=disable');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('options')).toBe('-c statement_timeout=5000 -c jit=off');
    expect(parsed.searchParams.get('sslmode')).toBe('disable');
    expect([parsed.username, decodeURIComponent(parsed.password), parsed.host, parsed.pathname]).toEqual(['agency', 's@cret', 'db.example:5432', '/population']);
  });
});
