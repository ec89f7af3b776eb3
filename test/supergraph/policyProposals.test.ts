// Two security officers and the finance department's access to beliefs: a change that widens access
// waits for the second officer and shows what it changes and what it would have changed in recent
// decisions; one that narrows access is in force at once; a change on an old version is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { approveProposal, justiceAsksForAName, PROPOSAL_FIELDS, policiesInForce, proposePolicies, restorePolicies, secondSecurityOfficer, securityOfficer, within, withoutRulesFor, CITIZEN_POLICY, fileIn } from '../support/policyEdits.ts';
import { getStack, query, seededProvince, type Who } from '../support/stack.ts';

const financeOfficer: Who = { role: 'officer', agency: 'so-tai-chinh', purpose: 'business-registration' };

interface Proposal {
  id: number;
  status: string;
  baseVersion: number;
  widening: boolean;
  changes: Array<{ widening: boolean; text: string }>;
  impact: { days: number; entriesReplayed: number; capped: boolean; unavailableRegisters: string[]; rows: Array<{ agency: string; field: string; refusedToDisclosed: number; disclosedToRefused: number; notReDecided: number }> };
  decidedBy: string | null;
  version: number | null;
}

/** The finance department's rule also naming beliefs (ethnicity, religion): a widening change. */
function financeReadsBeliefs(policy: string): string {
  const widened = policy.replace('  - id: finance-verifies-legal-representatives\n    may_read: [key, identity, residence]', '  - id: finance-verifies-legal-representatives\n    may_read: [key, identity, residence, beliefs]');
  expect(widened).not.toBe(policy);
  return widened;
}

async function financeReadsReligion() {
  return query(financeOfficer, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { religion } }`);
}

const religionRow = (proposal: Proposal) => proposal.impact.rows.find((row) => row.agency === 'so-tai-chinh' && row.field === 'Citizen.religion');

describe('two security officers changing who may read what', () => {
  let first: { version: number; files: Array<{ path: string; content: string }> };
  let citizenPolicy: string;

  beforeAll(async () => {
    await getStack();
    first = await policiesInForce();
    citizenPolicy = fileIn(first, CITIZEN_POLICY);
  });

  afterAll(async () => {
    await restorePolicies(first.version, 'Test over: restore the seed policies');
  });

  it('keeps a widening change pending until a second officer approves it, with its diff and impact', async () => {
    const seed = seededProvince().citizens.find((citizen) => citizen.id === seededProvince().demoCitizenIds[0])!;
    expectAnswer(await financeReadsReligion(), { data: { citizen: { religion: null } }, errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED')] });

    // A first proposal, rejected, counts what the log holds so far; two more refused reads, and the next counts them too.
    const before = (await proposePolicies(securityOfficer, [{ path: CITIZEN_POLICY, content: financeReadsBeliefs(citizenPolicy) }], 'Finance wants beliefs: first look')).body.data
      .proposePolicyChange as Proposal;
    // Every register answered: a count from a register that did not would make the difference below meaningless.
    expect(before.impact.unavailableRegisters).toEqual([]);
    const rejected = await query(secondSecurityOfficer, `mutation { rejectPolicyProposal(id: ${before.id}, reason: "Look again after more reads") { status decidedBy } }`);
    expect(rejected.body.data.rejectPolicyProposal).toEqual({ status: 'REJECTED', decidedBy: 'so-khcn-attt-02' });
    await financeReadsReligion();
    await financeReadsReligion();

    const proposed = await proposePolicies(securityOfficer, [{ path: CITIZEN_POLICY, content: financeReadsBeliefs(citizenPolicy) }], 'Finance asks to read beliefs of legal representatives');
    const { body } = proposed;
    expect(body.errors).toBeUndefined();
    const proposal = body.data.proposePolicyChange as Proposal;
    expect(proposal).toMatchObject({ status: 'PENDING', baseVersion: first.version, widening: true, decidedBy: null, version: null });
    expect(proposal.changes).toEqual([
      {
        widening: true,
        text: 'so-tai-chinh officers and systems may now read Citizen.ethnicity and Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)',
      },
    ]);
    // Whether the replay reached its cap depends on what the whole suite logged before this file (the
    // stack is shared); either way it reads the newest entries first, which hold the reads counted here.
    expect(proposal.impact).toMatchObject({ days: 30, unavailableRegisters: [] });
    expect(religionRow(proposal)).toEqual({
      agency: 'so-tai-chinh',
      field: 'Citizen.religion',
      refusedToDisclosed: (religionRow(before)?.refusedToDisclosed ?? 0) + 2,
      disclosedToRefused: 0,
      notReDecided: 0,
    });
    // The replay read the citizen's entries (the refused reads it counted) but showed them to no one: her
    // log does not say the security officer looked at them.
    const herLog = await query({ role: 'citizen', sub: seed.id, purpose: 'citizen-self-service' }, '{ myDataAccessLog(first: 100) { nodes { requestId fields { field } } } }');
    expect(herLog.body.errors).toBeUndefined();
    const proposalRequest = proposed.headers.get('x-request-id');
    expect(proposalRequest).toBeTruthy();
    expect(herLog.body.data.myDataAccessLog.nodes.filter((entry: { requestId: string }) => entry.requestId === proposalRequest)).toEqual([]);
    // Pending: nothing changed yet, the proposal is listed, and the field is still refused.
    expect((await policiesInForce()).version).toBe(first.version);
    const pending = await query(securityOfficer, '{ policyProposals(status: PENDING) { id status } }');
    expect(pending.body.data.policyProposals).toContainEqual({ id: proposal.id, status: 'PENDING' });
    expectAnswer(await financeReadsReligion(), { data: { citizen: { religion: null } }, errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED')] });

    // The author alone cannot put it in force; an ordinary officer cannot approve anything.
    expectAnswer(await approveProposal(securityOfficer, proposal.id, 'I approve my own change'), {
      data: { approvePolicyProposal: null },
      errors: [{ code: 'FORBIDDEN', reason: 'SECOND_OFFICER_REQUIRED', path: 'approvePolicyProposal' }],
    });
    expectAnswer(await approveProposal(financeOfficer, proposal.id, 'We approve our own access'), {
      data: { approvePolicyProposal: null },
      errors: [refused('approvePolicyProposal', 'ROLE_NOT_ALLOWED')],
    });

    const approved = await approveProposal(secondSecurityOfficer, proposal.id, 'Reviewed: the enterprise law needs it');
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data.approvePolicyProposal).toMatchObject({ status: 'APPROVED', decidedBy: 'so-khcn-attt-02', version: first.version + 1 });
    expect(await within(1.5, async () => (await financeReadsReligion()).body.errors === undefined)).toBe(true);
    expectAnswer(await financeReadsReligion(), { data: { citizen: { religion: seed.religion } } });
    const history = await query(securityOfficer, '{ policyVersions(first: 1) { version author approvedBy } }');
    expect(history.body.data.policyVersions).toEqual([{ version: first.version + 1, author: 'so-khcn-attt-01', approvedBy: 'so-khcn-attt-02' }]);

    // Taking it back narrows access: in force at once, by one officer, and the replay counts the read just given.
    const back = await query(securityOfficer, `mutation { rollbackPolicies(version: ${first.version}, reason: "Finance access to beliefs ends") { ${PROPOSAL_FIELDS} } }`);
    const narrowing = back.body.data.rollbackPolicies as Proposal;
    expect(narrowing).toMatchObject({ status: 'APPLIED', widening: false, decidedBy: 'so-khcn-attt-01', version: first.version + 2 });
    expect(narrowing.changes[0]).toEqual({
      widening: false,
      text: 'so-tai-chinh officers and systems may no longer read Citizen.ethnicity and Citizen.religion for business-registration (rule finance-verifies-legal-representatives of population.citizen)',
    });
    // The two reads given under the approved change (the first answer that came without an error, then one more).
    expect(religionRow(narrowing)?.disclosedToRefused).toBe(2);
    expect(await within(1.5, async () => (await financeReadsReligion()).body.errors !== undefined)).toBe(true);
    expectAnswer(await financeReadsReligion(), { data: { citizen: { religion: null } }, errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED')] });
  });

  it('refuses a change made on an older version, naming the version to rebase on', async () => {
    const current = (await policiesInForce()).version;
    const stale = await proposePolicies(securityOfficer, [{ path: CITIZEN_POLICY, content: withoutRulesFor('so-tu-phap', citizenPolicy) }], 'Made on an old version', current - 1);
    expectAnswer(stale, {
      data: { proposePolicyChange: null },
      errors: [
        {
          code: 'BAD_USER_INPUT',
          reason: 'POLICY_VERSION_CONFLICT',
          path: 'proposePolicyChange',
          message: `The change was made on policy version ${current - 1}, but version ${current} is in force: rebase it on version ${current}. Nothing changed.`,
        },
      ],
    });
    expect(stale.body.errors?.[0].extensions?.versionInForce).toBe(current);
    expect((await policiesInForce()).version).toBe(current);
    expect((await justiceAsksForAName()).body.data.citizen.fullName).toBeTypeOf('string');
  });

  it('puts exactly one of two changes made at once on the same version in force', async () => {
    const base = (await policiesInForce()).version;
    const withoutJustice = withoutRulesFor('so-tu-phap', citizenPolicy);
    const withoutTax = withoutRulesFor('thue-tinh', citizenPolicy);
    const answers = await Promise.all([
      proposePolicies(securityOfficer, [{ path: CITIZEN_POLICY, content: withoutJustice }], 'Suspend the justice department', base),
      proposePolicies(secondSecurityOfficer, [{ path: CITIZEN_POLICY, content: withoutTax }], 'Suspend the tax office', base),
    ]);
    const won = answers.filter((answer) => answer.body.data?.proposePolicyChange?.status === 'APPLIED');
    const lost = answers.filter((answer) => answer.body.data?.proposePolicyChange === null);
    expect({ won: won.length, lost: lost.length }).toEqual({ won: 1, lost: 1 });
    expect(lost[0].body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICY_VERSION_CONFLICT', versionInForce: base + 1 });
    const inForce = await policiesInForce();
    expect(inForce.version).toBe(base + 1);
    const winner = won[0] === answers[0] ? withoutJustice : withoutTax;
    expect(fileIn(inForce, CITIZEN_POLICY)).toBe(winner);
    // The refused change left no gap in the history: the next version is the one after the winner's.
    await restorePolicies(base, 'Both offices again');
    const history = await query(securityOfficer, '{ policyVersions(first: 3) { version } }');
    expect(history.body.data.policyVersions).toEqual([{ version: base + 2 }, { version: base + 1 }, { version: base }]);
  });

  it('refuses to approve a pending change once another version is in force', async () => {
    await restorePolicies(first.version, 'Back to the seed policies');
    const base = (await policiesInForce()).version;
    const widening = await proposePolicies(securityOfficer, [{ path: CITIZEN_POLICY, content: financeReadsBeliefs(citizenPolicy) }], 'Finance asks for beliefs again', base);
    const { id } = widening.body.data.proposePolicyChange as Proposal;
    const narrowing = await proposePolicies(secondSecurityOfficer, [{ path: CITIZEN_POLICY, content: withoutRulesFor('thue-tinh', citizenPolicy) }], 'Suspend the tax office', base);
    expect(narrowing.body.data.proposePolicyChange).toMatchObject({ status: 'APPLIED', version: base + 1 });
    const late = await approveProposal(secondSecurityOfficer, id, 'Approve the older proposal');
    expectAnswer(late, { data: { approvePolicyProposal: null }, errors: [{ code: 'BAD_USER_INPUT', reason: 'POLICY_VERSION_CONFLICT', path: 'approvePolicyProposal' }] });
    const still = await query(securityOfficer, `{ policyProposal(id: ${id}) { status } }`);
    expect(still.body.data.policyProposal).toEqual({ status: 'PENDING' });
    expect((await policiesInForce()).version).toBe(base + 1);
  });
});
