// A security officer's edit checked as it is typed: the problems at their file and line when it is
// invalid, what it would change when it is valid, and never a version, a proposal or a file written.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { policiesInForce, securityOfficer, CITIZEN_POLICY, fileIn } from '../support/policyEdits.ts';
import { getStack, query, type Who } from '../support/stack.ts';

const CHECK = `query ($baseVersion: Int!, $files: [PolicyFileInput!]!) {
  checkPolicyChange(baseVersion: $baseVersion, files: $files) { versionInForce valid problems { file line message code params { name value } } changedFiles widening changes { widening text detail { kind policy fields rule { id mayRead roles agencies purposes legalBasis } } } }
}`;

async function check(who: Who, baseVersion: number, content: string) {
  return query(who, CHECK, { variables: { baseVersion, files: [{ path: CITIZEN_POLICY, content }] } });
}

async function recordsSoFar() {
  const { body } = await query(securityOfficer, '{ policyVersions(first: 1) { version } policyProposals(first: 1) { id } }');
  return body.data;
}

describe('a security officer checking a policy edit before proposing it', () => {
  let first: { version: number; files: Array<{ path: string; content: string }> };
  let citizenPolicy: string;

  beforeAll(async () => {
    await getStack();
    first = await policiesInForce();
    citizenPolicy = fileIn(first, CITIZEN_POLICY);
  });

  it('names the line of each problem of a broken edit, and writes nothing', async () => {
    const before = await recordsSoFar();
    const lines = citizenPolicy.split('\n');
    const ruleLine = lines.findIndex((line) => line.includes('legal_basis:')) + 1;
    const broken = lines.map((line, index) => (index + 1 === ruleLine ? line.replace(/legal_basis: .*/, 'legal_basis: no-such-law') : line)).join('\n');
    const { body } = await check(securityOfficer, first.version, broken);
    expect(body.errors).toBeUndefined();
    expect(body.data.checkPolicyChange).toEqual({
      versionInForce: first.version,
      valid: false,
      problems: [
        {
          file: CITIZEN_POLICY,
          line: ruleLine,
          message: 'Unknown legal basis "no-such-law"',
          code: 'UNKNOWN_LEGAL_BASIS',
          params: [{ name: 'rule', value: 'police-manage-the-register' }, { name: 'legalBasis', value: 'no-such-law' }],
        },
      ],
      changedFiles: [CITIZEN_POLICY],
      widening: false,
      changes: [],
    });
    const notYaml = await check(securityOfficer, first.version, `${citizenPolicy}\n  : [unclosed`);
    expect(notYaml.body.data.checkPolicyChange.problems[0]).toMatchObject({ file: CITIZEN_POLICY, code: 'YAML_INVALID', message: expect.stringMatching(/^Not valid YAML/) });
    expect(await recordsSoFar()).toEqual(before);
    expect(fileIn((await policiesInForce()), CITIZEN_POLICY)).toBe(citizenPolicy);
  });

  it('says what a valid edit would change and whether it widens access, and writes nothing', async () => {
    const before = await recordsSoFar();
    const widened = citizenPolicy.replace('  - id: finance-verifies-legal-representatives\n    may_read: [key, identity, residence]', '  - id: finance-verifies-legal-representatives\n    may_read: [key, identity, residence, beliefs]');
    expect(widened).not.toBe(citizenPolicy);
    const { body } = await check(securityOfficer, first.version, widened);
    expect(body.errors).toBeUndefined();
    expect(body.data.checkPolicyChange).toEqual({
      versionInForce: first.version,
      valid: true,
      problems: [],
      changedFiles: [CITIZEN_POLICY],
      widening: true,
      changes: [
        {
          widening: true,
          text: 'so-tai-chinh officers and systems may now read Citizen.ethnicity and Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)',
          detail: {
            kind: 'READER_ADDED',
            policy: 'population.citizen',
            fields: ['Citizen.ethnicity', 'Citizen.religion'],
            rule: {
              id: 'finance-verifies-legal-representatives',
              mayRead: ['beliefs'],
              roles: ['officer', 'system'],
              agencies: ['so-tai-chinh'],
              purposes: ['business-registration'],
              legalBasis: 'enterprise-law-2020',
            },
          },
        },
      ],
    });
    const unchanged = await check(securityOfficer, first.version, citizenPolicy);
    expect(unchanged.body.data.checkPolicyChange).toMatchObject({ valid: true, changedFiles: [], widening: false, changes: [] });
    expect(await recordsSoFar()).toEqual(before);
    expect((await policiesInForce()).version).toBe(first.version);
  });

  it('refuses an edit made on an older version, and anyone but a security officer', async () => {
    const stale = await check(securityOfficer, first.version - 1, citizenPolicy);
    expect(stale.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICY_VERSION_CONFLICT', versionInForce: first.version });
    const officer: Who = { role: 'officer', agency: 'so-tu-phap', purpose: 'civil-status-procedure' };
    expectAnswer(await check(officer, first.version, citizenPolicy), { data: { checkPolicyChange: null }, errors: [refused('checkPolicyChange', 'ROLE_NOT_ALLOWED')] });
  });

  it('gives each register its rules as structured data, agency groups expanded', async () => {
    const { body } = await query(securityOfficer, '{ policySummaries(subgraph: "population") { path testPath policy owner fieldGroups { name level fields } rules { id mayRead roles agencies purposes legalBasis requiresCaseId } } }');
    expect(body.errors).toBeUndefined();
    const citizen = body.data.policySummaries.find((summary: { path: string }) => summary.path === CITIZEN_POLICY);
    expect(citizen).toMatchObject({ policy: 'population.citizen', owner: 'cong-an-tinh', testPath: 'population/citizen.policy_test.yaml' });
    expect(citizen.rules.find((rule: { id: string }) => rule.id === 'finance-verifies-legal-representatives')).toMatchObject({
      mayRead: ['key', 'identity', 'residence'],
      agencies: ['so-tai-chinh'],
      purposes: ['business-registration'],
    });
    const unknown = await query(securityOfficer, '{ policySummaries(subgraph: "nowhere") { path } }');
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
