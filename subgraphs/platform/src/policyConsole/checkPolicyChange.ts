// An edit checked as a security officer types it: validated and classified exactly as proposing it would
// (policyProposals.ts: applyFileChanges, classifyChange), and nothing is written or recorded.
import type { Knex } from 'knex';
import { MAX_POLICY_PROBLEMS } from '../../../../shared/loaders/listBounds.ts';
import { problemLine, type CheckedProblem } from '../../../../shared/policy/loadSubgraphPolicies.ts';
import type { PolicyProblemCode } from '../../../../shared/policy/PolicyDocument.ts';
import { policiesInForce, versionConflict } from './policyConsole.ts';
import { applyFileChanges, classifyChange } from './policyProposals.ts';

export interface PolicyProblemView {
  /** Path under policies/ (population/citizen.policy.yaml), or null when the problem names no file. */
  file: string | null;
  line: number | null;
  code: PolicyProblemCode;
  /** The values the message names, for a console to word it in its reader's language. */
  params: Array<{ name: string; value: string }>;
  message: string;
}

export function problemView(problem: CheckedProblem): PolicyProblemView {
  return {
    file: problem.file ? problem.file.replace(/^policies\//, '') : null,
    line: problem.file ? (problem.line ?? null) : null,
    code: problem.code,
    params: Object.entries(problem.params).map(([name, value]) => ({ name, value })),
    message: problem.message,
  };
}

/** Each problem once: one of a shared file (agency-groups.yaml) is found once per subgraph. */
function distinct(problems: CheckedProblem[]): CheckedProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = problemLine(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function checkPolicyChange(knex: Knex, dir: string, input: { baseVersion: number; files: Array<{ path: string; content?: string | null }> }) {
  const current = await policiesInForce(knex, dir);
  if (input.baseVersion !== current.version) throw versionConflict(input.baseVersion, current.version);
  const next = applyFileChanges(current.files, input.files);
  const { changedFiles, problems, changes, widening } = classifyChange(dir, current.files, next);
  return { versionInForce: current.version, valid: problems.length === 0, problems: distinct(problems).slice(0, MAX_POLICY_PROBLEMS).map(problemView), changedFiles, widening, changes };
}
