// Removing a policy test case is a widening change: it is named, file by file.
import { describe, expect, it } from 'vitest';
import { changeDetail } from '../../../../shared/policy/policyDiff.ts';
import { removedTestCases } from './removedTestCases.ts';

const cases = (...names: string[]) => `policy: population.citizen\ncases:\n${names.map((name) => `  - name: ${name}\n    who: {role: officer}\n    reads: [id]\n    expect: allow\n`).join('')}`;
const PATH = 'population/citizen.policy_test.yaml';

describe('the test cases a policy change removes', () => {
  it('names each removed case, and nothing when cases are only added or the file is untouched', () => {
    expect(removedTestCases({ [PATH]: cases('a', 'b') }, { [PATH]: cases('a') })).toEqual([{ widening: true, text: `test case "b" removed from ${PATH}`, detail: changeDetail('test-case-removed', { testCase: 'b', file: PATH }) }]);
    expect(removedTestCases({ [PATH]: cases('a') }, { [PATH]: cases('a', 'c') })).toEqual([]);
    expect(removedTestCases({ [PATH]: cases('a') }, { [PATH]: cases('a') })).toEqual([]);
  });

  it('counts every case of a deleted test file as removed', () => {
    expect(removedTestCases({ [PATH]: cases('a') }, {})).toEqual([{ widening: true, text: `test case "a" removed from ${PATH}`, detail: changeDetail('test-case-removed', { testCase: 'a', file: PATH }) }]);
  });
});
