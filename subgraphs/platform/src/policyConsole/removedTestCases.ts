// A policy's test cases are what keeps a later change honest: removing one widens what a change can do
// unnoticed, so it needs a second officer like any widening of access.
import { parse } from 'yaml';
import { changeDetail, type PolicyChange } from '../../../../shared/policy/policyDiff.ts';
import type { PolicyFileSet } from './policyFiles.ts';

function caseNamesOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const cases = (parse(text) as { cases?: Array<{ name?: unknown }> } | null)?.cases;
    return Array.isArray(cases) ? cases.map((entry) => String(entry?.name)) : [];
  } catch {
    return [];
  }
}

/** One sentence per test case the proposal removes (or makes unreadable), file by file. */
export function removedTestCases(before: PolicyFileSet, after: PolicyFileSet): PolicyChange[] {
  return Object.keys(before)
    .filter((path) => path.endsWith('.policy_test.yaml') && before[path] !== after[path])
    .sort()
    .flatMap((path) => {
      const kept = new Set(caseNamesOf(after[path]));
      return caseNamesOf(before[path])
        .filter((name) => !kept.has(name))
        .map((name) => ({ widening: true, text: `test case "${name}" removed from ${path}`, detail: changeDetail('test-case-removed', { testCase: name, file: path }) }));
    });
}
