// Oversight is a role, and an investigation is kept from its suspect: a police read under a criminal
// investigation stays out of the citizen's log (no entry, no count, no gap in paging) until an
// oversight officer releases it; the police's data-protection officer sees it, marked; a clerk sees
// only his own requests, an agency's DPO its register and its own officers' requests; and every look
// at someone's entries is itself in that person's log.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureRecord } from '../../shared/audit/disclosureChain.ts';
import { readDisclosureLog } from '../../shared/audit/disclosureLogReader.ts';
import { releaseRestrictedDisclosure } from '../../shared/audit/disclosureReleaseRoute.ts';
import { createDisclosureWriter } from '../../shared/audit/disclosureWriter.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const MY_LOG = `query ($first: Int, $after: String) {
  myDataAccessLog(first: $first, after: $after) { nodes { at requestId register agency purpose caseId dataSubject decision fields { field decision legalBasis } } pageInfo { hasNextPage endCursor } unavailableRegisters }
}`;
const OVERSIGHT = `query ($filter: DataAccessFilter, $first: Int) {
  dataAccessLog(filter: $filter, first: $first) {
    nodes { requestId register agency principal purpose caseId dataSubject restricted { legalBasis notifyAfter releasedAt hiddenFromDataSubject } }
    pageInfo { hasNextPage } unavailableRegisters
  }
}`;
const RELEASE = `mutation ($register: String!, $requestId: ID!, $reason: String!) {
  releaseRestrictedDisclosure(register: $register, requestId: $requestId, reason: $reason) { register requestId releasedAt releasedBy reason }
}`;

type Entry = { at: string; requestId: string; register: string; agency: string | null; principal?: string; dataSubject: string; fields: Array<{ field: string; decision: string; legalBasis: string | null }> };
type Page = { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; unavailableRegisters: string[] };

const policeInvestigator: Who = { role: 'officer', agency: 'cong-an-tinh', sub: 'investigator-7@cong-an-tinh', purpose: 'criminal-investigation' };
const policeDpo: Who = { role: 'data-protection-officer', agency: 'cong-an-tinh', sub: 'dpo@cong-an-tinh', purpose: 'data-protection-oversight' };
const justiceDpo: Who = { role: 'data-protection-officer', agency: 'so-tu-phap', sub: 'dpo@so-tu-phap', purpose: 'data-protection-oversight' };
const CASE = { 'x-case-id': 'HS-2026/0042' };

/** A different person for each index, whom no other test reads: living, not in the demo set, near the end of the register. */
function untouchedPerson(index: number): string {
  const province = seededProvince();
  const living = province.citizens.filter((candidate) => !candidate.dateOfDeath && !province.demoCitizenIds.includes(candidate.id));
  return living[living.length - 41 - index].id;
}

describe('a read under a criminal investigation', () => {
  let person: string;
  let suspect: Who;
  /** The citizen's own reads of the log: the platform records them too, about himself. */
  const ownReads = new Set<string>();
  let before: Page;
  let policeRequest: string;
  let dpoLook: string;

  async function myLog(variables: Record<string, unknown>): Promise<Page> {
    const answer = await query(suspect, MY_LOG, { variables });
    expect(answer.body.errors).toBeUndefined();
    ownReads.add(answer.headers.get('x-request-id')!);
    return answer.body.data.myDataAccessLog;
  }

  /** The citizen's log as others' requests left it (his own reads of it aside). */
  // Cursors are sealed afresh on every answer (a new nonce each time): compared by what they lead to, not by their bytes.
  const othersIn = (page: Page) => ({ ...page, pageInfo: { hasNextPage: page.pageInfo.hasNextPage }, nodes: page.nodes.filter((entry) => !ownReads.has(entry.requestId)) });

  /** Every entry, a page of one at a time. */
  async function pagedLog(): Promise<Entry[]> {
    const entries: Entry[] = [];
    let after: string | null = null;
    do {
      const page = await myLog({ first: 1, after });
      entries.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return entries.filter((entry) => !ownReads.has(entry.requestId));
  }

  beforeAll(async () => {
    await getStack();
    person = untouchedPerson(0);
    suspect = { role: 'citizen', sub: person };
    // Someone read the person's data before, openly: the log is not empty.
    expect((await query({ role: 'officer', agency: 'so-tu-phap', purpose: 'civil-status-procedure' }, `{ citizen(id: "${person}") { fullName } }`)).body.errors).toBeUndefined();
    before = await myLog({ first: 100 });
    expect(othersIn(before).nodes.length).toBeGreaterThan(0);

    const read = await query(policeInvestigator, `{ citizen(id: "${person}") { fullName dateOfBirth } }`, { headers: CASE });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.citizen.fullName).toBeTypeOf('string');
    policeRequest = read.headers.get('x-request-id')!;
  });

  it('is not in the suspect\'s log: the same entries, the same pages, no gap', async () => {
    const after = await myLog({ first: 100 });
    expect(othersIn(after)).toEqual(othersIn(before));
    expect(after.nodes.some((entry) => entry.requestId === policeRequest)).toBe(false);
    const paged = await pagedLog();
    expect(paged).toEqual(othersIn(before).nodes);
  });

  it("is shown to the police's data-protection officer, marked restricted, and her look leaves no trace for the suspect", async () => {
    const review = await query(policeDpo, OVERSIGHT, { variables: { filter: { requestId: policeRequest }, first: 10 } });
    dpoLook = review.headers.get('x-request-id')!;
    expectAnswer(review, {
      data: {
        dataAccessLog: {
          nodes: [
            {
              requestId: policeRequest,
              register: 'population',
              agency: 'cong-an-tinh',
              principal: 'investigator-7@cong-an-tinh',
              purpose: 'criminal-investigation',
              caseId: 'HS-2026/0042',
              dataSubject: person,
              restricted: { legalBasis: 'criminal-procedure-code-2015', notifyAfter: 'until-released', releasedAt: null, hiddenFromDataSubject: true },
            },
          ],
          pageInfo: { hasNextPage: false },
          unavailableRegisters: [],
        },
      },
    });
    const after = await myLog({ first: 100 });
    expect(after.nodes.some((entry) => entry.requestId === policeRequest || entry.requestId === dpoLook)).toBe(false);
    expect(othersIn(after)).toEqual(othersIn(before));
  });

  it('is released only by an oversight officer of the owner agency, the province or security', async () => {
    const reason = 'The investigation is closed';
    const clerk = await query({ role: 'officer', agency: 'cong-an-tinh', purpose: 'criminal-investigation' }, RELEASE, { variables: { register: 'population', requestId: policeRequest, reason } });
    expectAnswer(clerk, { data: { releaseRestrictedDisclosure: null }, errors: [refused('releaseRestrictedDisclosure', 'ROLE_NOT_ALLOWED')] });
    const otherAgency = await query(justiceDpo, RELEASE, { variables: { register: 'population', requestId: policeRequest, reason } });
    expectAnswer(otherAgency, { data: { releaseRestrictedDisclosure: null }, errors: [refused('releaseRestrictedDisclosure', 'AGENCY_NOT_ALLOWED')] });
    const noReason = await query(policeDpo, RELEASE, { variables: { register: 'population', requestId: policeRequest, reason: ' ' } });
    expectAnswer(noReason, {
      data: { releaseRestrictedDisclosure: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'releaseRestrictedDisclosure', message: '"reason" must say why, in 1 to 500 characters' }],
    });
    // The land register holds none of this request (and answers only its own agency's DPO, the province's or security).
    const elsewhere = await query({ role: 'security-officer' }, RELEASE, { variables: { register: 'land', requestId: policeRequest, reason } });
    expectAnswer(elsewhere, {
      data: { releaseRestrictedDisclosure: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'releaseRestrictedDisclosure', message: `The land register holds no restricted disclosure of request "${policeRequest}"` }],
    });
    // None of these released anything.
    expect((await myLog({ first: 100 })).nodes.some((entry) => entry.requestId === policeRequest)).toBe(false);

    const released = await query(policeDpo, RELEASE, { variables: { register: 'population', requestId: policeRequest, reason } });
    expectAnswer(released, {
      data: { releaseRestrictedDisclosure: { register: 'population', requestId: policeRequest, releasedAt: expect.any(String), releasedBy: 'dpo@cong-an-tinh', reason } },
    });
    const again = await query({ role: 'security-officer' }, RELEASE, { variables: { register: 'population', requestId: policeRequest, reason: 'again' } });
    expect(again.body.data.releaseRestrictedDisclosure).toEqual(released.body.data.releaseRestrictedDisclosure);
  });

  it("then appears in the suspect's log, with the data-protection officer's look at it", async () => {
    const entries = (await myLog({ first: 100 })).nodes;
    expect(entries.filter((entry) => entry.requestId === policeRequest)).toEqual([
      {
        at: expect.any(String),
        requestId: policeRequest,
        register: 'population',
        agency: 'cong-an-tinh',
        purpose: 'criminal-investigation',
        caseId: 'HS-2026/0042',
        dataSubject: person,
        decision: 'DISCLOSED',
        fields: ['Citizen.fullName', 'Citizen.dateOfBirth'].map((field) => ({ field, decision: 'DISCLOSED', legalBasis: 'criminal-procedure-code-2015' })),
      },
    ]);
    // The population register recorded that the police's DPO read the entry; the platform, which fields of it she was given.
    const looks = entries.filter((entry) => entry.requestId === dpoLook);
    expect(looks.find((entry) => entry.register === 'population')).toEqual({
      at: expect.any(String),
      requestId: dpoLook,
      register: 'population',
      agency: 'cong-an-tinh',
      purpose: 'data-protection-oversight',
      caseId: null,
      dataSubject: person,
      decision: 'DISCLOSED',
      fields: [{ field: 'DataAccess.entry', decision: 'DISCLOSED', legalBasis: 'pdpl-2025-state-duties' }],
    });
    expect(looks.map((entry) => entry.register).sort()).toEqual(['platform', 'population']);
  });
});

describe('who may review which entries of the log', () => {
  let person: string;
  let clerkRequest: string;
  let otherClerkRequest: string;
  let policeRequest: string;
  const clerk: Who = { role: 'officer', agency: 'so-tu-phap', sub: 'clerk-a@so-tu-phap', purpose: 'civil-status-procedure' };
  const otherClerk: Who = { ...clerk, sub: 'clerk-b@so-tu-phap' };

  beforeAll(async () => {
    await getStack();
    person = untouchedPerson(1);
    clerkRequest = (await query(clerk, `{ citizen(id: "${person}") { fullName } }`)).headers.get('x-request-id')!;
    otherClerkRequest = (await query(otherClerk, `{ citizen(id: "${person}") { fullName } }`)).headers.get('x-request-id')!;
    policeRequest = (await query(policeInvestigator, `{ citizen(id: "${person}") { fullName } }`, { headers: CASE })).headers.get('x-request-id')!;
  });

  it('shows a clerk only the entries of his own requests, and cannot count the others', async () => {
    const own = await query(clerk, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 100 } });
    expect(own.body.errors).toBeUndefined();
    const entries = own.body.data.dataAccessLog.nodes as Entry[];
    expect(entries.map((entry) => entry.requestId)).toEqual([clerkRequest]);
    expect(entries[0]).toMatchObject({ register: 'population', agency: 'so-tu-phap', principal: 'clerk-a@so-tu-phap', dataSubject: person });
    // Another clerk's request, the police's, anything: not even how many there are.
    for (const requestId of [otherClerkRequest, policeRequest]) {
      const probe = await query(clerk, 'query ($filter: DataAccessFilter) { dataAccessLog(filter: $filter) { nodes { __typename } pageInfo { hasNextPage } } }', {
        variables: { filter: { requestId } },
      });
      expectAnswer(probe, { data: { dataAccessLog: { nodes: [], pageInfo: { hasNextPage: false } } } });
    }
  });

  it("shows a data-protection officer her register's entries and her own officers' requests elsewhere, not the police's reads of the population register", async () => {
    const review = await query(justiceDpo, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 100 } });
    expect(review.body.errors).toBeUndefined();
    const entries = review.body.data.dataAccessLog.nodes as Entry[];
    // In the population register: the clerks' reads (and the clerk's look at his own entries), all justice's requests.
    const population = entries.filter((entry) => entry.register === 'population');
    expect(population.map((entry) => entry.requestId)).toEqual(expect.arrayContaining([clerkRequest, otherClerkRequest]));
    expect(population.every((entry) => entry.agency === 'so-tu-phap')).toBe(true);
    expect(entries.some((entry) => entry.requestId === policeRequest)).toBe(false);

    // The police's own DPO sees every read of the police's register; the province's DPO (of ubnd-tinh) every read of any.
    const mine = [clerkRequest, otherClerkRequest, policeRequest];
    const police = (await query(policeDpo, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 100 } })).body.data.dataAccessLog.nodes as Entry[];
    expect(police.filter((entry) => entry.register === 'population').map((entry) => entry.requestId)).toEqual(expect.arrayContaining(mine));
    const provinceDpo: Who = { role: 'data-protection-officer', agency: 'ubnd-tinh', sub: 'dpo@ubnd-tinh', purpose: 'data-protection-oversight' };
    const province = (await query(provinceDpo, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 100 } })).body.data.dataAccessLog.nodes as Entry[];
    expect(province.filter((entry) => entry.register === 'population').map((entry) => entry.requestId)).toEqual(expect.arrayContaining(mine));
  });

  it("records each look at someone's entries in that person's log, under the reader", async () => {
    const look = await query(justiceDpo, OVERSIGHT, { variables: { filter: { requestId: clerkRequest }, first: 10 } });
    expect(look.body.errors).toBeUndefined();
    const lookRequest = look.headers.get('x-request-id')!;
    const theirs = (await query({ role: 'citizen', sub: person }, MY_LOG, { variables: { first: 100 } })).body.data.myDataAccessLog.nodes as Entry[];
    expect(theirs.find((entry) => entry.requestId === lookRequest && entry.register === 'population')).toEqual({
      at: expect.any(String),
      requestId: lookRequest,
      register: 'population',
      agency: 'so-tu-phap',
      purpose: 'data-protection-oversight',
      caseId: null,
      dataSubject: person,
      decision: 'DISCLOSED',
      fields: [{ field: 'DataAccess.entry', decision: 'DISCLOSED', legalBasis: 'pdpl-2025-state-duties' }],
    });
    // The police's read is still restricted: it is not there, nor is any look at it.
    expect(theirs.some((entry) => entry.requestId === policeRequest)).toBe(false);
  });
});

describe('a restriction for a fixed period, in the register', () => {
  it('hides the entry from its subject until the period after the disclosure is over, and keeps releases as written', async () => {
    const { subgraphs } = await getStack();
    const { knex } = subgraphs.population.database;
    const subject = untouchedPerson(2);
    const writer = createDisclosureWriter(knex);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const disclosure = (requestId: string, at: string, notifyAfter: string): DisclosureRecord => ({
      requestId, at, principal: 'investigator-7@cong-an-tinh', agency: 'cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation', caseId: 'HS-2026/0042',
      dataSubjects: [subject],
      outcomes: [{ decision: 'disclosed', fields: [{ fields: ['Citizen.fullName'], decision: 'disclosed', basis: 'criminal-procedure-code-2015', rule: 'police-investigates-a-crime', restricted: { legalBasis: 'criminal-procedure-code-2015', notifyAfter } }] }],
      decision: 'disclosed',
    });
    const over = `period-over-${Date.now()}`;
    const running = `period-running-${Date.now()}`;
    await writer.write(disclosure(over, daysAgo(10), 'P1W'));
    await writer.write(disclosure(running, daysAgo(10), 'P1M'));
    // Other tests may read this person through a page of a ward: only this test's two requests count here.
    const ours = (entries: Awaited<ReturnType<typeof readDisclosureLog>>) => entries.filter((entry) => entry.requestId === over || entry.requestId === running);
    const own = ours(await readDisclosureLog(knex, { all: false, dataSubject: subject }, { filter: {}, limit: 100 }));
    expect(own.map((entry) => entry.requestId)).toEqual([over]);
    expect(own[0].restricted).toEqual({ legalBasis: 'criminal-procedure-code-2015', notifyAfter: 'P1W', releasedAt: null, hiddenFromDataSubject: false, requestId: over });
    const oversight = ours(await readDisclosureLog(knex, { all: true }, { filter: { dataSubject: subject }, limit: 100 }));
    // Newest first: written in that order at the same instant, the later row comes first.
    expect(oversight.map((entry) => [entry.requestId, entry.restricted?.hiddenFromDataSubject])).toEqual([[running, true], [over, false]]);

    // A release stays as written: an update or delete of it changes nothing.
    await releaseRestrictedDisclosure(knex, { subject: 'dpo@cong-an-tinh', agency: 'cong-an-tinh', roles: ['data-protection-officer'], purpose: null, caseId: null, requestId: 'r-release' }, 'cong-an-tinh', { requestId: running, reason: 'Closed' });
    await knex('disclosure_release').where('request_id', running).update({ reason: 'rewritten' });
    await knex('disclosure_release').where('request_id', running).delete();
    expect(await knex('disclosure_release').select('reason').where('request_id', running)).toEqual([{ reason: 'Closed' }]);
    expect(ours(await readDisclosureLog(knex, { all: false, dataSubject: subject }, { filter: {}, limit: 100 })).map((entry) => entry.requestId).sort()).toEqual([over, running].sort());
  });
});
