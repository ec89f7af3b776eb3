// A security officer edits a policy file of the running system: a good edit is in force within a
// second, without a restart; a broken one is refused and the last good policy stays in force.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { demoName, justiceAsksForAName as justiceReadsName, within, withoutRulesFor } from '../support/policyEdits.ts';
import { getStack, livePolicyDir } from '../support/stack.ts';

const citizenPolicy = join(livePolicyDir, 'population/citizen.policy.yaml');
const original = readFileSync(citizenPolicy, 'utf8');


describe('a security officer changing the population policy while the system runs', () => {
  beforeAll(async () => {
    await getStack();
  });

  afterEach(async () => {
    writeFileSync(citizenPolicy, original);
    expect(await within(1.5, async () => (await justiceReadsName()).body.data?.citizen?.fullName != null)).toBe(true);
  });

  it('withdraws the justice department’s access to names, in force within a second', async () => {
    expectAnswer(await justiceReadsName(), { data: { citizen: { fullName: demoName() } } });
    writeFileSync(citizenPolicy, withoutRulesFor('so-tu-phap', original));

    expect(await within(1.5, async () => (await justiceReadsName()).body.data?.citizen === null)).toBe(true);
    const answer = await justiceReadsName();
    // What is left for the justice department is the consent rule, for another purpose: nothing of the
    // record, so not even whether it exists.
    expectAnswer(answer, { data: { citizen: null }, errors: [refused('citizen', 'PURPOSE_REQUIRED')] });
  });

  it('refuses a broken edit and keeps the last good policy in force', async () => {
    writeFileSync(citizenPolicy, `${original}\n  - id: [broken\n`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expectAnswer(await justiceReadsName(), { data: { citizen: { fullName: demoName() } } });
  });

  it('refuses an edit naming a field the schema lacks, and keeps the last good policy', async () => {
    writeFileSync(citizenPolicy, original.replace(/fullName/, 'fullNameTypo'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { subgraphs } = await getStack();
    expectAnswer(await justiceReadsName(), { data: { citizen: { fullName: demoName() } } });
    expect(subgraphs.population.policies.policies().fields.has('Citizen.fullName')).toBe(true);
  });
});
