// Where data is read, a sharing service the owner has switched off is refused with the owner's notice,
// and a rule that requires a connection agreement holds only while the caller's agency has one in force.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { expectAnswer } from '../support/expectAnswer.ts';
import { demoName, justiceAsksForAName, within } from '../support/policyEdits.ts';
import { getStack, investigator, livePolicyDir, query, seededProvince, type Who } from '../support/stack.ts';

const citizenPolicy = join(livePolicyDir, 'population/citizen.policy.yaml');
const original = readFileSync(citizenPolicy, 'utf8');
const NOTICE = 'Dịch vụ tạm dừng để nâng cấp đến hết ngày 10/12/2026 / Paused for an upgrade until 10 Dec 2026';

/** The citizen policy with its identity group switched off. */
function withIdentityDisabled(): string {
  const document = parseDocument(original);
  document.setIn(['field_groups', 'identity', 'disabled'], document.createNode({ notice: NOTICE, since: '2026-12-01' }));
  return document.toString();
}

describe('an owner switching a sharing service off', () => {
  beforeAll(async () => {
    await getStack();
  });

  afterEach(async () => {
    writeFileSync(citizenPolicy, original);
    expect(await within(1.5, async () => (await justiceAsksForAName()).body.data?.citizen?.fullName != null)).toBe(true);
  });

  it('refuses the justice officer a name with SERVICE_DISABLED and the owner’s notice, from the next reload', async () => {
    writeFileSync(citizenPolicy, withIdentityDisabled());
    expect(await within(1.5, async () => (await justiceAsksForAName()).body.data?.citizen?.fullName === null)).toBe(true);
    const answer = await justiceAsksForAName();
    expectAnswer(answer, {
      data: { citizen: { fullName: null } },
      errors: [
        {
          code: 'FORBIDDEN',
          reason: 'SERVICE_DISABLED',
          path: 'citizen.fullName',
          extensions: {
            code: 'FORBIDDEN',
            reason: 'SERVICE_DISABLED',
            policy: 'population.citizen',
            rule: 'justice-registers-civil-status',
            notice: NOTICE,
            requestId: expect.any(String),
            serviceName: 'population',
          },
        },
      ],
    });
  });

  it('still lets the police, who own the register, read the same name', async () => {
    writeFileSync(citizenPolicy, withIdentityDisabled());
    expect(await within(1.5, async () => (await justiceAsksForAName()).body.data?.citizen?.fullName === null)).toBe(true);
    const id = seededProvince().demoCitizenIds[0];
    expectAnswer(await query(investigator, `{ citizen(id: "${id}") { fullName } }`), { data: { citizen: { fullName: demoName() } } });
  });
});

describe('the tax office reading the population register on a connection agreement', () => {
  const taxOfficer: Who = { role: 'officer', agency: 'thue-tinh', sub: 'thue-qlt-07', purpose: 'tax-administration' };
  const policeOfficer: Who = { role: 'officer', agency: 'cong-an-tinh', sub: 'ca-pc06-02' };
  const SUSPENSION = 'Phát hiện truy vấn bất thường từ hệ thống thuế, tạm dừng để rà soát / Unusual queries, paused for review';
  let id: string;
  let name: string;

  const readName = () => query(taxOfficer, `{ citizen(id: "${id}") { id fullName } }`);
  /** What the policy console says the tax office may read of a name, as the registers would decide now. */
  const explained = async () => {
    const { body } = await query(
      { role: 'security-officer', sub: 'so-khcn-attt-01' },
      'query ($q: String!) { explainAccess(principal: { roles: ["officer"], agency: "thue-tinh" }, purpose: "tax-administration", query: $q) { path allowed reason rule } }',
      { variables: { q: `{ citizen(id: "${id}") { fullName } }` } },
    );
    expect(body.errors).toBeUndefined();
    return body.data.explainAccess.find((field: { path: string }) => field.path === 'citizen.fullName');
  };
  const act = async (who: Who, mutation: string, variables: Record<string, unknown>) => {
    const answer = await query(who, mutation, { variables });
    expect(answer.body.errors).toBeUndefined();
    return answer;
  };

  beforeAll(async () => {
    await getStack();
    id = seededProvince().demoCitizenIds[1];
    name = seededProvince().citizens.find((citizen) => citizen.id === id)!.fullName;
  });

  it('is refused with CONNECTION_REQUIRED until the police approve a connection, then reads; refused with the reason while suspended; reads again once resumed; refused once ended', async () => {
    const refusedFor = (reason: string, notice?: string) => ({
      data: { citizen: null },
      errors: [{ code: 'FORBIDDEN', reason, path: 'citizen', ...(notice ? { extensions: expect.objectContaining({ reason, notice }) } : {}) }],
    });
    expectAnswer(await readName(), refusedFor('CONNECTION_REQUIRED'));
    expect(await explained()).toEqual({ path: 'citizen.fullName', allowed: false, reason: 'CONNECTION_REQUIRED', rule: 'tax-office-identifies-taxpayers' });

    const drafted = await query(
      taxOfficer,
      'mutation ($input: ConnectionRequestInput!) { draftConnectionRequest(input: $input) { id state } }',
      {
        variables: {
          input: {
            purpose: 'tax-administration',
            legalBasis: 'data-sharing-decree-2025',
            fieldGroups: ['population.citizen:key', 'population.citizen:identity'],
            systemName: 'Hệ thống quản lý thuế TMS',
            contact: 'Ngô Văn Thắng, 0221 3863 100',
            periodStart: '2026-01-01',
            periodEnd: '2099-12-31',
          },
        },
      },
    );
    expect(drafted.body.errors).toBeUndefined();
    const request = drafted.body.data.draftConnectionRequest.id as string;
    await act(taxOfficer, 'mutation ($id: ID!) { submitConnectionRequest(id: $id) { state } }', { id: request });
    // Asked for, not yet approved: still no connection.
    expectAnswer(await readName(), refusedFor('CONNECTION_REQUIRED'));

    await act(policeOfficer, 'mutation ($id: ID!) { approveConnectionRequest(id: $id, approvedUntil: "2099-12-31") { state } }', { id: request });
    expectAnswer(await readName(), { data: { citizen: { id, fullName: name } } });
    expect(await explained()).toEqual({ path: 'citizen.fullName', allowed: true, reason: null, rule: 'tax-office-identifies-taxpayers' });

    await act(policeOfficer, 'mutation ($id: ID!, $reason: String!) { suspendConnection(id: $id, reason: $reason) { state } }', { id: request, reason: SUSPENSION });
    expectAnswer(await readName(), refusedFor('CONNECTION_SUSPENDED', SUSPENSION));

    await act(policeOfficer, 'mutation ($id: ID!, $reason: String) { resumeConnection(id: $id, reason: $reason) { state } }', { id: request, reason: 'Đã rà soát xong' });
    expectAnswer(await readName(), { data: { citizen: { id, fullName: name } } });

    await act(policeOfficer, 'mutation ($id: ID!, $reason: String!) { endConnection(id: $id, reason: $reason) { state } }', { id: request, reason: 'Hết nhu cầu' });
    expectAnswer(await readName(), refusedFor('CONNECTION_REQUIRED'));
  });
});
