// The fingerprint a restore is checked against: the same rows give the same fingerprint whatever their
// order on disk, and one changed value, row or table is seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './openDatabase.ts';
import { fingerprintDifferences, tableFingerprints, type TableFingerprints } from './tableFingerprints.ts';

let database: Database;

/** Every table's fingerprint, read in one transaction as a backup reads it. */
const fingerprints = (): Promise<TableFingerprints> =>
  database.knex.transaction((trx) => tableFingerprints({ query: async (sql) => ({ rows: (await trx.raw(sql)).rows }) as never }));

beforeAll(async () => {
  database = await openDatabase({});
  await database.knex.raw(`create table person (id int primary key, name text, born date, seen timestamptz)`);
  await database.knex.raw(`create table "Odd ""name""" (n numeric)`);
});
afterAll(() => database?.close());

describe('a table fingerprint', () => {
  it('is the same for the same rows written in another order, and tells a changed value, a new row and a missing table', async () => {
    await database.knex('person').insert([
      { id: 1, name: 'An', born: '1990-01-02', seen: '2026-12-05T01:02:03Z' },
      { id: 2, name: 'Bình', born: '1985-03-04', seen: null },
    ]);
    const first = await fingerprints();
    expect(first['public.person'].rows).toBe(2);
    expect(first['public.Odd "name"']).toEqual({ rows: 0, md5: 'd41d8cd98f00b204e9800998ecf8427e' });

    await database.knex('person').delete();
    await database.knex('person').insert([
      { id: 2, name: 'Bình', born: '1985-03-04', seen: null },
      { id: 1, name: 'An', born: '1990-01-02', seen: '2026-12-05T01:02:03Z' },
    ]);
    expect(await fingerprints()).toEqual(first);

    await database.knex('person').where({ id: 2 }).update({ name: 'Binh' });
    const edited = await fingerprints();
    expect(fingerprintDifferences(first, edited)).toEqual(['public.person: same 2 rows but different contents']);

    await database.knex('person').insert({ id: 3, name: 'Chi', born: '2000-05-06', seen: null });
    await database.knex.raw(`drop table "Odd ""name"""`);
    expect(fingerprintDifferences(first, await fingerprints())).toEqual(['public.Odd "name": missing (backed up with 0 rows)', 'public.person: 3 rows, backed up with 2']);
  });
});
