// Who used my data: a citizen lists, across every agency, who read or was refused her data, when,
// which fields, why and on what basis, and it matches what the officers were actually given. An
// agency reviews how its own data was used; a security officer searches everything.
import { beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/src/startGateway.ts';
import { startSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { platformSubgraph } from '../../subgraphs/platform/src/platformSubgraph.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { disclosureAsListed, disclosuresOf, expectDisclosure, type ExpectedDisclosure, type RecordedField } from '../support/expectDisclosure.ts';
import { unusedPort } from '../support/unusedPort.ts';
import { getStack, investigator, justiceOfficer, livePolicyDir, postGraphQL, PROVINCE_OPTIONS, query, seededProvince, tokenFor, tokenSettings, type Who } from '../support/stack.ts';

const ENTRY = 'at requestId register holderAgency agency purpose caseId dataSubject decision fields { field decision legalBasis reason }';
const MY_LOG = `query ($first: Int, $after: String, $from: String) {
  myDataAccessLog(first: $first, after: $after, from: $from) { nodes { ${ENTRY} } pageInfo { hasNextPage endCursor } unavailableRegisters }
}`;
const RELEASE = `mutation ($register: String!, $requestId: ID!) {
  releaseRestrictedDisclosure(register: $register, requestId: $requestId, reason: "The investigation is closed") { requestId }
}`;
const OVERSIGHT = `query ($filter: DataAccessFilter, $first: Int) {
  dataAccessLog(filter: $filter, first: $first) { nodes { principal ${ENTRY} } pageInfo { hasNextPage } unavailableRegisters }
}`;

type Entry = { at: string; requestId: string; register: string; holderAgency: string; agency: string; dataSubject: string; principal?: string; fields: Array<{ field: string; decision: string; legalBasis: string | null; reason: string | null }> };

describe('who used my data', () => {
  let person: string;
  let citizen: Who;
  let policeRequest: string;
  let justiceRequest: string;
  let started: string;
  /** What the police's read left in each register it reached, and the justice officer's in the population register. */
  let police: Record<'population' | 'land' | 'civil-status', ExpectedDisclosure>;
  let justice: ExpectedDisclosure;

  beforeAll(async () => {
    await getStack();
    const province = seededProvince();
    // A living land holder with a birth record, whom no other test reads.
    const holders = new Set(province.parcelHolders.map((holder) => holder.citizenId));
    const born = new Set(province.births.map((birth) => birth.childId));
    person = province.citizens.filter(
      (candidate) => !candidate.dateOfDeath && holders.has(candidate.id) && born.has(candidate.id) && !province.demoCitizenIds.includes(candidate.id),
    )[7].id;
    citizen = { role: 'citizen', sub: person };
    started = new Date().toISOString();
    const policeAnswer = await query(investigator, `{ citizen(id: "${person}") { fullName landParcels { parcelNumber } civilEvents { kind registeredOn } } }`, {
      headers: { 'x-case-id': 'HS-2026/0042' },
    });
    expect(policeAnswer.body.data.citizen.fullName).toBeTypeOf('string');
    policeRequest = policeAnswer.headers.get('x-request-id')!;
    // An investigation is kept from the suspect until released (test/supergraph/restrictedDisclosure.test.ts);
    // released here at once, so that the citizen's log below lists it.
    for (const register of ['population', 'land', 'civil-status']) {
      const release = await query({ role: 'security-officer' }, RELEASE, { variables: { register, requestId: policeRequest } });
      expect(release.body.errors).toBeUndefined();
    }
    const name = province.citizens.find((candidate) => candidate.id === person)!.fullName;
    const justiceAnswer = await query(justiceOfficer, `{ citizen(id: "${person}") { fullName religion } }`);
    expect(justiceAnswer.body.data.citizen.religion).toBeNull();
    expectAnswer(justiceAnswer, { data: { citizen: { fullName: name, religion: null } }, errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED')] });
    justiceRequest = justiceAnswer.headers.get('x-request-id')!;

    const asPolice = { requestId: policeRequest, agency: 'cong-an-tinh', principal: 'dev-officer@cong-an-tinh', roles: ['officer'], purpose: 'criminal-investigation', caseId: 'HS-2026/0042' };
    const byPolice = (rule: string, basis: string, fields: string[]): RecordedField[] => fields.map((field) => ({ field, decision: 'disclosed', basis, rule }));
    const eventTypes = [...new Set((policeAnswer.body.data.citizen.civilEvents as Array<{ kind: string }>).map((event) => event.kind))].map(
      (kind) => kind.charAt(0) + kind.slice(1).toLowerCase(),
    );
    // Every record is about all its people: a parcel's co-holders, the parents named in the birth record, the spouse.
    const crime = (fields: string[]) => byPolice('police-investigates-a-crime', 'criminal-procedure-code-2015', fields);
    const parcelsOfPerson = new Set(province.parcelHolders.filter((holder) => holder.citizenId === person).map((holder) => holder.parcelId));
    const coHolders = new Set(province.parcelHolders.filter((holder) => parcelsOfPerson.has(holder.parcelId) && holder.citizenId && holder.citizenId !== person).map((holder) => holder.citizenId!));
    const birth = province.births.find((record) => record.childId === person)!;
    const parents = [birth.fatherId, birth.motherId].filter((parent): parent is string => parent !== null);
    const spouses = province.marriages.filter((record) => record.husbandId === person || record.wifeId === person).map((record) => (record.husbandId === person ? record.wifeId : record.husbandId));
    police = {
      population: {
        ...asPolice,
        register: 'population',
        subjects: { [person]: byPolice('police-investigates-a-crime', 'criminal-procedure-code-2015', ['Citizen.id', 'Citizen.fullName']) },
      },
      land: {
        ...asPolice,
        register: 'land',
        subjects: {
          [person]: crime(['Citizen.landParcels', 'LandParcel.parcelNumber']),
          ...Object.fromEntries([...coHolders].map((coHolder) => [coHolder, crime(['LandParcel.parcelNumber'])])),
        },
      },
      'civil-status': {
        ...asPolice,
        register: 'civil-status',
        subjects: {
          [person]: crime(['Citizen.civilEvents', ...eventTypes.flatMap((type) => [`${type}.kind`, `${type}.registeredOn`])]),
          ...Object.fromEntries(parents.map((parent) => [parent, crime(['Birth.kind', 'Birth.registeredOn'])])),
          ...Object.fromEntries(spouses.map((spouse) => [spouse, crime(['Marriage.kind', 'Marriage.registeredOn'])])),
        },
      },
    };
    justice = {
      register: 'population',
      requestId: justiceRequest,
      agency: 'so-tu-phap',
      principal: 'dev-officer@so-tu-phap',
      roles: ['officer'],
      purpose: 'civil-status-procedure',
      subjects: {
        [person]: [
          { field: 'Citizen.fullName', decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'justice-registers-civil-status' },
          // The closest rule: the police's, which gives beliefs to the police only.
          { field: 'Citizen.religion', decision: 'refused', reason: 'AGENCY_NOT_ALLOWED', rule: 'police-manage-the-register' },
        ],
      },
    };
  });

  it('was recorded, field by field, by each register the officers read and by no other', async () => {
    await expectDisclosure(police.population);
    await expectDisclosure(police.land);
    await expectDisclosure(police['civil-status']);
    await expectDisclosure(justice);
    for (const register of ['business', 'social', 'platform']) expect({ register, entries: await disclosuresOf(register, policeRequest) }).toEqual({ register, entries: [] });
    for (const register of ['civil-status', 'business', 'land', 'social', 'platform']) {
      expect({ register, entries: await disclosuresOf(register, justiceRequest) }).toEqual({ register, entries: [] });
    }
  });

  it('lists the reads and the refusals, as the officers got them, and only about the citizen', async () => {
    const { body } = await query(citizen, MY_LOG, { variables: { first: 50 } });
    expect(body.errors).toBeUndefined();
    const { nodes, unavailableRegisters } = body.data.myDataAccessLog as { nodes: Entry[]; unavailableRegisters: string[] };
    expect(unavailableRegisters).toEqual([]);
    expect(nodes.every((entry) => entry.dataSubject === person)).toBe(true);

    // Each register's entry lists exactly what that register recorded.
    for (const register of ['population', 'land', 'civil-status'] as const) {
      expect(nodes.filter((entry) => entry.requestId === policeRequest && entry.register === register)).toEqual(
        disclosureAsListed(police[register]).filter((entry) => entry.dataSubject === person).map((entry) => ({ at: expect.any(String), ...entry })),
      );
    }

    expect(nodes.filter((entry) => entry.requestId === justiceRequest)).toEqual(disclosureAsListed(justice).map((entry) => ({ at: expect.any(String), ...entry })));
    // Newest first.
    expect(nodes.map((entry) => entry.at)).toEqual([...nodes.map((entry) => entry.at)].sort().reverse());
    const policeRead = nodes.find((entry) => entry.requestId === policeRequest && entry.register === 'population')!;
    expect(nodes.findIndex((entry) => entry.requestId === justiceRequest)).toBeLessThan(nodes.indexOf(policeRead));
  });

  it('pages through the log with no gap or repeat, and filters by time', async () => {
    const all = (await query(citizen, MY_LOG, { variables: { first: 100 } })).body.data.myDataAccessLog.nodes as Entry[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const paged: Entry[] = [];
    let after: string | null = null;
    do {
      const page: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await query(citizen, MY_LOG, { variables: { first: 1, after } })).body.data.myDataAccessLog;
      paged.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    // Reading one's own log is recorded too (by the platform), so compare what existed before paging.
    const key = (entry: Entry) => `${entry.register}:${entry.requestId}`;
    expect(paged.map(key).filter((one) => all.map(key).includes(one))).toEqual(all.map(key));

    const later = await query(citizen, MY_LOG, { variables: { first: 100, from: new Date(Date.now() + 60_000).toISOString() } });
    expect(later.body.data.myDataAccessLog.nodes).toEqual([]);
    const since = await query(citizen, MY_LOG, { variables: { first: 100, from: started } });
    expect(since.body.data.myDataAccessLog.nodes.map((entry: Entry) => entry.requestId)).toEqual(expect.arrayContaining([policeRequest, justiceRequest]));

    const bad = await query(citizen, MY_LOG, { variables: { after: 'not-a-cursor' } });
    expectAnswer(bad, {
      data: { myDataAccessLog: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'myDataAccessLog', message: '"after" must be an endCursor from an earlier page' }],
    });
  });

  it('does not show a citizen the entries about someone else, nor which officer asked', async () => {
    const other: Who = { role: 'citizen', sub: seededProvince().demoCitizenIds[2] };
    const theirs = (await query(other, MY_LOG, { variables: { first: 100 } })).body.data.myDataAccessLog.nodes as Entry[];
    expect(theirs.some((entry) => entry.requestId === policeRequest || entry.requestId === justiceRequest)).toBe(false);

    const accounts = await query(citizen, '{ myDataAccessLog(first: 1) { nodes { agency principal } } }');
    // The agency is shown (whichever asked last, or none when she read her own log); the account is not.
    expectAnswer(accounts, {
      data: { myDataAccessLog: { nodes: [{ agency: expect.toBeOneOf([null, expect.any(String)]), principal: null }] } },
      errors: [refused('myDataAccessLog.nodes.0.principal', 'ROLE_NOT_ALLOWED')],
    });

    const officer = await query(investigator, MY_LOG);
    expectAnswer(officer, { data: { myDataAccessLog: null }, errors: [refused('myDataAccessLog', 'ROLE_NOT_ALLOWED')] });
  });

  it("lets an agency's data-protection officer review its own register and its own requests, and a security officer search every agency", async () => {
    // The justice department's DPO sees its own register (civil status), whoever asked, and its own officers' requests elsewhere.
    const justiceOversight: Who = { role: 'data-protection-officer', agency: 'so-tu-phap', purpose: 'data-protection-oversight' };
    const own = await query(justiceOversight, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 100 } });
    expect(own.body.errors).toBeUndefined();
    const ownEntries = own.body.data.dataAccessLog.nodes as Entry[];
    // The police read the person's civil events: the civil-status register recorded it.
    expect(ownEntries.map((entry) => `${entry.register}:${entry.agency}:${entry.requestId}`)).toContain(`civil-status:cong-an-tinh:${policeRequest}`);
    expect(ownEntries.filter((entry) => entry.requestId === policeRequest)).toEqual(
      disclosureAsListed(police['civil-status']).filter((entry) => entry.dataSubject === person).map((entry) => ({ at: expect.any(String), principal: 'dev-officer@cong-an-tinh', ...entry })),
    );
    expect(ownEntries.every((entry) => (entry.holderAgency === 'so-tu-phap' && entry.register === 'civil-status') || entry.agency === 'so-tu-phap')).toBe(true);
    // The justice officer's read of the population register is justice's request: its DPO sees it.
    expect(ownEntries.filter((entry) => entry.requestId === justiceRequest)).toEqual(
      disclosureAsListed(justice).map((entry) => ({ at: expect.any(String), principal: 'dev-officer@so-tu-phap', ...entry })),
    );
    // The police's reads of the population register are the police's to review, not justice's.
    expect(ownEntries.some((entry) => entry.register === 'population' && entry.agency === 'cong-an-tinh')).toBe(false);

    const securityOfficer: Who = { role: 'security-officer', purpose: 'data-protection-oversight' };
    const all = await query(securityOfficer, OVERSIGHT, { variables: { filter: { dataSubject: person, consumerAgency: 'cong-an-tinh', from: started }, first: 100 } });
    expect(all.body.errors).toBeUndefined();
    const entries = all.body.data.dataAccessLog.nodes as Entry[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.agency === 'cong-an-tinh' && entry.dataSubject === person)).toBe(true);
    expect(new Set(entries.map((entry) => entry.requestId))).toEqual(new Set([policeRequest]));
    expect(new Set(entries.map((entry) => entry.register))).toEqual(new Set(['population', 'land', 'civil-status']));
    expect(entries.find((entry) => entry.register === 'population')?.principal).toEqual(expect.any(String));

    // Without the oversight purpose, entries are refused like any personal data.
    const noPurpose = await query({ ...securityOfficer, purpose: 'statistics' }, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 1 } });
    // Nothing of any entry may be read: the log can be neither searched, paged through nor counted.
    expectAnswer(noPurpose, { data: { dataAccessLog: null }, errors: [{ code: 'FILTER_NOT_ALLOWED', reason: 'PURPOSE_REQUIRED', path: 'dataAccessLog' }] });
    expectAnswer(await query({ ...securityOfficer, purpose: 'statistics' }, OVERSIGHT, { variables: { first: 1 } }), {
      data: { dataAccessLog: null },
      errors: [refused('dataAccessLog', 'PURPOSE_REQUIRED')],
    });

    const badFilter = await query(securityOfficer, OVERSIGHT, { variables: { filter: { dataSubject: 'x' } } });
    expectAnswer(badFilter, { data: { dataAccessLog: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'dataAccessLog', message: '"dataSubject" is not valid' }] });
  });

  it('pages through one request about several citizens one person at a time, with no gap or repeat', async () => {
    const list = await query(justiceOfficer, '{ citizens(first: 5) { nodes { id fullName } } }');
    const ids = (list.body.data.citizens.nodes as Array<{ id: string }>).map((node) => node.id);
    expect(ids).toHaveLength(5);
    const filter = { requestId: list.headers.get('x-request-id') };
    const securityOfficer: Who = { role: 'security-officer', purpose: 'data-protection-oversight' };
    const PAGE = `query ($filter: DataAccessFilter, $first: Int, $after: String) {
      dataAccessLog(filter: $filter, first: $first, after: $after) { nodes { register dataSubject fields { field } } pageInfo { hasNextPage endCursor } }
    }`;
    const whole = (await query(securityOfficer, PAGE, { variables: { filter, first: 100 } })).body.data.dataAccessLog.nodes as Entry[];
    expect(whole.map((entry) => entry.dataSubject).sort()).toEqual([...ids].sort());
    expect(whole.every((entry) => entry.register === 'population' && entry.fields.map((field) => field.field).join() === 'Citizen.id,Citizen.fullName')).toBe(true);
    const read: RecordedField[] = ['Citizen.id', 'Citizen.fullName'].map((field) => ({ field, decision: 'disclosed', basis: 'civil-status-law-2014', rule: 'justice-registers-civil-status' }));
    await expectDisclosure({
      register: 'population',
      requestId: filter.requestId!,
      agency: 'so-tu-phap',
      purpose: 'civil-status-procedure',
      subjects: Object.fromEntries(ids.map((id) => [id, read])),
    });
    const paged: Entry[] = [];
    let after: string | null = null;
    do {
      const page: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await query(securityOfficer, PAGE, { variables: { filter, first: 2, after } })).body
        .data.dataAccessLog;
      paged.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged.map((entry) => entry.dataSubject)).toEqual(whole.map((entry) => entry.dataSubject));
  });
});

describe('who used my data, with one register out of reach', () => {
  it('answers from the others and names the register whose entries are missing', async () => {
    const { subgraphs } = await getStack();
    const urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const deadLand = `http://127.0.0.1:${await unusedPort()}/graphql`;
    const platform = await startSubgraph(platformSubgraph, {
      port: 0,
      database: {},
      province: PROVINCE_OPTIONS,
      policyDir: livePolicyDir,
      subgraphUrls: () => ({ ...urls, land: deadLand }),
    });
    const gateway = await startGateway({ port: 0, subgraphUrls: { ...urls, platform: platform.url }, tokens: tokenSettings });
    try {
      const person = seededProvince().demoCitizenIds[0];
      await query(justiceOfficer, `{ citizen(id: "${person}") { fullName } }`);
      const { body } = await postGraphQL(`${gateway.url}/graphql`, '{ myDataAccessLog(first: 5) { nodes { register } unavailableRegisters } }', {
        token: tokenFor({ role: 'citizen', sub: person }),
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.myDataAccessLog.unavailableRegisters).toEqual(['land']);
      expect(body.data.myDataAccessLog.nodes.length).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    } finally {
      await gateway.close();
      await platform.close();
    }
  });
});
