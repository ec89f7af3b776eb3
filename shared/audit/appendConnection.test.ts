// The disclosure log's writer appends on a connection of its own on a server: a request's append must not
// queue behind the reads of the requests waiting for it (docs/performance.md). On the embedded engine it
// shares the one connection there is. Runs on the engine the tests run on (TEST_DATABASE_URL: the server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { Principal } from '../auth/Principal.ts';
import { config } from '../config/config.ts';
import { migrationSource } from '../db/migrationSource.ts';
import { openDatabase, type Database } from '../db/openDatabase.ts';
import { testDatabaseOptions } from '../db/testDatabase.ts';
import { DisclosureCollector } from './disclosureCollector.ts';
import { disclosureLogMigrations } from './disclosureLogMigrations.ts';
import { createDisclosureWriter } from './disclosureWriter.ts';

const principal: Principal = { subject: null, agency: 'so-noi-vu', roles: ['officer'], purpose: 'public-service-delivery', caseId: null, requestId: 'append-connection-1' };

let database: Database;

beforeAll(async () => {
  database = await openDatabase(testDatabaseOptions('append_connection'));
  await database.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
  await database.knex('disclosure_log').del();
});

afterAll(async () => {
  await database?.close();
});

describe('the disclosure log writer', () => {
  it('appends while requests hold every pooled connection (on a server), and the row is in the log', { timeout: 20_000 }, async () => {
    const onServer = database.appendKnex !== database.knex;
    // Requests mid-way, each holding a pooled connection: on a server the append must not need one of them.
    const held: Knex.Transaction[] = [];
    if (onServer) for (let index = 0; index < config.databasePoolMax; index += 1) held.push(await database.knex.transaction());
    const collector = new DisclosureCollector(principal);
    collector.record(['001044615332'], 'Citizen.fullName', { allowed: true, policy: 'population.citizen', rule: null, legalBasis: 'consent:c-1' });
    try {
      await createDisclosureWriter(database.appendKnex).write(collector.toRecord({}));
    } finally {
      for (const transaction of held) await transaction.rollback();
    }
    const rows = await database.knex('disclosure_log').select('request_id', 'data_subjects');
    expect(rows).toEqual([{ request_id: 'append-connection-1', data_subjects: ['001044615332'] }]);
  });
});
