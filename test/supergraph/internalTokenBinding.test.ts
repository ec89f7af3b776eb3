// Whoever holds a subgraph's internal token of one request and the consent-registry token (or a relay
// token) of another cannot pair them: a subgraph called directly with tokens that disagree on the
// request, caller, agency, purpose or case refuses the call before anything runs, and the registry
// answers only for the request the calling service says it serves. The matching pair works as before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import type { Principal } from '../../shared/auth/Principal.ts';
import { GUARDIANSHIP_AUDIENCE, RELAY_TOKENS_HEADER } from '../../shared/auth/relayTokens.ts';
import { CONSENT_LOOKUP_PATH, CONSENT_REGISTRY_AUDIENCE, CONSENT_TOKEN_HEADER } from '../../shared/consent/consentRoutes.ts';
import { inAWeek, inAYear } from '../support/dates.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { disclosuresOf, expectDisclosure } from '../support/expectDisclosure.ts';
import { getStack, postGraphQL, query, seededProvince, type GraphQLResponse, type Who } from '../support/stack.ts';

const sign = createInternalTokenSigner();
const MISMATCH = {
  status: 401,
  data: undefined,
  errors: [{ code: 'UNAUTHENTICATED', message: 'The tokens of this call were not all minted for the same request' }],
};

/** An officer's request as the gateway would establish it, each with its own request id. */
function officer(changes: Partial<Principal> = {}): Principal {
  return {
    subject: 'officer-binding',
    agency: 'so-noi-vu',
    roles: ['officer'],
    purpose: 'public-service-delivery',
    caseId: null,
    requestId: `binding-${randomUUID()}`,
    ...changes,
  };
}

function citizenRequest(subject: string): Principal {
  return { subject, agency: null, roles: ['citizen'], purpose: null, caseId: null, requestId: `binding-${randomUUID()}` };
}

/** What one subgraph ran for us so far: GraphQL operations and SQL statements. */
async function workDone(name: string): Promise<{ operations: number; statements: number }> {
  const { subgraphs } = await getStack();
  const metrics = await (await fetch(subgraphs[name].url.replace(/\/graphql$/, '/metrics'))).text();
  return { operations: Number(/graphql_operations_total\{[^}]*\} (\d+)/.exec(metrics)![1]), statements: subgraphs[name].database.statementCount() };
}

describe('a subgraph called with a consent token of another request', () => {
  const province = () => seededProvince();
  let subject: string;
  let consentId: string;
  const citizen = () => ({ role: 'citizen', sub: subject }) as Who;

  /** The population register asked directly for the citizen's id and name, with this pair of tokens. */
  async function askPopulation(internal: Principal, consentToken: string): Promise<GraphQLResponse> {
    const { subgraphs } = await getStack();
    return postGraphQL(subgraphs.population.url, `{ citizen(id: "${subject}") { id fullName } }`, {
      token: sign('population', internal),
      headers: { [CONSENT_TOKEN_HEADER]: consentToken },
    });
  }

  beforeAll(async () => {
    await getStack();
    subject = province().citizens.filter((person) => !person.dateOfDeath && !province().demoCitizenIds.includes(person.id))[61].id;
    const granted = await query(citizen(), 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      variables: {
        input: { granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:key', 'population.citizen:identity'], validUntil: inAYear() },
      },
    });
    consentId = granted.body.data.grantConsent.id;
  });

  afterAll(async () => {
    await query(citizen(), 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: consentId } });
  });

  it('answers the matching pair as before: the consent releases the fields, and is recorded as their basis', async () => {
    const asking = officer();
    const answer = await askPopulation(asking, sign(CONSENT_REGISTRY_AUDIENCE, asking));
    const name = province().citizens.find((person) => person.id === subject)!.fullName;
    expectAnswer(answer, { data: { citizen: { id: subject, fullName: name } } });
    const basis = `consent:${consentId}`;
    await expectDisclosure({
      register: 'population',
      requestId: asking.requestId,
      agency: 'so-noi-vu',
      principal: 'officer-binding',
      purpose: 'public-service-delivery',
      subjects: { [subject]: [{ field: 'Citizen.id', decision: 'disclosed', basis }, { field: 'Citizen.fullName', decision: 'disclosed', basis }] },
    });
  });

  // The internal token says who asks; the consent token is the one that would find the consent.
  const consenting = officer();
  const cases: Array<[string, Principal, string]> = [
    ['of another request', { ...consenting, requestId: `binding-${randomUUID()}` }, sign(CONSENT_REGISTRY_AUDIENCE, consenting)],
    ['of another caller', { ...consenting, subject: 'officer-elsewhere' }, sign(CONSENT_REGISTRY_AUDIENCE, consenting)],
    ['of another agency (the consent is not to the asking agency)', { ...consenting, agency: 'thue-tinh' }, sign(CONSENT_REGISTRY_AUDIENCE, consenting)],
    ['of another purpose', { ...consenting, purpose: 'statistics' }, sign(CONSENT_REGISTRY_AUDIENCE, consenting)],
    ['of another case', { ...consenting, caseId: 'HS-2026/0042' }, sign(CONSENT_REGISTRY_AUDIENCE, consenting)],
    ['for another audience than the registry', consenting, sign('population', consenting)],
    ['that is not a token', consenting, 'not-a-token'],
  ];
  for (const [what, asking, consentToken] of cases) {
    it(`refuses a consent token ${what}: 401, nothing run, nothing recorded`, async () => {
      const before = await workDone('population');
      expectAnswer(await askPopulation(asking, consentToken), MISMATCH);
      expect(await workDone('population')).toEqual(before);
      expect(await disclosuresOf('population', asking.requestId)).toEqual([]);
    });
  }
});

describe('a subject request, claimed with a token of another request', () => {
  it('is refused and stays open; the matching pair uses it', async () => {
    const { subgraphs } = await getStack();
    const person = seededProvince().citizens.filter((candidate) => !candidate.dateOfDeath && !seededProvince().demoCitizenIds.includes(candidate.id))[62];
    const citizen: Who = { role: 'citizen', sub: person.id };
    const caseId = 'DKKD-2026/007731';
    const made = await query(citizen, 'mutation ($input: DataProvisionInput!) { requestDataProvision(input: $input) { id } }', {
      variables: { input: { holderAgency: 'cong-an-tinh', recipientAgency: 'so-tai-chinh', caseId, fieldGroups: ['population.citizen:identity'], validUntil: inAWeek() } },
    });
    const requestId = made.body.data.requestDataProvision.id as string;
    const statusOf = async () =>
      ((await query(citizen, '{ mySubjectRequests { id status } }')).body.data.mySubjectRequests as Array<{ id: string; status: string }>).find((one) => one.id === requestId)?.status;
    const ask = (internal: Principal, consenting: Principal) =>
      postGraphQL(subgraphs.population.url, `{ citizen(id: "${person.id}") { fullName } }`, {
        token: sign('population', internal),
        headers: { [CONSENT_TOKEN_HEADER]: sign(CONSENT_REGISTRY_AUDIENCE, consenting) },
      });

    const colleague = officer({ agency: 'so-tai-chinh', subject: 'officer-colleague', caseId });
    const attacker = { ...colleague, requestId: `binding-${randomUUID()}` };
    expectAnswer(await ask(attacker, colleague), MISMATCH);
    expect(await statusOf()).toBe('OPEN');

    expectAnswer(await ask(colleague, colleague), { data: { citizen: { fullName: person.fullName } } });
    expect(await statusOf()).toBe('USED');
  });
});

describe('the consent registry asked directly', () => {
  it('answers only for the request the calling service says it acts for, the one its token was minted for', async () => {
    const { subgraphs } = await getStack();
    const asking = officer();
    const lookUp = (headers: Record<string, string>) =>
      fetch(new URL(CONSENT_LOOKUP_PATH, subgraphs.platform.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sign(CONSENT_REGISTRY_AUDIENCE, asking)}`, ...headers },
        body: JSON.stringify({ subjects: [seededProvince().demoCitizenIds[0]] }),
      });
    for (const headers of [{}, { 'x-request-id': `binding-${randomUUID()}` }] as Array<Record<string, string>>) {
      const refusedLookup = await lookUp(headers);
      expect(refusedLookup.status).toBe(401);
      expect(await refusedLookup.json()).toEqual({
        errors: [{ message: 'This endpoint answers only for the request its token was minted for', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    const answered = await lookUp({ 'x-request-id': asking.requestId });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ grants: [] });
  });
});

describe('the platform called with a relay token of another request', () => {
  const GRANT = 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id subjectId grantedBy } }';
  let parent: string;
  let child: string;

  beforeAll(async () => {
    await getStack();
    const province = seededProvince();
    const living = new Map(province.citizens.filter((person) => !person.dateOfDeath).map((person) => [person.id, person]));
    const grownUp = (id: string) => new Date(living.get(id)!.dateOfBirth) <= new Date(Date.now() - 18 * 365.25 * 24 * 3600 * 1000);
    const minor = [...living.values()].find((person) => person.fatherId && living.has(person.fatherId) && !grownUp(person.id) && grownUp(person.fatherId))!;
    parent = minor.fatherId!;
    child = minor.id;
  });

  /** The platform asked directly to record a consent for the child, as `internal`, with the guardianship token of `relayed`. */
  async function grantForChild(internal: Principal, relayed: Principal): Promise<GraphQLResponse> {
    const { subgraphs } = await getStack();
    return postGraphQL(subgraphs.platform.url, GRANT, {
      token: sign('platform', internal),
      headers: { [RELAY_TOKENS_HEADER]: JSON.stringify({ [GUARDIANSHIP_AUDIENCE]: sign(GUARDIANSHIP_AUDIENCE, relayed) }) },
      variables: {
        input: { subjectId: child, granteeAgency: 'so-noi-vu', purpose: 'public-service-delivery', fieldGroups: ['population.citizen:identity'], validUntil: inAYear() },
      },
    });
  }
  const childsConsents = async () => (await query({ role: 'citizen', sub: child }, '{ myConsents { id } }')).body.data.myConsents.length as number;

  it('refuses a stranger acting for the child with the parent’s guardianship token, and records nothing', async () => {
    const stranger = citizenRequest(seededProvince().demoCitizenIds[1]);
    const consents = await childsConsents();
    const work = await workDone('platform');
    expectAnswer(await grantForChild(stranger, { ...citizenRequest(parent), requestId: stranger.requestId }), MISMATCH);
    expectAnswer(await grantForChild(stranger, citizenRequest(parent)), MISMATCH);
    expect(await workDone('platform')).toEqual(work);
    expect(await childsConsents()).toBe(consents);
  });

  it('lets the parent act for the child with the matching pair', async () => {
    const asking = citizenRequest(parent);
    const granted = await grantForChild(asking, asking);
    expectAnswer(granted, { data: { grantConsent: { id: expect.any(String), subjectId: child, grantedBy: parent } } });
    await query({ role: 'citizen', sub: parent }, 'mutation ($id: ID!) { revokeConsent(id: $id) { status } }', { variables: { id: granted.body.data.grantConsent.id } });
  });
});
