// Where data is read, a sharing service the owner has switched off is refused with the owner's notice,
// and a rule that requires a connection agreement holds only while the caller's agency has one in force.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { expectAnswer } from '../support/expectAnswer.ts';
import { demoName, justiceAsksForAName, within } from '../support/policyEdits.ts';
import { getStack, investigator, livePolicyDir, query, seededProvince } from '../support/stack.ts';

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
