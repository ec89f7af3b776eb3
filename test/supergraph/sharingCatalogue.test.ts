// Officers find what other agencies' registers offer, who owns it and how to connect, in a catalogue the
// platform generates from the policies in force: a group added appears, a removed one stays listed as
// REMOVED with its date, a switched-off one shows its notice. Citizens and callers without a token are
// refused, in GraphQL and in the JSON export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARING_SERVICE_SELECTION, SHARING_SERVICES_EXPORT_PATH } from '../../gateway/src/sharingServicesExport.ts';
import { AGENCIES } from '../../shared/catalogue/platformCatalogue.ts';
import { DEFAULT_POLICY_DIR } from '../../shared/policy/loadSubgraphPolicies.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { policiesInForce, putPoliciesInForce, restorePolicies, within, CITIZEN_POLICY, fileIn } from '../support/policyEdits.ts';
import { getStack, justiceOfficer, query, seededProvince, tokenFor, type Who } from '../support/stack.ts';

const IDENTITY = 'population.citizen:identity';
/** A social-insurance officer looking for what it may ask for: no purpose needed to read the catalogue. */
const insuranceOfficer: Who = { role: 'officer', agency: 'bhxh-tinh' };
const citizen: Who = { role: 'citizen', sub: '033194012345' };

const ONE = `query ($id: ID!) { sharingService(id: $id) { ${SHARING_SERVICE_SELECTION} } }`;
const LIST = `query ($filter: SharingServiceFilter, $first: Int, $after: String) {
  sharingServices(filter: $filter, first: $first, after: $after) { nodes { id ownerAgency classification purposes status } pageInfo { hasNextPage endCursor } totalCount }
}`;

interface Listed {
  id: string;
  ownerAgency: string;
  classification: string;
  purposes: string[];
  status: string;
}

/** Every page of the catalogue under a filter, as `who` reads it. */
async function allServices(who: Who, filter: Record<string, unknown> = {}): Promise<Listed[]> {
  const services: Listed[] = [];
  let after: string | null = null;
  do {
    const { body } = await query(who, LIST, { variables: { filter, first: 200, after } });
    expect(body.errors).toBeUndefined();
    services.push(...body.data.sharingServices.nodes);
    after = body.data.sharingServices.pageInfo.hasNextPage ? body.data.sharingServices.pageInfo.endCursor : null;
  } while (after);
  return services;
}

/** The seed policy of the population register's citizens, as the security officers wrote it. */
const seedCitizenPolicy = parseYaml(readFileSync(join(DEFAULT_POLICY_DIR, CITIZEN_POLICY), 'utf8')) as {
  about: string;
  rules: Array<{ id: string; may_read: string[]; own_record?: boolean; roles: string[]; agencies?: string[]; purposes?: string[]; legal_basis: string; consent_purposes?: string[]; requires_case_id?: boolean; on_subject_request?: boolean; requires_connection?: boolean }>;
};
const agencyGroups = (parseYaml(readFileSync(join(DEFAULT_POLICY_DIR, 'agency-groups.yaml'), 'utf8')) as { groups: Record<string, string[]> }).groups;

describe('an officer reading the catalogue of sharing services', () => {
  let first: { version: number; files: Array<{ path: string; content: string }> };

  beforeAll(async () => {
    await getStack();
    first = await policiesInForce();
  });

  afterAll(async () => {
    await restorePolicies(first.version, 'Test over: restore the seed policies');
  });

  it('finds the population register’s identity service with its owner’s focal point, legal bases, purposes, rules, example and how to connect', async () => {
    const police = AGENCIES.find((agency) => agency.code === 'cong-an-tinh')!;
    const rules = seedCitizenPolicy.rules.filter((rule) => rule.may_read.includes('identity'));
    const { body } = await query(justiceOfficer, ONE, { variables: { id: IDENTITY } });
    expect(body.errors).toBeUndefined();
    const service = body.data.sharingService;
    expect(service).toMatchObject({
      id: IDENTITY,
      policy: 'population.citizen',
      group: 'identity',
      register: 'population',
      ownerAgency: 'cong-an-tinh',
      owner: { code: 'cong-an-tinh', name: police.name, focalPoint: { name: police.focalPoint[0], role: police.focalPoint[1], phone: police.focalPoint[2], email: police.focalPoint[3] } },
      type: 'Citizen',
      classification: 'PERSONAL',
      legalBases: [...new Set(rules.map((rule) => rule.legal_basis))].sort(),
      purposes: [...new Set(rules.flatMap((rule) => [...(rule.purposes ?? []), ...(rule.consent_purposes ?? [])]))].sort(),
      status: 'ACTIVE',
      disabledNotice: null,
      disabledSince: null,
      removedAt: null,
    });
    expect(service.description.startsWith(seedCitizenPolicy.about)).toBe(true);
    expect(service.fields.map((field: { name: string }) => field.name)).toEqual(['fullName', 'dateOfBirth', 'gender', 'nationality']);
    expect(service.fields[0]).toMatchObject({ name: 'fullName', type: expect.stringMatching(/^String/) });
    // One entry per rule, agency groups spelled out.
    expect(service.access.map((rule: { rule: string }) => rule.rule)).toEqual(rules.map((rule) => rule.id));
    for (const rule of rules) {
      const agencies = rule.agencies ? [...new Set(rule.agencies.flatMap((entry) => (entry.startsWith('group:') ? agencyGroups[entry.slice(6)] : [entry])))].sort() : null;
      expect(service.access.find((entry: { rule: string }) => entry.rule === rule.id)).toEqual({
        rule: rule.id,
        roles: [...rule.roles].sort(),
        agencies,
        purposes: rule.purposes ? [...rule.purposes].sort() : null,
        legalBasis: rule.legal_basis,
        ownRecordOnly: rule.own_record === true,
        consentRequired: rule.consent_purposes !== undefined,
        consentPurposes: rule.consent_purposes ? [...rule.consent_purposes].sort() : null,
        subjectRequestRequired: rule.on_subject_request === true,
        caseIdRequired: rule.requires_case_id === true,
        connectionRequired: rule.requires_connection === true,
      });
    }
    expect(service.exampleQuery).toEqual({
      operation: ['query PopulationCitizenIdentity($id: ID!) {', '  citizen(id: $id) {', '    fullName', '    dateOfBirth', '    gender', '    nationality', '  }', '}'].join('\n'),
      variables: ['$id: ID!'],
      path: ['citizen'],
    });
    expect(service.howToConnect.endpoint).toBe('http://localhost:4000/graphql');
    expect(service.howToConnect.headers).toEqual([
      { name: 'Authorization', value: 'Bearer <token>', required: true },
      { name: 'X-Purpose', value: expect.stringMatching(/^one of: .*civil-status-procedure/), required: true },
      { name: 'X-Case-Id', value: 'the administrative dossier number the request is for', required: false },
    ]);
    expect(service.howToConnect.token).toMatch(/identity provider .*npm run token -- --role officer --agency <your agency code>/);
  });

  it('runs the example query of the identity service as a justice officer, and gets the person’s identity', async () => {
    const { body } = await query(justiceOfficer, ONE, { variables: { id: IDENTITY } });
    const id = seededProvince().demoCitizenIds[0];
    const person = seededProvince().citizens.find((one) => one.id === id)!;
    const answer = await query(justiceOfficer, body.data.sharingService.exampleQuery.operation, { variables: { id } });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.citizen).toMatchObject({ fullName: person.fullName });
    expect(Object.keys(answer.body.data.citizen)).toEqual(['fullName', 'dateOfBirth', 'gender', 'nationality']);
    // The same example, by an agency whose only rule needs the person's consent, for someone who gave none: refused.
    const stranger = seededProvince().citizens[seededProvince().citizens.length - 1].id;
    const refusedAnswer = await query({ role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' }, body.data.sharingService.exampleQuery.operation, { variables: { id: stranger } });
    expect(refusedAnswer.body.errors?.length).toBeGreaterThan(0);
    expect(refusedAnswer.body.errors?.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(refusedAnswer.body.data)).not.toContain(seededProvince().citizens[seededProvince().citizens.length - 1].fullName);
  });

  it('lists no state secret, and pages through the catalogue by id without repeating a service', async () => {
    const services = await allServices(insuranceOfficer);
    expect(services.length).toBeGreaterThan(50);
    expect(services.map((service) => service.id)).toEqual([...services.map((service) => service.id)].sort());
    expect(new Set(services.map((service) => service.id)).size).toBe(services.length);
    expect(services.some((service) => service.id === 'population.citizen:dossier')).toBe(false);
    const page = await query(insuranceOfficer, LIST, { variables: { first: 5 } });
    const next = await query(insuranceOfficer, LIST, { variables: { first: 5, after: page.body.data.sharingServices.pageInfo.endCursor } });
    expect([...page.body.data.sharingServices.nodes, ...next.body.data.sharingServices.nodes].map((service: Listed) => service.id)).toEqual(services.slice(0, 10).map((service) => service.id));
    expect(page.body.data.sharingServices.totalCount).toBe(services.length);
  });

  it('filters by owner, classification, purpose and text, accents or not', async () => {
    const all = await allServices(insuranceOfficer);
    const owned = await allServices(insuranceOfficer, { ownerAgency: 'so-tu-phap' });
    expect(owned.map((service) => service.id)).toEqual(all.filter((service) => service.ownerAgency === 'so-tu-phap').map((service) => service.id));
    expect(owned.length).toBeGreaterThan(0);

    const sensitive = await allServices(insuranceOfficer, { classification: 'SENSITIVE' });
    expect(sensitive.map((service) => service.id)).toEqual(all.filter((service) => service.classification === 'SENSITIVE').map((service) => service.id));
    expect(sensitive.map((service) => service.id)).toContain('population.citizen:beliefs');

    const forCivilStatus = await allServices(insuranceOfficer, { purpose: 'civil-status-procedure' });
    expect(forCivilStatus.map((service) => service.id)).toEqual(all.filter((service) => service.purposes.includes('civil-status-procedure')).map((service) => service.id));
    expect(forCivilStatus.map((service) => service.id)).toContain(IDENTITY);

    // The owner's Vietnamese name, typed with or without its accents.
    const byName = await allServices(insuranceOfficer, { text: 'Sở Tư pháp' });
    expect(await allServices(insuranceOfficer, { text: 'so tu PHAP' })).toEqual(byName);
    expect(byName.map((service) => service.id)).toEqual(expect.arrayContaining(owned.map((service) => service.id)));
    // A field name, and filters together.
    const fullName = await allServices(insuranceOfficer, { text: 'fullname', ownerAgency: 'cong-an-tinh', classification: 'PERSONAL' });
    expect(fullName.map((service) => service.id)).toContain(IDENTITY);
    expect(fullName.every((service) => service.ownerAgency === 'cong-an-tinh' && service.classification === 'PERSONAL')).toBe(true);
    expect(await allServices(insuranceOfficer, { text: '100% nothing_like_this' })).toEqual([]);
  });

  it('is told plainly about an unknown agency, purpose or page size, gets null for an unknown id, and a validation error for an unknown status', async () => {
    expectAnswer(await query(insuranceOfficer, LIST, { variables: { filter: { ownerAgency: 'so-phep-thuat' } } }), {
      data: { sharingServices: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'sharingServices', message: '"ownerAgency" must be an agency of the directory (agencies), like "cong-an-tinh"' }],
    });
    expectAnswer(await query(insuranceOfficer, LIST, { variables: { filter: { purpose: 'curiosity' } } }), {
      data: { sharingServices: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'sharingServices', message: '"purpose" must be a purpose of the purpose list (purposes), like "civil-status-procedure"' }],
    });
    expectAnswer(await query(insuranceOfficer, LIST, { variables: { first: 201 } }), {
      data: { sharingServices: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'sharingServices', message: '"first" must be a whole number from 1 to 200' }],
    });
    expectAnswer(await query(insuranceOfficer, '{ sharingService(id: "population.citizen:horoscope") { id } }'), { data: { sharingService: null } });
    const unknownStatus = await query(insuranceOfficer, '{ sharingServices(filter: {status: ARCHIVED}) { totalCount } }');
    expect(unknownStatus.status).toBe(400);
    expect(unknownStatus.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses a citizen and a caller without a token', async () => {
    expectAnswer(await query(citizen, LIST), { data: { sharingServices: null }, errors: [refused('sharingServices', 'ROLE_NOT_ALLOWED')] });
    expectAnswer(await query(citizen, `{ sharingService(id: "${IDENTITY}") { id } }`), { data: { sharingService: null }, errors: [refused('sharingService', 'ROLE_NOT_ALLOWED')] });
    expectAnswer(await query(null, LIST), { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
  });

  it('shows a group added to a policy after the reload, and lists it as REMOVED, with the day, once it is gone', async () => {
    const seed = fileIn(first, CITIZEN_POLICY);
    // Nationality moves to a group of its own, which no rule gives yet: narrower, in force at once.
    const split = seed.replace(
      'identity:  {level: personal,     fields: [fullName, dateOfBirth, gender, nationality]}',
      'identity:  {level: personal,     fields: [fullName, dateOfBirth, gender]}\n  nationality: {level: personal,   fields: [nationality]}',
    );
    expect(split).not.toBe(seed);
    await putPoliciesInForce([{ path: CITIZEN_POLICY, content: split }], 'Nationality becomes a service of its own');
    const added = 'population.citizen:nationality';
    expect(await within(3, async () => (await query(insuranceOfficer, `{ sharingService(id: "${added}") { id } }`)).body.data?.sharingService !== null)).toBe(true);
    const shown = await query(insuranceOfficer, `{ sharingService(id: "${added}") { id classification status access { rule } removedAt fields { name } } }`);
    expectAnswer(shown, { data: { sharingService: { id: added, classification: 'PERSONAL', status: 'ACTIVE', access: [], removedAt: null, fields: [{ name: 'nationality' }] } } });

    await restorePolicies(first.version, 'Nationality goes back into identity');
    expect(await within(3, async () => (await query(insuranceOfficer, `{ sharingService(id: "${added}") { status } }`)).body.data?.sharingService?.status === 'REMOVED')).toBe(true);
    const gone = await query(insuranceOfficer, `{ sharingService(id: "${added}") { id status removedAt } }`);
    expect(gone.body.data.sharingService).toEqual({ id: added, status: 'REMOVED', removedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(Date.now() - Date.parse(gone.body.data.sharingService.removedAt)).toBeLessThan(60_000);
    expect((await allServices(insuranceOfficer, { status: 'REMOVED' })).map((service) => service.id)).toContain(added);
    const identity = await query(insuranceOfficer, `{ sharingService(id: "${IDENTITY}") { status fields { name } } }`);
    expect(identity.body.data.sharingService).toEqual({ status: 'ACTIVE', fields: [{ name: 'fullName' }, { name: 'dateOfBirth' }, { name: 'gender' }, { name: 'nationality' }] });
  });

  it('shows a switched-off service as DISABLED with its notice and date', async () => {
    const seed = fileIn(first, CITIZEN_POLICY);
    const off = seed.replace(
      'death:     {level: personal,     fields: [dateOfDeath]}',
      'death:     {level: personal,     fields: [dateOfDeath], disabled: {notice: "Đang bảo trì: death records move to the national register until 2027-01-15", since: 2026-12-01}}',
    );
    expect(off).not.toBe(seed);
    await putPoliciesInForce([{ path: CITIZEN_POLICY, content: off }], 'Death records are switched off during the move');
    const id = 'population.citizen:death';
    expect(await within(3, async () => (await query(insuranceOfficer, `{ sharingService(id: "${id}") { status } }`)).body.data?.sharingService?.status === 'DISABLED')).toBe(true);
    expectAnswer(await query(insuranceOfficer, `{ sharingService(id: "${id}") { id status disabledNotice disabledSince removedAt } }`), {
      data: { sharingService: { id, status: 'DISABLED', disabledNotice: 'Đang bảo trì: death records move to the national register until 2027-01-15', disabledSince: '2026-12-01', removedAt: null } },
    });
    expect((await allServices(insuranceOfficer, { status: 'DISABLED', text: 'dang bao tri' })).map((service) => service.id)).toEqual([]);
    expect((await allServices(insuranceOfficer, { status: 'DISABLED' })).map((service) => service.id)).toEqual([id]);
    await restorePolicies(first.version, 'Death records are back');
    expect(await within(3, async () => (await query(insuranceOfficer, `{ sharingService(id: "${id}") { status } }`)).body.data?.sharingService?.status === 'ACTIVE')).toBe(true);
  });
});

describe('the catalogue of sharing services as one JSON document', () => {
  async function exported(token: string | null) {
    const { gateway } = await getStack();
    const response = await fetch(`${gateway.url}${SHARING_SERVICES_EXPORT_PATH}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: (await response.json()) as { count?: number; services?: unknown[]; errors?: Array<{ extensions?: { code?: string; reason?: string } }> } };
  }

  it('gives an officer the same services as the GraphQL answer', async () => {
    const { status, body } = await exported(tokenFor(justiceOfficer));
    expect(status).toBe(200);
    const pages: unknown[] = [];
    let after: string | null = null;
    do {
      const answer = await query(justiceOfficer, `query ($after: String) { sharingServices(first: 200, after: $after) { nodes { ${SHARING_SERVICE_SELECTION} } pageInfo { hasNextPage endCursor } } }`, { variables: { after } });
      expect(answer.body.errors).toBeUndefined();
      pages.push(...answer.body.data.sharingServices.nodes);
      after = answer.body.data.sharingServices.pageInfo.hasNextPage ? answer.body.data.sharingServices.pageInfo.endCursor : null;
    } while (after);
    expect(body.errors).toBeUndefined();
    expect(body.services).toEqual(pages);
    expect(body.count).toBe(pages.length);
  });

  it('refuses a caller without a token, and a citizen', async () => {
    const anonymous = await exported(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const citizenExport = await exported(tokenFor(citizen));
    expect(citizenExport.status).toBe(403);
    expect(citizenExport.body.errors?.map((error) => [error.extensions?.code, error.extensions?.reason])).toEqual([['FORBIDDEN', 'ROLE_NOT_ALLOWED']]);
    expect(citizenExport.body.services).toBeUndefined();
  });
});
