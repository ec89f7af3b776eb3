// A register restarted late in the day continues the day's sharing statistics where its last round left
// them, instead of reading the whole day's log again; the people it counted before the restart are not
// counted twice after it. A change of field groups counts the day from its start. A day stays open until
// the requests under way at midnight are logged, then closes reading only its last rows, and keeps only its
// figures. A round that finds no new row writes nothing. The rows the register appended itself are counted
// from memory, not read back. Runs on the engine the tests run on (TEST_DATABASE_URL: the server).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import { DisclosureCollector } from '../audit/disclosureCollector.ts';
import { disclosureLogMigrations } from '../audit/disclosureLogMigrations.ts';
import { createDisclosureWriter } from '../audit/disclosureWriter.ts';
import { addDays, provinceDay, provinceDayStart } from '../calendar/provinceDay.ts';
import { migrationSource } from '../db/migrationSource.ts';
import { openDatabase, type Database } from '../db/openDatabase.ts';
import { testDatabaseOptions } from '../db/testDatabase.ts';
import type { CompiledField, CompiledPolicies } from '../policy/compilePolicies.ts';
import { appendedLogRows } from './appendedLogRows.ts';
import { aggregateSharingStatistics, startSharingStatisticsAggregator } from './sharingStatisticsAggregator.ts';
import { sharingStatisticsMigrations } from './sharingStatisticsMigrations.ts';

const field = (name: string, group: string): [string, CompiledField] => [
  `Citizen.${name}`,
  { policy: 'population.citizen', owner: 'cong-an-tinh', type: 'Citizen', field: name, group, level: 'personal', rules: [], dataDependent: false, subjectFields: [], subjectFromEnclosingRecord: false, disabled: null },
];
const policies: CompiledPolicies = { subgraph: 'population', fields: new Map([field('fullName', 'identity'), field('religion', 'beliefs')]), stateSecrets: new Set() };
/** The same policies reloaded: a new object, the same groups. */
const reloaded: CompiledPolicies = { ...policies, fields: new Map(policies.fields) };
/** Religion moved into the identity group. */
const regrouped: CompiledPolicies = { ...policies, fields: new Map([field('fullName', 'identity'), field('religion', 'identity')]) };

let database: Database;
let requests = 0;

/** Social insurance reads the names of `people`, one request begun `at` (now); their religion is refused. */
async function insuranceReads(people: string[], at?: Date, writer = createDisclosureWriter(database.appendKnex)): Promise<void> {
  const principal: Principal = { subject: null, agency: 'bhxh-tinh', roles: ['officer'], purpose: 'social-insurance', caseId: null, requestId: `statistics-${(requests += 1)}` };
  const collector = new DisclosureCollector(principal);
  collector.record(people, 'Citizen.fullName', { allowed: true, policy: 'population.citizen', rule: 'insurance-reads-names', legalBasis: 'law:58/2014/QH13' });
  collector.record(people, 'Citizen.religion', { allowed: false, policy: 'population.citizen', rule: null, reason: 'AGENCY_NOT_ALLOWED' });
  const record = collector.toRecord({});
  await writer.write(record && at ? { ...record, at: at.toISOString() } : record);
}

/** The day's figures as the register answers them, without the day. */
async function figuresOf(day: string) {
  return database
    .knex('sharing_statistics')
    .select({ service: 'service', requests: 'requests', recordsDisclosed: 'records_disclosed', refusals: 'refusals', distinctSubjects: 'distinct_subjects' })
    .where('day', day)
    .orderBy('service');
}

/** Runs `round` and counts the disclosure-log rows it read back whole (not the seqs it asked the log for). */
async function logRowsReadBy(round: () => Promise<unknown>, knex = database.knex): Promise<number> {
  let rows = 0;
  const count = (response: unknown, query: { sql: string }) => {
    if (/"outcome_sets".* from "disclosure_log"/.test(query.sql) && Array.isArray(response)) rows += response.length;
  };
  knex.on('query-response', count);
  try {
    await round();
  } finally {
    knex.off('query-response', count);
  }
  return rows;
}

async function emptyTables(knex = database.knex): Promise<void> {
  for (const table of ['sharing_statistics_subject_list', 'sharing_statistics', 'sharing_statistics_run', 'disclosure_log']) await knex(table).del();
}

beforeAll(async () => {
  database = await openDatabase(testDatabaseOptions('sharing_statistics_restart'));
  await database.knex.migrate.latest({ migrationSource: migrationSource({ ...disclosureLogMigrations, ...sharingStatisticsMigrations }) });
  await emptyTables();
});

afterAll(async () => {
  await database?.close();
});

describe('the sharing statistics of a register that restarts', () => {
  const today = provinceDay(new Date());

  it('continues the day from its last round: it reads only the rows logged since, and counts no person twice', async () => {
    await insuranceReads(['001044615332', '001044615333']);
    await insuranceReads(['001044615332']);
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, policies))).toBe(2);
    // The register restarts (no count in memory); meanwhile one of the same people and a new one were read.
    await insuranceReads(['001044615333', '001044615334']);
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, reloaded))).toBe(1);
    expect(await figuresOf(today)).toEqual([
      { service: 'population.citizen:beliefs', requests: 3, recordsDisclosed: 0, refusals: { AGENCY_NOT_ALLOWED: 5 }, distinctSubjects: 0 },
      { service: 'population.citizen:identity', requests: 3, recordsDisclosed: 5, refusals: {}, distinctSubjects: 3 },
    ]);
  });

  it('writes nothing in a round that found no new row, and writes the next one that does', async () => {
    const writes = async (round: () => Promise<unknown>) => {
      const sent: string[] = [];
      const record = (query: { sql: string }) => {
        if (/^(insert|delete|update)/i.test(query.sql)) sent.push(query.sql);
      };
      database.knex.on('query', record);
      try {
        await round();
      } finally {
        database.knex.off('query', record);
      }
      return sent.length;
    };
    const first = await aggregateSharingStatistics(database.knex, reloaded);
    const quiet = await aggregateSharingStatistics(database.knex, reloaded, { openDays: first });
    expect(await writes(() => aggregateSharingStatistics(database.knex, reloaded, { openDays: quiet }))).toBe(0);
    await insuranceReads(['001044615338']);
    expect(await writes(() => aggregateSharingStatistics(database.knex, reloaded, { openDays: quiet }))).toBeGreaterThan(0);
    expect(await figuresOf(today)).toEqual([
      { service: 'population.citizen:beliefs', requests: 4, recordsDisclosed: 0, refusals: { AGENCY_NOT_ALLOWED: 6 }, distinctSubjects: 0 },
      { service: 'population.citizen:identity', requests: 4, recordsDisclosed: 6, refusals: {}, distinctSubjects: 4 },
    ]);
  });

  it('counts the day from its start when a field moved to another group', async () => {
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, regrouped))).toBe(4);
    expect(await figuresOf(today)).toEqual([{ service: 'population.citizen:identity', requests: 4, recordsDisclosed: 6, refusals: { AGENCY_NOT_ALLOWED: 6 }, distinctSubjects: 4 }]);
  });

  it('counts in a day only its own rows, when rows of another day were logged between them', async () => {
    const yesterday = addDays(today, -1);
    // A request begun yesterday, logged only now; then one of today.
    await insuranceReads(['001044615336'], new Date(provinceDayStart(today).getTime() - 60_000));
    await insuranceReads(['001044615337']);
    await aggregateSharingStatistics(database.knex, regrouped);
    expect(await figuresOf(today)).toEqual([{ service: 'population.citizen:identity', requests: 5, recordsDisclosed: 7, refusals: { AGENCY_NOT_ALLOWED: 7 }, distinctSubjects: 5 }]);
    expect(await figuresOf(yesterday)).toEqual([{ service: 'population.citizen:identity', requests: 1, recordsDisclosed: 1, refusals: { AGENCY_NOT_ALLOWED: 1 }, distinctSubjects: 1 }]);
  });

  it('keeps the day open just after midnight, then closes it reading only its last rows, and keeps only its figures', async () => {
    const midnight = provinceDayStart(addDays(today, 1)).getTime();
    // A request under way at midnight, logged under today.
    await insuranceReads(['001044615335']);
    const justAfter = { now: new Date(midnight + 30_000), closeAfterMs: 90_000 };
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, regrouped, justAfter))).toBe(1);
    const final = [{ service: 'population.citizen:identity', requests: 6, recordsDisclosed: 8, refusals: { AGENCY_NOT_ALLOWED: 8 }, distinctSubjects: 6 }];
    expect(await figuresOf(today)).toEqual(final);
    expect(await database.knex('sharing_statistics_run').select({ closed: 'closed' }).where('day', today)).toEqual([{ closed: false }]);

    const later = { now: new Date(midnight + 120_000), closeAfterMs: 90_000 };
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, regrouped, later))).toBe(0);
    expect(await figuresOf(today)).toEqual(final);
    expect(await database.knex('sharing_statistics_run').select({ closed: 'closed', afterSeq: 'after_seq' }).where('day', today)).toEqual([{ closed: true, afterSeq: null }]);
    expect(Number((await database.knex('sharing_statistics_subject_list').count({ lists: '*' }).where('day', today).first())?.lists)).toBe(0);
  });
});

describe('the rows a register appended itself', () => {
  const today = provinceDay(new Date());
  /** The figures of today's requests as social insurance made them: `people` of each request. */
  const expected = (requests: number, records: number, people: number) => [
    { service: 'population.citizen:beliefs', requests, recordsDisclosed: 0, refusals: { AGENCY_NOT_ALLOWED: records }, distinctSubjects: 0 },
    { service: 'population.citizen:identity', requests, recordsDisclosed: records, refusals: {}, distinctSubjects: people },
  ];
  let counted: Awaited<ReturnType<typeof aggregateSharingStatistics>>;

  beforeAll(() => emptyTables());

  it('are counted from memory, a replica\'s rows between them read back, with the figures of reading all back', async () => {
    const held = appendedLogRows(100);
    const own = createDisclosureWriter(database.appendKnex, (rows) => held.add(rows));
    const replica = createDisclosureWriter(database.appendKnex);
    await insuranceReads(['001044615340'], undefined, own);
    // The day's first count reads it from its start, as after a restart; the row held is then counted.
    counted = await aggregateSharingStatistics(database.knex, policies, { appended: held });
    expect(held.size).toBe(0);

    // Requests of different sizes: a row taken for another seq's would change the figures.
    await insuranceReads(['001044615341'], undefined, own);
    await insuranceReads(['001044615342', '001044615343'], undefined, replica);
    await insuranceReads(['001044615341', '001044615344'], undefined, own);
    await insuranceReads(['001044615345', '001044615346', '001044615347'], undefined, own);
    expect(held.size).toBe(3);
    expect(await logRowsReadBy(async () => (counted = await aggregateSharingStatistics(database.knex, policies, { openDays: counted, appended: held })))).toBe(1);
    expect(held.size).toBe(0);
    expect(await figuresOf(today)).toEqual(expected(5, 9, 8));

    // A register restarted now reads every row of the day back, and gives the same figures.
    await database.knex('sharing_statistics_run').where('day', today).update({ grouping: 'counted under other policies' });
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, policies))).toBe(5);
    expect(await figuresOf(today)).toEqual(expected(5, 9, 8));
  });

  it('are counted as soon as enough of them wait, without waiting for the timer', async () => {
    const aggregator = startSharingStatisticsAggregator({ service: 'population', knex: database.knex, policies: () => policies, everySeconds: 3600, closeAfterMs: 0, roundAtAppendedRows: 2 });
    try {
      const own = createDisclosureWriter(database.appendKnex, (rows) => aggregator.rowsAppended(rows));
      await insuranceReads(['001044615354'], undefined, own);
      await insuranceReads(['001044615355'], undefined, own);
      await vi.waitFor(async () => expect(await figuresOf(today)).toEqual(expected(7, 11, 10)), { timeout: 5000 });
    } finally {
      await aggregator.stop();
    }
  });

  it('reads back the rows appended past what it may hold', async () => {
    const held = appendedLogRows(1);
    const own = createDisclosureWriter(database.appendKnex, (rows) => held.add(rows));
    counted = await aggregateSharingStatistics(database.knex, policies);
    await insuranceReads(['001044615348'], undefined, own);
    await insuranceReads(['001044615348', '001044615349'], undefined, own);
    expect(held.size).toBe(1);
    expect(await logRowsReadBy(() => aggregateSharingStatistics(database.knex, policies, { openDays: counted, appended: held }))).toBe(1);
    expect(held.size).toBe(0);
    expect(await figuresOf(today)).toEqual(expected(9, 14, 12));
  });
});

describe('the people of a count saved one row each, before they were saved as lists', () => {
  it('are carried into lists by the upgrade and back by its rollback, and the count goes on counting none twice', async () => {
    const upgraded = await openDatabase(testDatabaseOptions('sharing_statistics_subject_lists'));
    try {
      const { knex } = upgraded;
      const source = migrationSource({ ...disclosureLogMigrations, ...sharingStatisticsMigrations });
      await knex.migrate.latest({ migrationSource: source });
      await emptyTables(knex);
      const writer = createDisclosureWriter(upgraded.appendKnex);
      await insuranceReads(['001044615350', '001044615351'], undefined, writer);
      await insuranceReads(['001044615351', '001044615352'], undefined, writer);
      await aggregateSharingStatistics(knex, policies);

      await knex.migrate.down({ migrationSource: source });
      const today = provinceDay(new Date());
      expect(await knex('sharing_statistics_subject').select({ service: 'service', subject: 'subject' }).where('day', today).orderBy('subject')).toEqual(
        ['001044615350', '001044615351', '001044615352'].map((subject) => ({ service: 'population.citizen:identity', subject })),
      );
      await knex.migrate.latest({ migrationSource: source });

      // The register restarts on the upgraded database: it continues the saved count.
      await insuranceReads(['001044615352', '001044615353'], undefined, writer);
      expect(await logRowsReadBy(() => aggregateSharingStatistics(knex, policies), knex)).toBe(1);
      expect(await knex('sharing_statistics').select({ service: 'service', requests: 'requests', recordsDisclosed: 'records_disclosed', distinctSubjects: 'distinct_subjects' }).where('day', today).orderBy('service')).toEqual([
        { service: 'population.citizen:beliefs', requests: 3, recordsDisclosed: 0, distinctSubjects: 0 },
        { service: 'population.citizen:identity', requests: 3, recordsDisclosed: 6, distinctSubjects: 4 },
      ]);
    } finally {
      await upgraded.close();
    }
  });
});
