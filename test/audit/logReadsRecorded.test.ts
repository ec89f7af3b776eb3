// Which reads of an agency's disclosure log the log records: a look at someone else's entries is a row
// under that person (a parent's look at a child's entries included, with the parent as guardian); the
// platform's impact replay, which shows no one an entry, is not, and only for a caller who may read the
// whole log. Asked of the route itself, on an embedded database with the log's own migrations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/Principal.ts';
import { loggedRequest, verifyDisclosureChain } from '../../shared/audit/disclosureChain.ts';
import { disclosureLogRoute } from '../../shared/audit/disclosureLogReader.ts';
import { disclosureLogMigrations } from '../../shared/audit/disclosureLogMigrations.ts';
import { createDisclosureWriter } from '../../shared/audit/disclosureWriter.ts';
import { migrationSource } from '../../shared/db/migrationSource.ts';
import { openDatabase, type Database } from '../../shared/db/openDatabase.ts';

const CHILD = '033217982486';
const PARENT = '033094279365';
const route = disclosureLogRoute('population');
const caller = (who: Partial<Principal> & { requestId: string }): Principal => ({ subject: null, agency: null, roles: [], purpose: null, caseId: null, ...who });
const securityOfficer = (requestId: string) => caller({ subject: 'so-khcn-attt-01', agency: 'so-khoa-hoc-cong-nghe', roles: ['security-officer'], requestId });
const officer = (requestId: string) => caller({ subject: 'ca-dtv-07', agency: 'cong-an-tinh', roles: ['officer'], requestId });

describe('reads of a disclosure log, as the log records them', () => {
  let database: Database;
  let writer: ReturnType<typeof createDisclosureWriter>;
  const rowsOf = async (requestId: string) =>
    database.knex('disclosure_log').select({ principal: 'principal', guardian: 'guardian', dataSubjects: 'data_subjects' }).where('request_id', requestId);

  beforeAll(async () => {
    database = await openDatabase({});
    await database.knex.migrate.latest({ migrationSource: migrationSource(disclosureLogMigrations) });
    writer = createDisclosureWriter(database.knex);
    // A police officer's read of the child's name: the entry every read below is shown.
    await writer.write({
      ...loggedRequest(caller({ subject: 'ca-dtv-07', agency: 'cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation', requestId: 'police-read' }), new Date().toISOString()),
      dataSubjects: [CHILD],
      outcomes: [{ decision: 'disclosed', fields: [{ fields: ['Citizen.fullName'], decision: 'disclosed', basis: 'police-law-2014', rule: 'police' }] }],
      decision: 'disclosed',
    });
  });
  afterAll(() => database.close());

  it("records a security officer's look at the child's entries under the child", async () => {
    const { entries } = (await route.handle(securityOfficer('look'), { filter: {}, limit: 10 }, database.knex, writer)) as { entries: unknown[] };
    expect(entries).toHaveLength(1);
    expect(await rowsOf('look')).toEqual([{ principal: 'so-khcn-attt-01', guardian: null, dataSubjects: [CHILD] }]);
  });

  it("does not record the impact replay's read, which shows no one an entry", async () => {
    const rowsBefore = await database.knex('disclosure_log').count({ rows: '*' }).first();
    const { entries } = (await route.handle(securityOfficer('replay'), { filter: {}, limit: 10, forImpactReplay: true }, database.knex, writer)) as { entries: unknown[] };
    // The police read and the look above: both shown to the platform, neither recorded again.
    expect(entries).toHaveLength(2);
    expect(await database.knex('disclosure_log').count({ rows: '*' }).first()).toEqual(rowsBefore);
  });

  it('records the read of a caller who may not read the whole log, whatever the flag says', async () => {
    const { entries } = (await route.handle(officer('own-requests'), { filter: {}, limit: 10, forImpactReplay: true }, database.knex, writer)) as { entries: unknown[] };
    // The officer's own request: his scope shows it, and the look is recorded.
    expect(entries).toHaveLength(1);
    expect(await rowsOf('own-requests')).toEqual([{ principal: 'ca-dtv-07', guardian: null, dataSubjects: [CHILD] }]);
  });

  it("records a parent's look at the child's own log under the child, with the parent as guardian, and the chain holds", async () => {
    const parent = caller({ subject: CHILD, guardian: PARENT, roles: ['citizen'], purpose: 'citizen-self-service', requestId: 'parent-look' });
    const { entries } = (await route.handle(parent, { filter: {}, limit: 10 }, database.knex, writer)) as { entries: Array<{ dataSubject: string }> };
    expect(entries.every((entry) => entry.dataSubject === CHILD)).toBe(true);
    expect(await rowsOf('parent-look')).toEqual([{ principal: CHILD, guardian: PARENT, dataSubjects: [CHILD] }]);
    // The child reading her own log discloses nothing to anyone.
    await route.handle(caller({ subject: CHILD, roles: ['citizen'], requestId: 'own-look' }), { filter: {}, limit: 10 }, database.knex, writer);
    expect(await rowsOf('own-look')).toEqual([]);
    expect(await verifyDisclosureChain(database.knex)).toMatchObject({ broken: null });
  });
});
