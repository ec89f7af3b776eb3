// A policy test case that fails is a problem at the case's line, with what was expected and what happened.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../config/subgraphSchemas.ts';
import { policySchemaOf } from './checkSubgraphPolicies.ts';
import { DEFAULT_POLICY_DIR, loadSubgraphPolicies } from './loadSubgraphPolicies.ts';
import { failedCaseProblems, readPolicyCaseFiles } from './policyCases.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a failing policy test case', () => {
  it('is a POLICY_TEST_FAILED problem per field, naming the case, the field, and both outcomes', () => {
    const population = subgraphTypeDefs().find(({ name }) => name === 'population')!;
    const compiled = loadSubgraphPolicies('population', policySchemaOf(population.typeDefs), DEFAULT_POLICY_DIR).compiled!;
    mkdirSync(join(dir, 'population'));
    writeFileSync(join(dir, 'population', 'citizen.policy_test.yaml'), `policy: population.citizen
cases:
  - name: the police read a name
    who: {role: officer, agency: cong-an-tinh}
    purpose: criminal-investigation
    reads: [fullName]
    expect: allow
  - name: the police read classified notes
    who: {role: officer, agency: cong-an-tinh}
    purpose: criminal-investigation
    reads: [fullName, securityNotes]
    expect: allow
`);
    const [caseFile] = readPolicyCaseFiles(dir, 'population');
    expect(failedCaseProblems(compiled, caseFile)).toEqual([
      {
        file: 'policies/population/citizen.policy_test.yaml',
        line: 8,
        code: 'POLICY_TEST_FAILED',
        params: { case: 'the police read classified notes', field: 'securityNotes', expected: 'allow', actual: 'deny STATE_SECRET' },
        message: 'Test case "the police read classified notes": securityNotes is deny STATE_SECRET, expected allow',
      },
    ]);
  });
});
