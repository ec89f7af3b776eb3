// An agency reads a citizen's data on the basis of her consent: only while an active consent of hers,
// to that agency, for that purpose, covers the field; a withdrawal counts from the very next request.
import { beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/src/startGateway.ts';
import { startSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { populationSubgraph } from '../../subgraphs/population/src/populationSubgraph.ts';
import { unusedPort } from '../support/unusedPort.ts';
import { getStack, livePolicyDir, postGraphQL, PROVINCE_OPTIONS, query, seededProvince, tokenFor, tokenSettings, type Who } from '../support/stack.ts';

const labourOfficer: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };
const taxOfficer: Who = { role: 'officer', agency: 'thue-tinh', purpose: 'public-service-delivery' };
const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

describe('consent-based access to a citizen’s record', () => {
  let citizen: Who;
  let id: string;
  let name: string;

  const officerAsks = (who: Who) => query(who, `{ citizen(id: "${id}") { id fullName residence { address } } }`);
  const reasons = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    [...new Set((body.errors ?? []).map((error) => `${error.extensions?.code}:${error.extensions?.reason}`))];

  beforeAll(async () => {
    await getStack();
    id = seededProvince().demoCitizenIds[3];
    name = seededProvince().citizens.find((person) => person.id === id)!.fullName;
    citizen = { role: 'citizen', sub: id };
  });

  it('is refused without consent, granted with it (for the consented groups only), and refused again right after withdrawal', async () => {
    const before = await officerAsks(labourOfficer);
    expect(before.body.data.citizen).toBeNull();
    expect(reasons(before.body)).toEqual(['FORBIDDEN:CONSENT_REQUIRED']);

    const granted = await query(citizen, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      variables: {
        input: {
          granteeAgency: 'so-noi-vu',
          purpose: 'public-service-delivery',
          fieldGroups: ['population.citizen:key', 'population.citizen:identity'],
          validUntil: inAYear(),
        },
      },
    });
    expect(granted.body.errors).toBeUndefined();
    const consentId = granted.body.data.grantConsent.id as string;

    const during = await officerAsks(labourOfficer);
    expect(during.body.data.citizen).toEqual({ id, fullName: name, residence: null });
    expect(reasons(during.body)).toEqual(['FORBIDDEN:CONSENT_REQUIRED']);
    expect(during.body.errors?.map((error) => error.path?.join('.'))).toEqual(['citizen.residence']);

    // Another agency, same purpose: the consent is not theirs.
    const other = await officerAsks(taxOfficer);
    expect(other.body.data.citizen).toBeNull();

    const revoked = await query(citizen, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consentId } });
    expect(revoked.body.data.revokeConsent.status).toBe('REVOKED');
    const after = await officerAsks(labourOfficer);
    expect(after.body.data.citizen).toBeNull();
    expect(reasons(after.body)).toEqual(['FORBIDDEN:CONSENT_REQUIRED']);
  });

  it('does not count a consent given for another purpose', async () => {
    const granted = await query(citizen, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      variables: {
        input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() },
      },
    });
    const consentId = granted.body.data.grantConsent.id as string;
    const statistics = await officerAsks({ ...labourOfficer, purpose: 'statistics' });
    expect(statistics.body.data.citizen).toBeNull();
    await query(citizen, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consentId } });
  });
});

describe('a list of citizens some of whom consented', () => {
  it('shows the consenting citizens and refuses the others one by one', async () => {
    await getStack();
    const province = seededProvince();
    const unit = province.units[1].code;
    const ten = province.citizens.filter((person) => person.unitCode === unit && !person.dateOfDeath).map((person) => person.id).sort().slice(0, 10);
    const consenting = [ten[1], ten[4], ten[7]];
    const consentIds: Array<[string, string]> = [];
    for (const subject of consenting) {
      const { body } = await query({ role: 'citizen', sub: subject }, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
        variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() } },
      });
      consentIds.push([subject, body.data.grantConsent.id]);
    }
    const { body } = await query(labourOfficer, `{ citizens(unitCode: "${unit}", first: 10) { nodes { id fullName } } }`);
    const nodes = body.data.citizens.nodes as Array<{ id: string; fullName: string } | null>;
    expect(nodes).toHaveLength(10);
    expect(nodes.map((node) => node?.id ?? null)).toEqual(ten.map((subject) => (consenting.includes(subject) ? subject : null)));
    const refused = new Set((body.errors ?? []).map((error) => error.path?.slice(0, 3).join('.')));
    expect(refused.size).toBe(7);
    for (const error of body.errors ?? []) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    for (const [subject, id] of consentIds) {
      await query({ role: 'citizen', sub: subject }, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id } });
    }
  });

  it('stops counting a consent once it expires', async () => {
    await getStack();
    const subject = seededProvince().demoCitizenIds[2];
    const citizen: Who = { role: 'citizen', sub: subject };
    const until = new Date(Date.now() + 1500).toISOString();
    const granted = await query(citizen, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id status } }', {
      variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: until } },
    });
    expect(granted.body.data.grantConsent.status).toBe('ACTIVE');
    const ask = () => query(labourOfficer, `{ citizen(id: "${subject}") { fullName } }`);
    expect((await ask()).body.data.citizen.fullName).toBeTypeOf('string');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(until).getTime() - Date.now() + 200)));
    const expired = await ask();
    expect(expired.body.data.citizen.fullName).toBeNull();
    expect(expired.body.errors?.map((error) => error.extensions?.reason)).toEqual(['CONSENT_REQUIRED']);
    const mine = await query(citizen, '{ myConsents { id status } }');
    expect(mine.body.data.myConsents).toContainEqual({ id: granted.body.data.grantConsent.id, status: 'EXPIRED' });
  });
});

describe('the consent registry out of reach', () => {
  it('fails closed: consent-based access is refused, other bases still apply', async () => {
    const { subgraphs } = await getStack();
    const blindPopulation = await startSubgraph(populationSubgraph, {
      port: 0,
      database: {},
      province: PROVINCE_OPTIONS,
      policyDir: livePolicyDir,
      consentRegistryUrl: `http://127.0.0.1:${await unusedPort()}`,
    });
    const urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const gateway = await startGateway({ port: 0, subgraphUrls: { ...urls, population: blindPopulation.url }, tokens: tokenSettings });
    const subject = seededProvince().demoCitizenIds[1];
    const consent = await query({ role: 'citizen', sub: subject }, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() } },
    });
    try {
      const ask = (url: string, who: Who) =>
        postGraphQL(`${url}/graphql`, `{ citizen(id: "${subject}") { fullName } }`, { token: tokenFor(who), headers: { 'x-purpose': who.purpose! } });
      expect((await ask((await getStack()).gateway.url, labourOfficer)).body.data.citizen.fullName).toBeTypeOf('string');
      const blind = await ask(gateway.url, labourOfficer);
      expect(blind.body.data.citizen.fullName).toBeNull();
      expect(blind.body.errors?.map((error) => error.extensions?.reason)).toEqual(['CONSENT_REQUIRED']);
      const police = await ask(gateway.url, { role: 'officer', agency: 'cong-an-tinh', purpose: 'criminal-investigation' });
      expect(police.body.data.citizen.fullName).toBeTypeOf('string');
    } finally {
      await query({ role: 'citizen', sub: subject }, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consent.body.data.grantConsent.id } });
      await gateway.close();
      await blindPopulation.close();
    }
  });
});
