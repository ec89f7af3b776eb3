// An agency reads a citizen's data on the basis of her consent: only while an active consent of hers,
// to that agency, for that purpose, covers the field; a withdrawal counts from the very next request.
import { beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/src/startGateway.ts';
import { startSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { populationSubgraph } from '../../subgraphs/population/src/populationSubgraph.ts';
import { inAYear } from '../support/dates.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { expectDisclosure } from '../support/expectDisclosure.ts';
import { unusedPort } from '../support/unusedPort.ts';
import { getStack, livePolicyDir, postGraphQL, PROVINCE_OPTIONS, query, seededProvince, tokenFor, tokenSettings, type Who } from '../support/stack.ts';

const labourOfficer: Who = { role: 'officer', agency: 'so-noi-vu', purpose: 'public-service-delivery' };
const taxOfficer: Who = { role: 'officer', agency: 'thue-tinh', purpose: 'public-service-delivery' };

describe('consent-based access to a citizen’s record', () => {
  let citizen: Who;
  let id: string;
  let name: string;

  const officerAsks = (who: Who) => query(who, `{ citizen(id: "${id}") { id fullName residence { address } } }`);
  /** What an officer gets for `officerAsks` without the citizen's consent: not even whether the record exists. */
  const nothingWithoutConsent = {
    data: { citizen: null },
    errors: [refused('citizen', 'CONSENT_REQUIRED')],
  };

  beforeAll(async () => {
    await getStack();
    id = seededProvince().demoCitizenIds[3];
    name = seededProvince().citizens.find((person) => person.id === id)!.fullName;
    citizen = { role: 'citizen', sub: id };
  });

  it('is refused without consent, granted with it (for the consented groups only), and refused again right after withdrawal', async () => {
    expectAnswer(await officerAsks(labourOfficer), nothingWithoutConsent);

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
    expectAnswer(during, { data: { citizen: { id, fullName: name, residence: null } }, errors: [refused('citizen.residence', 'CONSENT_REQUIRED')] });
    // The population register recorded the consent as the legal basis of what was given.
    const basis = `consent:${consentId}`;
    await expectDisclosure({
      register: 'population',
      requestId: during.headers.get('x-request-id')!,
      agency: 'so-noi-vu',
      purpose: 'public-service-delivery',
      subjects: {
        [id]: [
          { field: 'Citizen.id', decision: 'disclosed', basis },
          { field: 'Citizen.fullName', decision: 'disclosed', basis },
          { field: 'Citizen.residence', decision: 'refused', reason: 'CONSENT_REQUIRED' },
        ],
      },
    });

    // Another agency, same purpose: the consent is not theirs.
    expectAnswer(await officerAsks(taxOfficer), nothingWithoutConsent);

    const revoked = await query(citizen, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consentId } });
    expect(revoked.body.data.revokeConsent.status).toBe('REVOKED');
    expectAnswer(await officerAsks(labourOfficer), nothingWithoutConsent);
  });

  it('does not count a consent given for another purpose', async () => {
    const granted = await query(citizen, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      variables: {
        input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() },
      },
    });
    const consentId = granted.body.data.grantConsent.id as string;
    const statistics = await officerAsks({ ...labourOfficer, purpose: 'statistics' });
    expectAnswer(statistics, { data: { citizen: null }, errors: [refused('citizen', 'PURPOSE_REQUIRED')] });
    await query(citizen, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consentId } });
  });
});

describe('a list of citizens some of whom consented', () => {
  it('does not let an agency reading on consent alone browse the register, even when some citizens consented', async () => {
    await getStack();
    const province = seededProvince();
    const unit = province.units[1].code;
    const consenting = province.citizens.filter((person) => person.unitCode === unit && !person.dateOfDeath).map((person) => person.id).sort()[1];
    const { body } = await query({ role: 'citizen', sub: consenting }, 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      variables: { input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() } },
    });
    // A list would tell who else lives in the ward, and how many: the officer looks each consenting citizen up by id.
    expectAnswer(await query(labourOfficer, '{ citizens(first: 10) { nodes { id fullName } totalCount } }'), {
      data: { citizens: null },
      errors: [refused('citizens', 'CONSENT_REQUIRED')],
    });
    const lookedUp = await query(labourOfficer, `{ citizen(id: "${consenting}") { id fullName } }`);
    expectAnswer(lookedUp, { data: { citizen: { id: consenting, fullName: province.citizens.find((person) => person.id === consenting)!.fullName } } });
    await query({ role: 'citizen', sub: consenting }, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: body.data.grantConsent.id } });
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
    expectAnswer(await ask(), { data: { citizen: null }, errors: [refused('citizen', 'CONSENT_REQUIRED')] });
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
      expectAnswer(await ask(gateway.url, labourOfficer), { data: { citizen: null }, errors: [refused('citizen', 'CONSENT_REQUIRED')] });
      const police = await ask(gateway.url, { role: 'officer', agency: 'cong-an-tinh', purpose: 'criminal-investigation' });
      expect(police.body.data.citizen.fullName).toBeTypeOf('string');
    } finally {
      await query({ role: 'citizen', sub: subject }, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consent.body.data.grantConsent.id } });
      await gateway.close();
      await blindPopulation.close();
    }
  });
});
