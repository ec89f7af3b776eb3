// Purposes are bound to who may declare them: the platform's purpose list says which agencies and roles
// may declare each, and the format of its case ids; the gateway refuses anything else before any
// register is asked, so nothing reaches a disclosure log.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/src/startGateway.ts';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { PURPOSE_LIST_RELATIVE_PATH, type PurposeDeclaration } from '../../shared/catalogue/purposeDeclarations.ts';
import { callInternalRoute } from '../../shared/internalRoutes/callInternalRoute.ts';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { disclosuresOf } from '../support/expectDisclosure.ts';
import { getStack, investigator, postGraphQL, query, seededProvince, sqlStatements, tokenFor, tokenSettings, type Who } from '../support/stack.ts';
import { unusedPort } from '../support/unusedPort.ts';

const justiceOfficer: Who = { role: 'officer', agency: 'so-tu-phap' };

describe('who may declare a purpose and a case id', () => {
  let id: string;
  let name: string;
  const citizenName = () => `{ citizen(id: "${id}") { fullName } }`;

  /** What every register recorded for one request, by its x-request-id. */
  const recorded = async (requestId: string) => (await Promise.all(SUBGRAPH_SERVICES.map((service) => disclosuresOf(service.name, requestId)))).flat();

  beforeAll(async () => {
    await getStack();
    const person = seededProvince().citizens.filter((candidate) => !candidate.dateOfDeath && !seededProvince().demoCitizenIds.includes(candidate.id))[55];
    id = person.id;
    name = person.fullName;
  });

  it('publishes who may declare each purpose and the format of its case ids', async () => {
    const answer = await query(justiceOfficer, '{ purposes { code declarableBy { agencies roles } caseIdFormat { pattern example } } }');
    expect(answer.body.errors).toBeUndefined();
    const purposes = answer.body.data.purposes as Array<{ code: string; declarableBy: unknown }>;
    expect(purposes.find((purpose) => purpose.code === 'criminal-investigation')).toEqual({
      code: 'criminal-investigation',
      declarableBy: { agencies: ['cong-an-tinh'], roles: ['officer', 'system'] },
      caseIdFormat: { pattern: '^(HS|VKS)-[0-9]{4}/[0-9]{4,8}$', example: 'HS-2026/0042' },
    });
    expect(purposes.find((purpose) => purpose.code === 'data-protection-oversight')).toEqual({
      code: 'data-protection-oversight',
      declarableBy: { agencies: null, roles: ['data-protection-officer', 'security-officer'] },
      caseIdFormat: null,
    });
    expect(purposes.find((purpose) => purpose.code === 'citizen-self-service')?.declarableBy).toEqual({ agencies: null, roles: ['citizen'] });
  });

  it('gives the gateway the list it reloads every minute, a read no request is charged for', async () => {
    const { subgraphs } = await getStack();
    const requestId = randomUUID();
    const token = createInternalTokenSigner()('platform', { subject: 'gateway', agency: null, roles: [], purpose: null, caseId: null, requestId });
    const before = await sqlStatements();
    const list = await callInternalRoute<PurposeDeclaration[]>(subgraphs.platform.url, PURPOSE_LIST_RELATIVE_PATH, token, requestId, {});
    expect(list.find((purpose) => purpose.code === 'criminal-investigation')?.declarableBy).toEqual({ agencies: ['cong-an-tinh'], roles: ['officer', 'system'] });
    // The SQL the tests and the bench price requests by: a reload that fell beside a request was counted as its.
    expect(await sqlStatements()).toBe(before);
  });

  it('refuses a justice officer declaring a criminal investigation before any register is asked', async () => {
    const answer = await query({ ...justiceOfficer, purpose: 'criminal-investigation' }, citizenName(), { headers: { 'x-case-id': 'HS-2026/0042' } });
    expectAnswer(answer, {
      status: 403,
      data: undefined,
      errors: [{ code: 'PURPOSE_NOT_PERMITTED', message: 'You may not declare the purpose "criminal-investigation": only officer or system callers of cong-an-tinh may' }],
    });
    expect(await recorded(answer.headers.get('x-request-id')!)).toEqual([]);

    // The police declaring it are answered, and the population register records the read.
    const police = await query(investigator, citizenName());
    expectAnswer(police, { data: { citizen: { fullName: name } } });
    expect((await recorded(police.headers.get('x-request-id')!)).length).toBeGreaterThan(0);
  });

  it('refuses a purpose that is not on the list', async () => {
    expectAnswer(await query({ ...justiceOfficer, purpose: 'marketing' }, citizenName()), {
      status: 403,
      data: undefined,
      errors: [{ code: 'PURPOSE_NOT_PERMITTED', message: `"marketing" is not a purpose of the platform's purpose list (query purposes)` }],
    });
  });

  it('lets data-protection officers and security officers declare oversight, and no ordinary officer', async () => {
    const officer = await query({ ...justiceOfficer, purpose: 'data-protection-oversight' }, '{ purposes { code } }');
    expectAnswer(officer, {
      status: 403,
      data: undefined,
      errors: [{ code: 'PURPOSE_NOT_PERMITTED', message: 'You may not declare the purpose "data-protection-oversight": only data-protection-officer or security-officer callers may' }],
    });
    for (const overseer of [
      { role: 'data-protection-officer', agency: 'so-tu-phap', purpose: 'data-protection-oversight' },
      { role: 'security-officer', purpose: 'data-protection-oversight' },
    ] satisfies Who[]) {
      const answer = await query(overseer, '{ purposes { code } }');
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.purposes).toContainEqual({ code: 'data-protection-oversight' });
    }
  });

  it("refuses a citizen declaring an agency's purpose, and lets them declare their own", async () => {
    const citizen: Who = { role: 'citizen', sub: id };
    const asAgency = await query({ ...citizen, purpose: 'tax-administration' }, '{ me { fullName } }');
    expectAnswer(asAgency, { status: 403, data: undefined, errors: [{ code: 'PURPOSE_NOT_PERMITTED', message: /only officer or system callers of thue-tinh may/ }] });
    expectAnswer(await query({ ...citizen, purpose: 'citizen-self-service' }, '{ me { fullName } }'), { data: { me: { fullName: name } } });
  });

  it('refuses a case id not of the purpose\'s format, naming the format', async () => {
    const answer = await query({ ...investigator, caseId: 'DKKD-2026/004217' }, citizenName());
    expectAnswer(answer, {
      status: 400,
      data: undefined,
      errors: [{ code: 'BAD_USER_INPUT', message: 'X-Case-Id under the purpose "criminal-investigation" must look like HS-2026/0042 (pattern ^(HS|VKS)-[0-9]{4}/[0-9]{4,8}$)' }],
    });
    expect(await recorded(answer.headers.get('x-request-id')!)).toEqual([]);
  });

  it('refuses the police fields of other registers without a case id, and gives them with one', async () => {
    const text = `{ citizen(id: "${id}") { fullName civilEvents { kind } benefits { monthlyAmount } } }`;
    const { caseId: _none, ...withoutCase } = investigator;
    const answer = await query(withoutCase, text);
    // The police's own register needs no case; the others' criminal-investigation rules do.
    expectAnswer(answer, {
      data: { citizen: { fullName: name, civilEvents: null, benefits: null } },
      errors: [refused('citizen.civilEvents', 'CASE_ID_REQUIRED'), refused('citizen.benefits', 'CASE_ID_REQUIRED')],
    });
    const withCase = await query(investigator, text);
    expect(withCase.body.errors).toBeUndefined();
    expect(withCase.body.data.citizen.fullName).toBe(name);
  });
});

describe('a gateway that never loaded the purpose list', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('refuses every request declaring a purpose, and answers those declaring none', async () => {
    const { subgraphs } = await getStack();
    const urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    urls.platform = `http://127.0.0.1:${await unusedPort()}/graphql`;
    const gateway = await startGateway({ port: 0, subgraphUrls: urls, tokens: tokenSettings });
    try {
      const id = seededProvince().demoCitizenIds[0];
      const text = `{ citizen(id: "${id}") { id } }`;
      const declared = await postGraphQL(`${gateway.url}/graphql`, text, { token: tokenFor(investigator), headers: { 'x-purpose': 'criminal-investigation', 'x-case-id': 'HS-2026/0042' } });
      expectAnswer(declared, {
        status: 503,
        data: undefined,
        errors: [{ code: 'PURPOSE_LIST_UNAVAILABLE', message: 'The platform purpose list is not loaded yet: no declared purpose can be checked. Retry shortly' }],
      });
      expect(declared.headers.get('retry-after')).toBe('2');
      // Without a purpose the request goes on to the register, whose policies decide.
      const undeclared = await postGraphQL(`${gateway.url}/graphql`, text, { token: tokenFor(investigator) });
      expectAnswer(undeclared, { data: { citizen: null }, errors: [refused('citizen', 'PURPOSE_REQUIRED')] });
    } finally {
      await gateway.close();
    }
  });
});
