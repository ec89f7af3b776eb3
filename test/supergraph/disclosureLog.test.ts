// Every decision on personal data is written to the owning agency's disclosure log before the answer
// leaves; the log is a hash chain that shows tampering; if it cannot be written, no data is sent.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { GENESIS_HASH, hashPerRequestRecord, hashPersonRecord, verifyDisclosureChain, type DisclosureRecord, type PersonRecord } from '../../shared/audit/disclosureChain.ts';
import { positionOf, readDisclosureLog, type LogPosition } from '../../shared/audit/disclosureLogReader.ts';
import { createDisclosureWriter } from '../../shared/audit/disclosureWriter.ts';
import { archiveWitnessedSegments } from '../../shared/audit/archiveSegments.ts';
import type { WitnessedCheckpoint } from '../../shared/audit/chainCheckpoint.ts';
import { dropArchivedPartitions, firstRowNotFiled, PARTITION_ROWS } from '../../shared/audit/subjectPartitions.ts';
import { verifyWitnessedChain } from '../../shared/audit/witnessedChain.ts';
import { disclosureLogMigrations } from '../../shared/audit/disclosureLogMigrations.ts';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import { migrationSource } from '../../shared/db/migrationSource.ts';
import { openDatabase } from '../../shared/db/openDatabase.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { expectDisclosure, type RecordedField } from '../support/expectDisclosure.ts';
import { getStack, justiceOfficer, query, seededProvince } from '../support/stack.ts';

const run = promisify(execFile);

const record = (requestId: string, dataSubjects = ['033090000001']): DisclosureRecord => ({
  requestId, at: new Date().toISOString(), principal: 'officer-1', agency: 'so-tu-phap', roles: ['officer'], purpose: 'civil-status-procedure', caseId: null,
  dataSubjects,
  outcomes: dataSubjects.map(() => ({ decision: 'disclosed', fields: [{ fields: ['Citizen.fullName'], decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'r' }] })),
  decision: 'disclosed',
});

/**
 * Edits one row by hand: while edited, the chain names that row as changed (and `meanwhile` may look
 * at what the edit did); once restored, the chain is whole again.
 */
async function expectEditCaught(knex: Knex, seq: string, edit: object, original: object, meanwhile?: () => Promise<void>): Promise<void> {
  await knex('disclosure_log').where('seq', seq).update(edit);
  try {
    await meanwhile?.();
    expect(await verifyDisclosureChain(knex)).toMatchObject({ broken: { seq: String(seq), problem: expect.stringContaining('changed') } });
  } finally {
    await knex('disclosure_log').where('seq', seq).update(original);
  }
  expect(await verifyDisclosureChain(knex)).toMatchObject({ broken: null });
}

describe('the disclosure log', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('records who read which personal fields of whom, why, on what basis, and what was refused', async () => {
    const { subgraphs } = await getStack();
    const id = seededProvince().demoCitizenIds[0];
    const answer = await query(justiceOfficer, `{ citizen(id: "${id}") { fullName religion } }`, { headers: { 'x-case-id': 'HT-2026/000777' } });
    const name = seededProvince().citizens.find((citizen) => citizen.id === id)!.fullName;
    expectAnswer(answer, { data: { citizen: { fullName: name, religion: null } }, errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED')] });
    const entries = await expectDisclosure({
      register: 'population',
      requestId: answer.headers.get('x-request-id')!,
      agency: 'so-tu-phap',
      principal: 'dev-officer@so-tu-phap',
      roles: ['officer'],
      purpose: 'civil-status-procedure',
      caseId: 'HT-2026/000777',
      subjects: {
        [id]: [
          { field: 'Citizen.fullName', decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'justice-registers-civil-status' },
          { field: 'Citizen.religion', decision: 'refused', reason: 'AGENCY_NOT_ALLOWED', rule: expect.any(String) },
        ],
      },
    });
    expect(entries).toHaveLength(1);
    expect(await verifyDisclosureChain(subgraphs.population.database.knex)).toMatchObject({ broken: null });
  });

  it('records every citizen of a list, not only the first, in one row for the request, their common outcome once', async () => {
    const { subgraphs } = await getStack();
    const { knex } = subgraphs.population.database;
    const { body, headers } = await query(justiceOfficer, '{ citizens(first: 5) { nodes { id fullName } } }');
    const ids = (body.data.citizens.nodes as Array<{ id: string }>).map((node) => node.id).sort();
    expect(ids).toHaveLength(5);
    const requestId = headers.get('x-request-id')!;
    const rows = await knex('disclosure_log').select({ dataSubjects: 'data_subjects', outcomeSets: 'outcome_sets', outcomeOf: 'outcome_of' }).where({ request_id: requestId });
    expect(rows).toHaveLength(1);
    expect([...rows[0].dataSubjects].sort()).toEqual(ids);
    // Five people read alike: one outcome, stored once, which each of them points at.
    expect(rows[0].outcomeSets).toHaveLength(1);
    expect(rows[0].outcomeOf).toEqual([0, 0, 0, 0, 0]);
    const read: RecordedField[] = ['Citizen.id', 'Citizen.fullName'].map((field) => ({ field, decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'justice-registers-civil-status' }));
    const entries = await expectDisclosure({
      register: 'population',
      requestId,
      agency: 'so-tu-phap',
      roles: ['officer'],
      purpose: 'civil-status-procedure',
      subjects: Object.fromEntries(ids.map((id) => [id, read])),
    });
    expect(entries.map((entry) => entry.dataSubject).sort()).toEqual(ids);
    // A citizen finds her own entry among them.
    expect(await readDisclosureLog(knex, { all: false, dataSubject: ids[3] }, { filter: { requestId }, limit: 10 })).toEqual([
      expect.objectContaining({ requestId, dataSubject: ids[3] }),
    ]);
  });

  it('shows the first row that was edited by hand', async () => {
    const { subgraphs } = await getStack();
    const { knex } = subgraphs.population.database;
    await query(justiceOfficer, `{ citizen(id: "${seededProvince().demoCitizenIds[1]}") { fullName } }`);
    const victim = await knex('disclosure_log').select('seq', 'purpose').orderBy('seq').offset(1).first();
    await expectEditCaught(knex, victim.seq, { purpose: 'statistics' }, { purpose: victim.purpose });
  });

  it('shows a data subject taken out of a row by hand (hidden from her own log)', async () => {
    const { subgraphs } = await getStack();
    const { knex } = subgraphs.population.database;
    const { headers } = await query(justiceOfficer, '{ citizens(first: 3) { nodes { id fullName } } }');
    const victim = await knex('disclosure_log').select('seq', 'data_subjects').where({ request_id: headers.get('x-request-id') }).first();
    const [hidden, ...kept] = victim.data_subjects as string[];
    await expectEditCaught(knex, victim.seq, { data_subjects: [...kept, '033090000009'] }, { data_subjects: victim.data_subjects }, async () => {
      expect(await readDisclosureLog(knex, { all: false, dataSubject: hidden }, { filter: { requestId: headers.get('x-request-id')! }, limit: 10 })).toEqual([]);
    });
  });

  it('shows a row whose outcomes were swapped between its data subjects by hand', async () => {
    const { subgraphs } = await getStack();
    const { knex } = subgraphs.population.database;
    const [first, second] = seededProvince().demoCitizenIds;
    // One person's religion is refused to the justice officer, the other's name only is asked: two outcomes.
    const { headers } = await query(justiceOfficer, `{ a: citizen(id: "${first}") { fullName religion } b: citizen(id: "${second}") { fullName } }`);
    const victim = await knex('disclosure_log').select('seq', 'outcome_of').where({ request_id: headers.get('x-request-id') }).first();
    expect(new Set(victim.outcome_of).size).toBe(2);
    await expectEditCaught(knex, victim.seq, { outcome_of: [...victim.outcome_of].reverse() }, { outcome_of: victim.outcome_of });
  });

  it('sends no personal data when the record cannot be written', async () => {
    const { subgraphs } = await getStack();
    const { knex } = subgraphs.population.database;
    await knex.schema.renameTable('disclosure_log', 'disclosure_log_away');
    try {
      const answer = await query(justiceOfficer, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName } }`);
      const { body } = answer;
      expect(JSON.stringify(body.data)).not.toContain(seededProvince().citizens.find((c) => c.id === seededProvince().demoCitizenIds[0])!.fullName);
      expectAnswer(answer, { data: { citizen: null }, errors: [{ code: 'AUDIT_UNAVAILABLE', message: 'The disclosure could not be recorded, so no data is returned' }] });
    } finally {
      await knex.schema.renameTable('disclosure_log_away', 'disclosure_log');
    }
    const again = await query(justiceOfficer, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName } }`);
    expect(again.body.data.citizen.fullName).toBeTypeOf('string');
    expectAnswer(again, { data: { citizen: { fullName: seededProvince().citizens.find((c) => c.id === seededProvince().demoCitizenIds[0])!.fullName } } });
  });
});

describe('two writers on one agency database (two processes of one subgraph)', () => {
  it('keep one linear chain: a writer that lost the race links to the real end and loses nothing', async () => {
    const database = await openDatabase({});
    try {
      await database.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
      const first = createDisclosureWriter(database.knex);
      const second = createDisclosureWriter(database.knex);
      await first.write(record('a1'));
      await Promise.all([second.write(record('b1')), second.write(record('b2'))]);
      // The first writer still believes a1 is the end of the chain.
      await first.write(record('a2'));
      await Promise.all([first.write(record('a3')), second.write(record('b3'))]);
      const rows = await database.knex('disclosure_log').select({ requestId: 'request_id' }).orderBy('seq');
      expect(rows.map((row) => row.requestId)).toEqual(expect.arrayContaining(['a1', 'b1', 'b2', 'a2', 'a3', 'b3']));
      expect(rows).toHaveLength(6);
      expect(await verifyDisclosureChain(database.knex)).toEqual({ rows: 6, broken: null });
    } finally {
      await database.close();
    }
  });
});

describe("the log's index of data subjects, in partitions of the log's rows", () => {
  /** A writer on a new log holding one row of 033090000001's, its seq then moved on to `seq` (seqs are never reused). */
  async function withLogAt(seq: number, run: (knex: Knex, writer: ReturnType<typeof createDisclosureWriter>) => Promise<void>): Promise<void> {
    const database = await openDatabase({});
    try {
      await database.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
      const writer = createDisclosureWriter(database.knex);
      await writer.write(record('first', ['033090000001']));
      await database.knex.raw('select setval(?, ?)', ['disclosure_log_seq_seq', seq]);
      await run(database.knex, writer);
    } finally {
      await database.close();
    }
  }
  const requestsOf = async (knex: Knex, dataSubject: string) =>
    (await readDisclosureLog(knex, { all: false, dataSubject }, { filter: {}, limit: 10 })).map((entry) => entry.requestId);

  it('files each row under its people across a partition boundary, making the next partition before it is needed', async () => {
    // As if the log had grown to just before the end of its second partition.
    await withLogAt(2 * PARTITION_ROWS - 2, async (knex, writer) => {
      for (const requestId of ['before-1', 'before-2', 'after-1', 'after-2']) await writer.write(record(requestId, ['033090000001', '033090000002']));
      // No seq skipped: no append found its partition missing (a retry takes new seqs).
      const seqs = await knex('disclosure_log').select('seq').orderBy('seq');
      expect(seqs.map((row) => Number(row.seq))).toEqual([1, 2 * PARTITION_ROWS - 1, 2 * PARTITION_ROWS, 2 * PARTITION_ROWS + 1, 2 * PARTITION_ROWS + 2]);
      expect(await requestsOf(knex, '033090000001')).toEqual(['after-2', 'after-1', 'before-2', 'before-1', 'first']);
      expect(await requestsOf(knex, '033090000002')).toEqual(['after-2', 'after-1', 'before-2', 'before-1']);
      expect(await verifyDisclosureChain(knex)).toEqual({ rows: 5, broken: null });
    });
  });

  it("pages through a person's entries newest first by when they were asked, whatever order and partition they were appended in", async () => {
    await withLogAt(PARTITION_ROWS + 5, async (knex, writer) => {
      // 'first' (seq 1, the first partition) was asked now; these land in the second partition, asked earlier, out of order.
      const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
      const asked: Array<[string, number, string[]]> = [
        ['three-hours-ago', 3, ['033090000001']],
        ['five-hours-ago', 5, ['033090000001']],
        ['someone-else', 2, ['033090000002']],
        ['one-hour-ago', 1, ['033090000001']],
        ['four-hours-ago', 4, ['033090000002', '033090000001']],
      ];
      for (const [requestId, hours, people] of asked) await writer.write({ ...record(requestId, people), at: hoursAgo(hours) });
      const pages: string[][] = [];
      let before: LogPosition | undefined;
      for (;;) {
        const page = await readDisclosureLog(knex, { all: false, dataSubject: '033090000001' }, { filter: {}, before, limit: 2 });
        if (page.length === 0) break;
        expect(page.every((entry) => entry.dataSubject === '033090000001')).toBe(true);
        pages.push(page.map((entry) => entry.requestId));
        before = positionOf(page[page.length - 1]);
      }
      expect(pages).toEqual([['first', 'one-hour-ago'], ['three-hours-ago', 'four-hours-ago'], ['five-hours-ago']]);
      // The same order under a time window and an oversight officer's filter on the person.
      const window = { from: hoursAgo(4.5), until: hoursAgo(2), dataSubject: '033090000001' };
      const inWindow = await readDisclosureLog(knex, { all: true }, { filter: window, limit: 10 });
      expect(inWindow.map((entry) => [entry.requestId, entry.part])).toEqual([['three-hours-ago', 1], ['four-hours-ago', 2]]);
    });
  });

  it('finds an oversight search by case or by purpose alone, newest first, and nothing for a case or purpose no row has', async () => {
    await withLogAt(1, async (knex, writer) => {
      const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
      const asked: Array<[string, number, string, string | null]> = [
        ['case-a-old', 50, 'criminal-investigation', 'HS-2026/0001'],
        ['no-case', 40, 'civil-status-procedure', null],
        ['case-b', 30, 'criminal-investigation', 'HS-2026/0002'],
        ['case-a-new', 20, 'criminal-investigation', 'HS-2026/0001'],
        ['tax', 10, 'tax-administration', null],
      ];
      for (const [requestId, minutes, purpose, caseId] of asked) await writer.write({ ...record(requestId), at: minutesAgo(minutes), purpose, caseId });
      const search = async (filter: { caseId?: string; purpose?: string }, limit = 10) =>
        (await readDisclosureLog(knex, { all: true }, { filter, limit })).map((entry) => [entry.requestId, entry.purpose, entry.caseId]);
      expect(await search({ caseId: 'HS-2026/0001' })).toEqual([
        ['case-a-new', 'criminal-investigation', 'HS-2026/0001'],
        ['case-a-old', 'criminal-investigation', 'HS-2026/0001'],
      ]);
      expect(await search({ purpose: 'criminal-investigation' }, 2)).toEqual([
        ['case-a-new', 'criminal-investigation', 'HS-2026/0001'],
        ['case-b', 'criminal-investigation', 'HS-2026/0002'],
      ]);
      expect(await search({ purpose: 'civil-status-procedure' })).toEqual([
        ['first', 'civil-status-procedure', null],
        ['no-case', 'civil-status-procedure', null],
      ]);
      expect(await search({ purpose: 'criminal-investigation', caseId: 'HS-2026/0002' })).toEqual([['case-b', 'criminal-investigation', 'HS-2026/0002']]);
      expect(await search({ caseId: 'HS-2026/0404' })).toEqual([]);
      expect(await search({ purpose: 'statistics' })).toEqual([]);
    });
  });

  it('makes a missing partition when a row needs it, and loses no row', async () => {
    // Far past every partition made so far, as after a jump of the sequence.
    await withLogAt(7 * PARTITION_ROWS + 5, async (knex, writer) => {
      await writer.write(record('far', ['033090000001']));
      expect(await requestsOf(knex, '033090000001')).toEqual(['far', 'first']);
      expect(await verifyDisclosureChain(knex)).toEqual({ rows: 2, broken: null });
    });
  });
  it('drops the partitions archiving emptied, so a citizen\'s read does not look through them for ever', async () => {
    await withLogAt(2 * PARTITION_ROWS - 3, async (knex, writer) => {
      for (const requestId of ['old-1', 'old-2', 'new-1', 'new-2']) await writer.write(record(requestId, ['033090000001']));
      const partitions = async () => (await knex.raw("select relname from pg_class where relname like 'disclosure_log_subjects\\_%' and relkind = 'r' order by relname")).rows.map((row: { relname: string }) => row.relname);
      expect(await partitions()).toEqual(['disclosure_log_subjects_0', 'disclosure_log_subjects_1', 'disclosure_log_subjects_2', 'disclosure_log_subjects_3']);
      // A witnessed checkpoint at the last row of the second partition (its signatures are checked by the caller, not here).
      const closing = await knex('disclosure_log').select('seq', 'hash').where('seq', 2 * PARTITION_ROWS - 1).first();
      const checkpoint: WitnessedCheckpoint = { service: 'population', seq: String(closing.seq), hash: closing.hash, at: new Date().toISOString(), signature: '', witnessedAt: new Date().toISOString(), witnessSignature: '' };
      const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
      const result = await archiveWitnessedSegments(knex, [checkpoint], tomorrow);
      expect(result).toEqual({ segments: [String(2 * PARTITION_ROWS - 1)], rows: 3, partitionsDropped: 2, refused: null });
      expect(await partitions()).toEqual(['disclosure_log_subjects_2', 'disclosure_log_subjects_3']);
      // The live rows are still filed and read, new rows still land, and the whole chain still verifies.
      await writer.write(record('later', ['033090000001']));
      expect(await requestsOf(knex, '033090000001')).toEqual(['later', 'new-2', 'new-1']);
      expect(await firstRowNotFiled(knex)).toBeNull();
      expect(await verifyWitnessedChain(knex, [checkpoint])).toMatchObject({ rows: 6, archivedRows: 3, problem: null });
      // Archiving again finds nothing more to drop: the partition of the head stays.
      expect((await archiveWitnessedSegments(knex, [checkpoint], tomorrow)).partitionsDropped).toBe(0);
    });
  });

  it('never drops a partition that still holds a filing, whatever bound it is given', async () => {
    await withLogAt(PARTITION_ROWS + 5, async (knex, writer) => {
      await writer.write(record('second', ['033090000001']));
      // Rows 1 and PARTITION_ROWS + 6 are live: told that everything through the second was archived, it keeps both partitions.
      expect(await dropArchivedPartitions(knex, BigInt(PARTITION_ROWS + 6))).toBe(0);
      expect(await requestsOf(knex, '033090000001')).toEqual(['second', 'first']);
      expect(await firstRowNotFiled(knex)).toBeNull();
    });
  });
});

describe('rows written in the earlier forms of the log', () => {
  it('still verify, link on to the rows written now, and read as before', async () => {
    const database = await openDatabase({});
    try {
      const { knex } = database;
      // The log as it was before its subject index had partitions: the rows below were written then.
      const beforeSubjectPartitions = Object.fromEntries(Object.entries(disclosureLogMigrations).filter(([name]) => name < '20261205220000'));
      await knex.migrate.latest({ migrationSource: migrationSource(beforeSubjectPartitions) });
      // Before Nov 2026: one data subject per row.
      const person: PersonRecord = {
        requestId: 'old-1', at: '2026-11-01T08:00:00.000Z', principal: 'officer-1', agency: 'so-tu-phap', roles: ['officer'], purpose: 'civil-status-procedure',
        caseId: null, dataSubject: '033090000001', fields: [{ field: 'Citizen.fullName', decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'r' }], decision: 'disclosed',
      };
      const personHash = hashPersonRecord(GENESIS_HASH, person);
      await knex('disclosure_log').insert({
        request_id: person.requestId, at: person.at, principal: person.principal, agency: person.agency, roles: JSON.stringify(person.roles), purpose: person.purpose,
        case_id: null, data_subject: person.dataSubject, fields: JSON.stringify(person.fields), decision: person.decision,
        prev_hash: GENESIS_HASH, hash: personHash,
      });
      // Nov-Dec 2026: one row per request, each data subject's outcome in full.
      const perRequest = { ...record('old-2', ['033090000001', '033090000002']), at: '2026-11-30T08:00:00.000Z' };
      await knex('disclosure_log').insert({
        request_id: perRequest.requestId, at: perRequest.at, principal: perRequest.principal, agency: perRequest.agency, roles: JSON.stringify(perRequest.roles),
        purpose: perRequest.purpose, case_id: null, data_subjects: perRequest.dataSubjects, outcomes: JSON.stringify(perRequest.outcomes), decision: perRequest.decision,
        prev_hash: personHash, hash: hashPerRequestRecord(personHash, perRequest),
      });
      await knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
      await createDisclosureWriter(knex).write(record('new-1', ['033090000001', '033090000002']));
      expect(await verifyDisclosureChain(knex)).toEqual({ rows: 3, broken: null });
      const own = await readDisclosureLog(knex, { all: false, dataSubject: '033090000001' }, { filter: {}, limit: 10 });
      expect(own.map((entry) => [entry.requestId, entry.dataSubject, entry.fields.map((field) => field.field)])).toEqual([
        ['new-1', '033090000001', ['Citizen.fullName']],
        ['old-2', '033090000001', ['Citizen.fullName']],
        ['old-1', '033090000001', ['Citizen.fullName']],
      ]);
      const other = await readDisclosureLog(knex, { all: false, dataSubject: '033090000002' }, { filter: {}, limit: 10 });
      expect(other.map((entry) => [entry.requestId, entry.fields.map((field) => field.basis)])).toEqual([
        ['new-1', ['civil-status-law-2014']],
        ['old-2', ['civil-status-law-2014']],
      ]);
      await knex('disclosure_log').where('request_id', 'old-2').update({ data_subjects: ['033090000001', '033090000003'] });
      expect(await verifyDisclosureChain(knex)).toMatchObject({ broken: { seq: '2' } });
      await knex('disclosure_log').where('request_id', 'old-1').update({ data_subject: '033090000002' });
      expect(await verifyDisclosureChain(knex)).toMatchObject({ broken: { seq: '1' } });
    } finally {
      await database.close();
    }
  });
});

describe('npm run audit:verify', () => {
  it('reports an intact chain, then the first broken link after a hand edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    const database = await openDatabase({ dataDir: join(dir, 'population') });
    await database.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
    const writer = createDisclosureWriter(database.knex);
    await Promise.all(['033090000001', '033090000002', '033090000003'].map((subject) => writer.write(record(`r-${subject}`, [subject]))));
    await database.close();

    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    const script = new URL('../../scripts/auditVerify.ts', import.meta.url).pathname;
    const env = childEnvironment({ PGLITE_DATA_DIR: dir, DATABASE_URL: '', POPULATION_DATABASE_URL: '' });
    const intact = await run(tsx, [script, '--service', 'population'], { env });
    expect(intact.stdout).toContain('✓ population: 3 rows, chain intact');

    const tampering = await openDatabase({ dataDir: join(dir, 'population') });
    await tampering.knex('disclosure_log').where('seq', 2).update({ data_subjects: ['033090000009'] });
    await tampering.close();
    const failure = (await run(tsx, [script, '--service', 'population'], { env }).catch((error) => error)) as { code: number; stdout: string };
    expect(failure.code).toBe(1);
    expect(failure.stdout).toContain('✗ population: first broken link at row 2: its content does not match its hash (the row was changed)');
  });
});
