// Every `*.policy_test.yaml` beside the policies, run against the compiled seed policies.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_DIR, formatProblems, loadSubgraphPolicies } from '../../shared/policy/loadSubgraphPolicies.ts';
import { expectedOutcome, outcomeOf, readPolicyCaseFiles, runPolicyCase } from '../../shared/policy/policyCases.ts';
import { SUBGRAPHS } from '../../subgraphs/registry.ts';

for (const definition of Object.values(SUBGRAPHS)) {
  const loaded = loadSubgraphPolicies(definition.name, buildSubgraphSchema({ typeDefs: definition.typeDefs }), DEFAULT_POLICY_DIR);

  describe(`the ${definition.name} policies`, () => {
    it('are valid and cover every field of the schema', () => {
      expect(formatProblems(loaded.problems)).toBe('');
    });

    const caseFiles = readPolicyCaseFiles(DEFAULT_POLICY_DIR, definition.name);
    it('ship with test cases', () => {
      expect(caseFiles.length).toBeGreaterThan(0);
    });

    for (const caseFile of caseFiles) {
      describe(caseFile.file, () => {
        for (const testCase of caseFile.cases) {
          it(testCase.name, () => {
            expect(loaded.compiled, 'the policies must compile').not.toBeNull();
            const expected = expectedOutcome(testCase);
            const outcomes = runPolicyCase(loaded.compiled!, caseFile.policy, testCase);
            expect(outcomes.map(({ field, decision }) => `${field}: ${outcomeOf(decision)}`)).toEqual(
              testCase.reads.map((field) => `${field}: ${expected}`),
            );
          });
        }
      });
    }
  });
}
