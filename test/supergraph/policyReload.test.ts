// A security officer edits a policy file of the running system: a good edit is in force within a
// second, without a restart; a broken one is refused and the last good policy stays in force.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getStack, justiceOfficer, livePolicyDir, query, seededProvince } from '../support/stack.ts';

const citizenPolicy = join(livePolicyDir, 'population/citizen.policy.yaml');
const original = readFileSync(citizenPolicy, 'utf8');

async function justiceReadsName() {
  const id = seededProvince().demoCitizenIds[0];
  const { body } = await query(justiceOfficer, `{ citizen(id: "${id}") { fullName } }`);
  return body;
}

/** Polls for at most 1.5 s: the promise is "within a second", plus the time of one request. */
async function within(seconds: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  do {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return false;
}

describe('a security officer changing the population policy while the system runs', () => {
  beforeAll(async () => {
    await getStack();
  });

  afterEach(async () => {
    writeFileSync(citizenPolicy, original);
    expect(await within(1.5, async () => (await justiceReadsName()).data?.citizen?.fullName != null)).toBe(true);
  });

  it('withdraws the justice department’s access to names, in force within a second', async () => {
    expect((await justiceReadsName()).data.citizen.fullName).toBeTypeOf('string');
    const document = parseDocument(original);
    const rules = document.getIn(['rules']) as { items: Array<{ toJSON(): { agencies?: string[] } }> };
    rules.items = rules.items.filter((rule) => !(rule.toJSON().agencies ?? []).includes('so-tu-phap'));
    writeFileSync(citizenPolicy, document.toString());

    expect(await within(1.5, async () => (await justiceReadsName()).data?.citizen?.fullName === null)).toBe(true);
    const body = await justiceReadsName();
    expect(body.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });

  it('refuses a broken edit and keeps the last good policy in force', async () => {
    writeFileSync(citizenPolicy, `${original}\n  - id: [broken\n`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const body = await justiceReadsName();
    expect(body.errors).toBeUndefined();
    expect(body.data.citizen.fullName).toBeTypeOf('string');
  });

  it('refuses an edit naming a field the schema lacks, and keeps the last good policy', async () => {
    writeFileSync(citizenPolicy, original.replace(/fullName/, 'fullNameTypo'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { subgraphs } = await getStack();
    const body = await justiceReadsName();
    expect(body.errors).toBeUndefined();
    expect(body.data.citizen.fullName).toBeTypeOf('string');
    expect(subgraphs.population.policies.policies().fields.has('Citizen.fullName')).toBe(true);
  });
});
