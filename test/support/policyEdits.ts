// What the policy tests do to a policy file, and how they wait for a running system to follow.
import { parseDocument } from 'yaml';
import { justiceOfficer, query, seededProvince, type Who } from './stack.ts';

/** The policy text without the rules that name the given agency. */
export function withoutRulesFor(agency: string, policyText: string): string {
  const document = parseDocument(policyText);
  const rules = document.getIn(['rules']) as { items: Array<{ toJSON(): { agencies?: string[] } }> };
  rules.items = rules.items.filter((rule) => !(rule.toJSON().agencies ?? []).includes(agency));
  return document.toString();
}

/** Polls `check` until it holds or `seconds` pass. */
export async function within(seconds: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  do {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return false;
}

/** What a justice officer gets for the first demo citizen's name: the whole response. */
export async function justiceAsksForAName() {
  return query(justiceOfficer, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName } }`);
}

/** The first demo citizen's name, as the justice officer of `justiceAsksForAName` reads it. */
export function demoName(): string {
  const id = seededProvince().demoCitizenIds[0];
  return seededProvince().citizens.find((citizen) => citizen.id === id)!.fullName;
}

/** Two security officers: a change that widens access needs both, one proposing and the other approving. */
export const securityOfficer: Who = { role: 'security-officer', sub: 'so-khcn-attt-01' };
export const secondSecurityOfficer: Who = { role: 'security-officer', sub: 'so-khcn-attt-02' };

export const PROPOSAL_FIELDS = `id status action baseVersion author reason changedFiles widening changes { widening text }
  impact { days entriesReplayed capped unavailableRegisters rows { agency field refusedToDisclosed disclosedToRefused notReDecided } }
  decidedBy decisionReason version`;

/** The population register's citizen policy: the file most policy tests edit. */
export const CITIZEN_POLICY = 'population/citizen.policy.yaml';

/** One file's text in a policy set's files. */
export function fileIn(set: { files: Array<{ path: string; content: string }> }, path: string): string {
  return set.files.find((file) => file.path === path)!.content;
}

/** The version in force and its files, as a security officer reads them. */
export async function policiesInForce(): Promise<{ version: number; files: Array<{ path: string; content: string }> }> {
  const { body } = await query(securityOfficer, '{ policiesInForce { version files { path content } } }');
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.policiesInForce;
}

/** `proposePolicyChange` by `who`, on `baseVersion` (the version in force when omitted): the whole response. */
export async function proposePolicies(who: Who, files: Array<{ path: string; content: string | null }>, reason: string, baseVersion?: number) {
  const base = baseVersion ?? (await policiesInForce()).version;
  return query(who, `mutation ($input: PolicyChangeInput!) { proposePolicyChange(input: $input) { ${PROPOSAL_FIELDS} } }`, {
    variables: { input: { baseVersion: base, reason, files } },
  });
}

/** `approvePolicyProposal` by `who`: the whole response. */
export async function approveProposal(who: Who, id: number, reason: string) {
  return query(who, `mutation ($id: Int!, $reason: String!) { approvePolicyProposal(id: $id, reason: $reason) { ${PROPOSAL_FIELDS} } }`, { variables: { id, reason } });
}

/** A proposal that waits for a second officer is approved by one: what tests need to get a change in force. */
async function inForce(proposal: { body: { data?: Record<string, { id: number; status: string } | null> | null; errors?: unknown } }, field: string) {
  const made = proposal.body.data?.[field];
  if (!made) throw new Error(JSON.stringify(proposal.body.errors));
  if (made.status !== 'PENDING') return made;
  const approved = await approveProposal(secondSecurityOfficer, made.id, 'Second officer: reviewed for the test');
  if (!approved.body.data?.approvePolicyProposal) throw new Error(JSON.stringify(approved.body.errors));
  return approved.body.data.approvePolicyProposal as { id: number; status: string };
}

/** Puts `files` in force through the console, with a second officer's approval when the change widens access. */
export async function putPoliciesInForce(files: Array<{ path: string; content: string | null }>, reason: string) {
  return inForce(await proposePolicies(securityOfficer, files, reason), 'proposePolicyChange');
}

/** Restores an earlier version through the console (a rollback that widens access is approved by the second officer). */
export async function restorePolicies(version: number, reason: string) {
  const rollback = await query(securityOfficer, `mutation ($version: Int!, $reason: String!) { rollbackPolicies(version: $version, reason: $reason) { id status } }`, {
    variables: { version, reason },
  });
  // Already in force: nothing to restore.
  if ((rollback.body.errors as Array<{ message: string }> | undefined)?.[0]?.message === 'The proposal changes nothing') return null;
  return inForce(rollback, 'rollbackPolicies');
}
