// A citizen asks that her data held by one agency be given to another agency for one dossier: the
// recipient's officer gets exactly the groups asked for, once, with that dossier number; after that,
// or once withdrawn or expired, the request gives nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { daysFromNow, inAWeek } from '../support/dates.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { expectDisclosure } from '../support/expectDisclosure.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const financeOfficer: Who = { role: 'officer', agency: 'so-tai-chinh', purpose: 'public-service-delivery' };
const REQUEST_FIELDS = 'id subjectId requestedBy holderAgency recipientAgency caseId fieldGroups status usedAt withdrawnAt';

/** What an officer gets for `officerAsks` without an open request of the citizen for their agency and case. */
const nothingWithoutARequest = {
  data: { citizen: null },
  errors: [refused('citizen', 'SUBJECT_REQUEST_REQUIRED')],
};

describe('a subject request (the citizen asks that her data be given to another agency for one case)', () => {
  let citizen: Who;
  let id: string;
  let name: string;

  const request = (who: Who, input: Record<string, unknown>) =>
    query(who, `mutation ($input: DataProvisionInput!) { requestDataProvision(input: $input) { ${REQUEST_FIELDS} } }`, { variables: { input } });
  const myRequests = async (who: Who) => (await query(who, `{ mySubjectRequests { ${REQUEST_FIELDS} } }`)).body.data.mySubjectRequests as Array<Record<string, unknown>>;
  const officerAsks = (who: Who, caseId: string) =>
    query(who, `{ citizen(id: "${id}") { id fullName dateOfBirth residence { address } } }`, { headers: { 'x-case-id': caseId } });

  beforeAll(async () => {
    await getStack();
    const person = seededProvince().citizens.filter((candidate) => !candidate.dateOfDeath && !seededProvince().demoCitizenIds.includes(candidate.id))[40];
    id = person.id;
    name = person.fullName;
    citizen = { role: 'citizen', sub: id };
  });

  it('is used once by the recipient naming the case, for the groups asked for only', async () => {
    const caseId = 'DKKD-2026/004217';
    expectAnswer(await officerAsks(financeOfficer, caseId), nothingWithoutARequest);

    const made = await request(citizen, {
      holderAgency: 'cong-an-tinh',
      recipientAgency: 'so-tai-chinh',
      caseId,
      fieldGroups: ['population.citizen:key', 'population.citizen:identity'],
      validUntil: inAWeek(),
    });
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data.requestDataProvision).toMatchObject({
      subjectId: id, requestedBy: id, holderAgency: 'cong-an-tinh', recipientAgency: 'so-tai-chinh', caseId, status: 'OPEN', usedAt: null,
    });
    const requestId = made.body.data.requestDataProvision.id as string;

    // Another case of the same agency, and another agency with the same case: not theirs, and not used up.
    expectAnswer(await officerAsks(financeOfficer, 'DKKD-2026/000001'), nothingWithoutARequest);
    const taxOfficer: Who = { role: 'officer', agency: 'thue-tinh', purpose: 'public-service-delivery' };
    expectAnswer(await officerAsks(taxOfficer, caseId), nothingWithoutARequest);
    expect((await myRequests(citizen)).find((one) => one.id === requestId)?.status).toBe('OPEN');

    const used = await officerAsks(financeOfficer, caseId);
    const person = seededProvince().citizens.find((candidate) => candidate.id === id)!;
    expectAnswer(used, {
      data: { citizen: { id, fullName: name, dateOfBirth: person.dateOfBirth, residence: null } },
      errors: [refused('citizen.residence', 'SUBJECT_REQUEST_REQUIRED')],
    });

    // The population register recorded the request as the legal basis.
    const basis = `subject-request:${requestId}`;
    await expectDisclosure({
      register: 'population',
      requestId: used.headers.get('x-request-id')!,
      agency: 'so-tai-chinh',
      purpose: 'public-service-delivery',
      caseId,
      subjects: {
        [id]: [
          { field: 'Citizen.id', decision: 'disclosed', basis, rule: null },
          { field: 'Citizen.fullName', decision: 'disclosed', basis, rule: null },
          { field: 'Citizen.dateOfBirth', decision: 'disclosed', basis, rule: null },
          { field: 'Citizen.residence', decision: 'refused', reason: 'SUBJECT_REQUEST_REQUIRED', rule: 'agencies-receive-what-the-citizen-asked-for' },
        ],
      },
    });

    const mine = (await myRequests(citizen)).find((one) => one.id === requestId)!;
    expect(mine.status).toBe('USED');
    expect(mine.usedAt).toEqual(expect.any(String));

    expectAnswer(await officerAsks(financeOfficer, caseId), nothingWithoutARequest);
  });

  it('is left open by a read of fields it does not cover, a guessed case or another agency, and used by the right read', async () => {
    const caseId = 'DKKD-2026/000311';
    const made = await request(citizen, {
      holderAgency: 'cong-an-tinh',
      recipientAgency: 'so-tai-chinh',
      caseId,
      fieldGroups: ['population.citizen:identity'],
      validUntil: inAWeek(),
    });
    const requestId = made.body.data.requestDataProvision.id as string;
    const status = async () => (await myRequests(citizen)).find((one) => one.id === requestId)?.status;
    const residenceOnly = `{ citizen(id: "${id}") { residence { address } } }`;
    const nameOnly = `{ citizen(id: "${id}") { fullName } }`;

    // The right agency and case, but only a field the request does not cover: refused, and still open.
    expectAnswer(await query(financeOfficer, residenceOnly, { headers: { 'x-case-id': caseId } }), {
      data: { citizen: { residence: null } },
      errors: [refused('citizen.residence', 'SUBJECT_REQUEST_REQUIRED')],
    });
    expect(await status()).toBe('OPEN');
    // A guessed case of the right agency, and the right case from another agency: nothing, still open.
    // Nothing of the record could be read on their side: the lookup itself is refused (no existence shown).
    const refusedName = { data: { citizen: null }, errors: [refused('citizen', 'SUBJECT_REQUEST_REQUIRED')] };
    expectAnswer(await query(financeOfficer, nameOnly, { headers: { 'x-case-id': 'DKKD-2026/000312' } }), refusedName);
    const taxOfficer: Who = { role: 'officer', agency: 'thue-tinh', purpose: 'public-service-delivery' };
    expectAnswer(await query(taxOfficer, nameOnly, { headers: { 'x-case-id': caseId } }), refusedName);
    expect(await status()).toBe('OPEN');

    // The recipient naming the case and reading a covered field uses it, once.
    expectAnswer(await query(financeOfficer, nameOnly, { headers: { 'x-case-id': caseId } }), { data: { citizen: { fullName: name } } });
    expect(await status()).toBe('USED');
    expectAnswer(await query(financeOfficer, nameOnly, { headers: { 'x-case-id': caseId } }), refusedName);
  });

  it('gives nothing once withdrawn, and nothing once expired', async () => {
    const input = { holderAgency: 'cong-an-tinh', recipientAgency: 'so-tai-chinh', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAWeek() };
    const withdrawn = (await request(citizen, { ...input, caseId: 'DKKD-2026/W1' })).body.data.requestDataProvision;
    const answer = await query(citizen, 'mutation ($id: ID!) { withdrawSubjectRequest(id: $id) { status withdrawnAt } }', { variables: { id: withdrawn.id } });
    expect(answer.body.data.withdrawSubjectRequest).toEqual({ status: 'WITHDRAWN', withdrawnAt: expect.any(String) });
    expectAnswer(await officerAsks(financeOfficer, 'DKKD-2026/W1'), nothingWithoutARequest);

    const expiring = (await request(citizen, { ...input, caseId: 'DKKD-2026/E1' })).body.data.requestDataProvision;
    const { subgraphs } = await getStack();
    await subgraphs.platform.database.knex('subject_request').where('id', expiring.id).update({ valid_until: new Date(Date.now() - 1000) });
    expectAnswer(await officerAsks(financeOfficer, 'DKKD-2026/E1'), nothingWithoutARequest);
    expect((await myRequests(citizen)).find((one) => one.id === expiring.id)?.status).toBe('EXPIRED');
  });

  it('refuses bad requests with a clear message and records nothing', async () => {
    const good = { holderAgency: 'cong-an-tinh', recipientAgency: 'so-tai-chinh', caseId: 'DKKD-2026/B1', fieldGroups: ['population.citizen:identity'], validUntil: inAWeek() };
    const countBefore = (await myRequests(citizen)).length;
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...good, recipientAgency: 'ngan-hang-abc' }, 'Unknown agency "ngan-hang-abc"'],
      [{ ...good, recipientAgency: 'cong-an-tinh' }, 'another agency'],
      [{ ...good, fieldGroups: ['population.citizen:beliefs'] }, 'is not a field group that can be given on your request'],
      [{ ...good, holderAgency: 'so-tu-phap' }, 'is held by cong-an-tinh'],
      [{ ...good, caseId: 'DROP TABLE;--' }, '"caseId" must be a dossier number'],
      [{ ...good, validUntil: '2020-01-01' }, 'already past'],
      [{ ...good, validUntil: daysFromNow(400) }, 'at most 90 days'],
    ];
    for (const [input, message] of bad) {
      expectAnswer(await request(citizen, input), {
        data: { requestDataProvision: null },
        errors: [{ code: 'BAD_USER_INPUT', path: 'requestDataProvision', message: expect.stringContaining(message) }],
      });
    }
    expect(await myRequests(citizen)).toHaveLength(countBefore);

    // Another person's request can be neither withdrawn nor detected.
    const mine = (await request(citizen, good)).body.data.requestDataProvision;
    const stranger: Who = { role: 'citizen', sub: seededProvince().demoCitizenIds[2] };
    const theirs = await query(stranger, 'mutation ($id: ID!) { withdrawSubjectRequest(id: $id) { status } }', { variables: { id: mine.id } });
    expectAnswer(theirs, {
      data: { withdrawSubjectRequest: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'withdrawSubjectRequest', message: 'You have no request with this id' }],
    });
    expect((await myRequests(stranger)).map((one) => one.id)).not.toContain(mine.id);

    // Officers do not make requests on a citizen's behalf.
    expectAnswer(await request(financeOfficer, good), { data: { requestDataProvision: null }, errors: [refused('requestDataProvision', 'ROLE_NOT_ALLOWED')] });
  });
});
