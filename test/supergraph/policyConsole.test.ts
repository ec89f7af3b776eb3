// Security officers manage the policies through the gateway: read what is in force, propose a
// validated change that every subgraph enforces within a second, roll back, and ask explainAccess. A
// change that widens access waits for a second security officer (policyProposals.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, expectAnswer, refused } from '../support/expectAnswer.ts';
import { justiceAsksForAName, proposePolicies, restorePolicies, securityOfficer as officer, within, withoutRulesFor, CITIZEN_POLICY, fileIn } from '../support/policyEdits.ts';
import { getStack, investigator, justiceOfficer, query, seededProvince } from '../support/stack.ts';


async function inForce() {
  const { body } = await query(officer, '{ policiesInForce { version hash author reason files { path content } } }');
  expect(body.errors).toBeUndefined();
  return body.data.policiesInForce as { version: number; files: Array<{ path: string; content: string }> };
}

async function propose(files: Array<{ path: string; content: string | null }>, reason: string) {
  return proposePolicies(officer, files, reason);
}

async function justiceReadsName(): Promise<string | null> {
  return (await justiceAsksForAName()).body.data?.citizen?.fullName ?? null;
}

describe('the policy console', () => {
  let first: { version: number; files: Array<{ path: string; content: string }> };

  beforeAll(async () => {
    await getStack();
    first = await inForce();
  });

  afterAll(async () => {
    await restorePolicies(first.version, 'Test over: restore the seed policies');
  });

  it('shows security officers the policies in force, file by file, with their version', () => {
    expect(first.version).toBeGreaterThanOrEqual(1);
    expect(first.files.map((file) => file.path)).toEqual(expect.arrayContaining([CITIZEN_POLICY, 'land/land-parcel.policy.yaml', 'agency-groups.yaml']));
  });

  it('is closed to everyone else, the police included', async () => {
    expectAnswer(await query(investigator, '{ policiesInForce { version } }'), { data: { policiesInForce: null }, errors: [refused('policiesInForce', 'ROLE_NOT_ALLOWED')] });
    const change = await query(investigator, 'mutation { rollbackPolicies(version: 1, reason: "I would like more access") { version } }');
    expectAnswer(change, { data: { rollbackPolicies: null }, errors: [refused('rollbackPolicies', 'ROLE_NOT_ALLOWED')] });
  });

  it('refuses a broken change with file, line and message, and changes nothing', async () => {
    const original = fileIn(first, CITIZEN_POLICY);
    const broken = await propose([{ path: CITIZEN_POLICY, content: original.replace('fullName', 'fullNameTypo') }], 'Rename a field by mistake');
    const { body } = broken;
    expectAnswer(broken, { data: { proposePolicyChange: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'proposePolicyChange' }] });
    expect(body.errors?.[0].extensions?.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^policies\/population\/citizen\.policy\.yaml:\d+: Type "Citizen" has no field "fullNameTypo"$/)]),
    );
    expect((await inForce()).version).toBe(first.version);
    expect(await justiceReadsName()).toBeTypeOf('string');
    const escape = await propose([{ path: '../../etc/passwd', content: 'x' }], 'Try to write outside the folder');
    expectAnswer(escape, { data: { proposePolicyChange: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'proposePolicyChange' }] });
  });

  it('puts a narrowing change in force in the subgraphs within a second, versioned with author and reason, and rolls it back', async () => {
    const content = withoutRulesFor('so-tu-phap', fileIn(first, CITIZEN_POLICY));
    const { body } = await propose([{ path: CITIZEN_POLICY, content }], 'Suspend the justice department’s access pending review');
    expect(body.errors).toBeUndefined();
    expect(body.data.proposePolicyChange).toMatchObject({
      status: 'APPLIED',
      version: first.version + 1,
      action: 'CHANGE',
      baseVersion: first.version,
      author: 'so-khcn-attt-01',
      decidedBy: 'so-khcn-attt-01',
      reason: 'Suspend the justice department’s access pending review',
      changedFiles: [CITIZEN_POLICY],
      widening: false,
    });
    expect(await within(1.5, async () => (await justiceReadsName()) === null)).toBe(true);

    // Giving the access back widens it: the rollback waits for a second officer.
    const back = await query(officer, `mutation { rollbackPolicies(version: ${first.version}, reason: "Review done: access restored") { id status version widening } }`);
    expect(back.body.data.rollbackPolicies).toMatchObject({ status: 'PENDING', version: null, widening: true });
    expect(await justiceReadsName()).toBeNull();
    const approved = await query({ role: 'security-officer', sub: 'so-khcn-attt-02' }, `mutation { approvePolicyProposal(id: ${back.body.data.rollbackPolicies.id}, reason: "Reviewed: restore it") { status version } }`);
    expect(approved.body.data.approvePolicyProposal).toEqual({ status: 'APPROVED', version: first.version + 2 });
    expect(await within(1.5, async () => (await justiceReadsName()) !== null)).toBe(true);
    const history = await query(officer, '{ policyVersions(first: 3) { version action restoresVersion author approvedBy } }');
    expect(history.body.data.policyVersions[0]).toEqual({ version: first.version + 2, action: 'ROLLBACK', restoresVersion: first.version, author: 'so-khcn-attt-01', approvedBy: 'so-khcn-attt-02' });
  });

  it('explains field by field what a real query then returns', async () => {
    const text = `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName religion landParcels { area } civilEvents { kind } } }`;
    const { body } = await query(officer, 'query ($q: String!) { explainAccess(principal: { roles: ["officer"], agency: "so-tu-phap" }, purpose: "civil-status-procedure", query: $q) { path allowed reason rule } }', {
      variables: { q: text },
    });
    expect(body.errors).toBeUndefined();
    const explained = body.data.explainAccess as Array<{ path: string; allowed: boolean; reason: string | null }>;
    const verdict = (path: string) => explained.filter((entry) => entry.path === path).every((entry) => entry.allowed);
    const real = await query(justiceOfficer, text);
    const deniedPaths = new Set(errorsOf(real.body).map((error) => error.path?.replace(/\.\d+/g, '')));
    for (const path of ['citizen', 'citizen.fullName', 'citizen.religion', 'citizen.landParcels', 'citizen.civilEvents']) {
      expect({ path, allowed: verdict(path) }).toEqual({ path, allowed: !deniedPaths.has(path) });
    }
    expect(verdict('citizen.fullName')).toBe(true);
    expect(verdict('citizen.religion')).toBe(false);
  });
});
