// A citizen asks that her data held by one agency be given to another agency for one dossier: the
// recipient's officer gets exactly the groups asked for, once, with that dossier number; after that,
// or once withdrawn or expired, the request gives nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDisclosureLog } from '../../shared/audit/disclosureLogReader.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const financeOfficer: Who = { role: 'officer', agency: 'so-tai-chinh', purpose: 'public-service-delivery' };
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
const REQUEST_FIELDS = 'id subjectId requestedBy holderAgency recipientAgency caseId fieldGroups status usedAt withdrawnAt';

type Body = { data?: any; errors?: Array<{ path?: (string | number)[]; extensions?: Record<string, unknown> }> };
const reasons = (body: Body) => [...new Set((body.errors ?? []).map((error) => error.extensions?.reason))];
const refusedPaths = (body: Body) => (body.errors ?? []).map((error) => error.path?.join('.')).sort();

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
    const before = await officerAsks(financeOfficer, caseId);
    expect(before.body.data.citizen).toBeNull();
    expect(reasons(before.body)).toEqual(['SUBJECT_REQUEST_REQUIRED']);

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
    expect((await officerAsks(financeOfficer, 'DKKD-2026/000001')).body.data.citizen).toBeNull();
    const taxOfficer: Who = { role: 'officer', agency: 'thue-tinh', purpose: 'public-service-delivery' };
    expect((await officerAsks(taxOfficer, caseId)).body.data.citizen).toBeNull();
    expect((await myRequests(citizen)).find((one) => one.id === requestId)?.status).toBe('OPEN');

    const used = await officerAsks(financeOfficer, caseId);
    const person = seededProvince().citizens.find((candidate) => candidate.id === id)!;
    expect(used.body.data.citizen).toEqual({ id, fullName: name, dateOfBirth: person.dateOfBirth, residence: null });
    expect(reasons(used.body)).toEqual(['SUBJECT_REQUEST_REQUIRED']);
    expect(refusedPaths(used.body)).toEqual(['citizen.residence']);

    // The population register recorded the request as the legal basis.
    const { subgraphs } = await getStack();
    const [record] = await readDisclosureLog(subgraphs.population.database.knex, { all: true }, { filter: { requestId: used.headers.get('x-request-id')!, dataSubject: id }, limit: 10 });
    expect(record).toMatchObject({ agency: 'so-tai-chinh', caseId, decision: 'partial' });
    const disclosed = record.fields.filter((field) => field.decision === 'disclosed');
    expect(disclosed.map((field) => field.field)).toEqual(['Citizen.id', 'Citizen.fullName', 'Citizen.dateOfBirth']);
    expect(disclosed.every((field) => field.basis === `subject-request:${requestId}` && field.rule === null)).toBe(true);

    const mine = (await myRequests(citizen)).find((one) => one.id === requestId)!;
    expect(mine.status).toBe('USED');
    expect(mine.usedAt).toEqual(expect.any(String));

    const again = await officerAsks(financeOfficer, caseId);
    expect(again.body.data.citizen).toBeNull();
    expect(reasons(again.body)).toEqual(['SUBJECT_REQUEST_REQUIRED']);
  });

  it('gives nothing once withdrawn, and nothing once expired', async () => {
    const input = { holderAgency: 'cong-an-tinh', recipientAgency: 'so-tai-chinh', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAWeek() };
    const withdrawn = (await request(citizen, { ...input, caseId: 'DKKD-2026/W1' })).body.data.requestDataProvision;
    const answer = await query(citizen, 'mutation ($id: ID!) { withdrawSubjectRequest(id: $id) { status withdrawnAt } }', { variables: { id: withdrawn.id } });
    expect(answer.body.data.withdrawSubjectRequest).toEqual({ status: 'WITHDRAWN', withdrawnAt: expect.any(String) });
    expect((await officerAsks(financeOfficer, 'DKKD-2026/W1')).body.data.citizen).toBeNull();

    const expiring = (await request(citizen, { ...input, caseId: 'DKKD-2026/E1' })).body.data.requestDataProvision;
    const { subgraphs } = await getStack();
    await subgraphs.platform.database.knex('subject_request').where('id', expiring.id).update({ valid_until: new Date(Date.now() - 1000) });
    expect((await officerAsks(financeOfficer, 'DKKD-2026/E1')).body.data.citizen).toBeNull();
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
      [{ ...good, validUntil: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString() }, 'at most 90 days'],
    ];
    for (const [input, message] of bad) {
      const answer = await request(citizen, input);
      expect(answer.body.data.requestDataProvision).toBeNull();
      expect(answer.body.errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(await myRequests(citizen)).toHaveLength(countBefore);

    // Another person's request can be neither withdrawn nor detected.
    const mine = (await request(citizen, good)).body.data.requestDataProvision;
    const stranger: Who = { role: 'citizen', sub: seededProvince().demoCitizenIds[2] };
    const theirs = await query(stranger, 'mutation ($id: ID!) { withdrawSubjectRequest(id: $id) { status } }', { variables: { id: mine.id } });
    expect(theirs.body.errors?.[0]).toMatchObject({ message: 'You have no request with this id', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await myRequests(stranger)).map((one) => one.id)).not.toContain(mine.id);

    // Officers do not make requests on a citizen's behalf.
    const officer = await request(financeOfficer, good);
    expect(officer.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });
});
