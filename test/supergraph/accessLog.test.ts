// Who used my data: a citizen lists, across every agency, who read or was refused her data, when,
// which fields, why and on what basis, and it matches what the officers were actually given. An
// agency reviews how its own data was used; a security officer searches everything.
import { beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/src/startGateway.ts';
import { startSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { platformSubgraph } from '../../subgraphs/platform/src/platformSubgraph.ts';
import { unusedPort } from '../support/unusedPort.ts';
import { getStack, investigator, justiceOfficer, livePolicyDir, postGraphQL, PROVINCE_OPTIONS, query, seededProvince, tokenFor, tokenSettings, type Who } from '../support/stack.ts';

const ENTRY = 'at requestId register holderAgency agency purpose caseId dataSubject decision fields { field decision legalBasis reason }';
const MY_LOG = `query ($first: Int, $after: String, $from: String) {
  myDataAccessLog(first: $first, after: $after, from: $from) { nodes { ${ENTRY} } pageInfo { hasNextPage endCursor } unavailableRegisters }
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
    const police = await query(investigator, `{ citizen(id: "${person}") { fullName landParcels { parcelNumber } civilEvents { kind registeredOn } } }`, {
      headers: { 'x-case-id': 'VKS-2026/00042' },
    });
    expect(police.body.data.citizen.fullName).toBeTypeOf('string');
    policeRequest = police.headers.get('x-request-id')!;
    const justice = await query(justiceOfficer, `{ citizen(id: "${person}") { fullName religion } }`);
    expect(justice.body.data.citizen.religion).toBeNull();
    justiceRequest = justice.headers.get('x-request-id')!;
  });

  it('lists the reads and the refusals, as the officers got them, and only about the citizen', async () => {
    const { body } = await query(citizen, MY_LOG, { variables: { first: 50 } });
    expect(body.errors).toBeUndefined();
    const { nodes, unavailableRegisters } = body.data.myDataAccessLog as { nodes: Entry[]; unavailableRegisters: string[] };
    expect(unavailableRegisters).toEqual([]);
    expect(nodes.every((entry) => entry.dataSubject === person)).toBe(true);

    const police = nodes.find((entry) => entry.requestId === policeRequest && entry.register === 'population')!;
    expect(police).toMatchObject({ holderAgency: 'cong-an-tinh', agency: 'cong-an-tinh', purpose: 'criminal-investigation', caseId: 'VKS-2026/00042', decision: 'DISCLOSED' });
    expect(police.fields).toContainEqual({ field: 'Citizen.fullName', decision: 'DISCLOSED', legalBasis: 'owner', reason: null });

    const justice = nodes.find((entry) => entry.requestId === justiceRequest)!;
    expect(justice).toMatchObject({ register: 'population', agency: 'so-tu-phap', purpose: 'civil-status-procedure', decision: 'PARTIAL' });
    expect(justice.fields).toEqual(
      expect.arrayContaining([
        { field: 'Citizen.fullName', decision: 'DISCLOSED', legalBasis: 'civil-status-law-2014', reason: null },
        { field: 'Citizen.religion', decision: 'REFUSED', legalBasis: null, reason: 'AGENCY_NOT_ALLOWED' },
      ]),
    );
    // Newest first.
    expect(nodes.map((entry) => entry.at)).toEqual([...nodes.map((entry) => entry.at)].sort().reverse());
    expect(nodes.findIndex((entry) => entry.requestId === justiceRequest)).toBeLessThan(nodes.indexOf(police));
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
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('does not show a citizen the entries about someone else, nor which officer asked', async () => {
    const other: Who = { role: 'citizen', sub: seededProvince().demoCitizenIds[2] };
    const theirs = (await query(other, MY_LOG, { variables: { first: 100 } })).body.data.myDataAccessLog.nodes as Entry[];
    expect(theirs.some((entry) => entry.requestId === policeRequest || entry.requestId === justiceRequest)).toBe(false);

    const accounts = await query(citizen, '{ myDataAccessLog(first: 1) { nodes { agency principal } } }');
    expect(accounts.body.data.myDataAccessLog.nodes[0].principal).toBeNull();
    expect(accounts.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });

    const officer = await query(investigator, MY_LOG);
    expect(officer.body.data.myDataAccessLog).toBeNull();
    expect(officer.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an agency review how its own data was used, and a security officer search every agency', async () => {
    // The justice department's oversight sees its own register only (civil status), whoever asked.
    const justiceOversight: Who = { role: 'officer', agency: 'so-tu-phap', purpose: 'data-protection-oversight' };
    const own = await query(justiceOversight, OVERSIGHT, { variables: { filter: { dataSubject: person }, first: 100 } });
    expect(own.body.errors).toBeUndefined();
    const ownEntries = own.body.data.dataAccessLog.nodes as Entry[];
    // The police read the person's civil events: the civil-status register recorded it.
    expect(ownEntries.map((entry) => `${entry.register}:${entry.agency}:${entry.requestId}`)).toContain(`civil-status:cong-an-tinh:${policeRequest}`);
    expect(ownEntries.every((entry) => entry.holderAgency === 'so-tu-phap' && entry.register === 'civil-status')).toBe(true);
    // The justice officer's read of the population register is the police's to review, not justice's.
    expect(ownEntries.some((entry) => entry.requestId === justiceRequest)).toBe(false);

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
    expect(noPurpose.body.errors?.map((error) => error.extensions?.reason)).toContain('PURPOSE_REQUIRED');

    const badFilter = await query(securityOfficer, OVERSIGHT, { variables: { filter: { dataSubject: 'x' } } });
    expect(badFilter.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
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
