// An edit checked as a security officer types it: validated and classified exactly as proposing it would
// (policyProposals.ts: applyFileChanges, classifyChange), and nothing is written or recorded.
import type { Knex } from 'knex';
import { MAX_POLICY_PROBLEMS } from '../../../../shared/loaders/listBounds.ts';
import { policiesInForce, versionConflict } from './policyConsole.ts';
import { applyFileChanges, classifyChange } from './policyProposals.ts';

export interface PolicyProblemView {
  /** Path under policies/ (population/citizen.policy.yaml), or null when the problem names no file. */
  file: string | null;
  line: number | null;
  message: string;
}

// compilePolicyFileSet's problems read "policies/<path>:<line>: <message>" (formatProblems).
const LOCATED = /^(?:policies\/)?([^:\s]+):(\d+): (.*)$/s;

export function problemView(problem: string): PolicyProblemView {
  const match = LOCATED.exec(problem);
  return match ? { file: match[1], line: Number(match[2]), message: match[3] } : { file: null, line: null, message: problem };
}

export async function checkPolicyChange(knex: Knex, dir: string, input: { baseVersion: number; files: Array<{ path: string; content?: string | null }> }) {
  const current = await policiesInForce(knex, dir);
  if (input.baseVersion !== current.version) throw versionConflict(input.baseVersion, current.version);
  const next = applyFileChanges(current.files, input.files);
  const { changedFiles, problems, changes, widening } = classifyChange(dir, current.files, next);
  // A problem of a shared file (agency-groups.yaml) is found once per subgraph: said once.
  return { versionInForce: current.version, valid: problems.length === 0, problems: [...new Set(problems)].slice(0, MAX_POLICY_PROBLEMS).map(problemView), changedFiles, widening, changes };
}
