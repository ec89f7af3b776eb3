// The security officers' policy console: versions of the whole policy set, each with author and
// reason; a change is validated against every subgraph's schema before it is written to the folder
// every subgraph watches (so it is in force everywhere within a second). Each version names the version
// it was made on (unique in the table): of two changes made on one version, exactly one comes into
// force. Whether a change needs a second officer is decided in policyProposals.ts.
import type { Knex } from 'knex';
import { GraphQLError } from 'graphql';
import { subgraphTypeDefs } from '../../../../shared/config/subgraphSchemas.ts';
import { isUniqueViolation } from '../../../../shared/db/uniqueViolation.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { logInfo } from '../../../../shared/logging/log.ts';
import { checkSubgraphPolicies } from '../../../../shared/policy/checkSubgraphPolicies.ts';
import { problemLine, type CheckedProblem } from '../../../../shared/policy/loadSubgraphPolicies.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import {
  checkPolicyPath,
  hashPolicyFileSet,
  readPolicyFileSet,
  removeStaged,
  stagePolicyFileSet,
  writePolicyFileSet,
  type PolicyFileSet,
} from './policyFiles.ts';

export interface PolicyVersionRow {
  version: number;
  hash: string;
  action: string;
  author: string;
  reason: string;
  restoresVersion: number | null;
  changedFiles: string[];
  approvedBy: string | null;
  createdAt: Date;
}

const VERSION_COLUMNS = {
  version: 'version',
  hash: 'hash',
  action: 'action',
  author: 'author',
  reason: 'reason',
  restoresVersion: 'restores_version',
  changedFiles: 'changed_files',
  approvedBy: 'approved_by',
  createdAt: 'created_at',
};

/** A change made on a version that is no longer in force: refused, naming the version to rebase on. */
export function versionConflict(baseVersion: number, inForce: number): GraphQLError {
  return new GraphQLError(`The change was made on policy version ${baseVersion}, but version ${inForce} is in force: rebase it on version ${inForce}. Nothing changed.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'POLICY_VERSION_CONFLICT', field: 'baseVersion', versionInForce: inForce },
  });
}

function changedPaths(before: PolicyFileSet, after: PolicyFileSet): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}

async function latest(knex: Knex): Promise<(PolicyVersionRow & { files: PolicyFileSet }) | undefined> {
  return knex('policy_version').select({ ...VERSION_COLUMNS, files: 'files' }).orderBy('version', 'desc').first();
}

async function record(
  knex: Knex,
  entry: { action: string; author: string; reason: string; restoresVersion?: number; files: PolicyFileSet; changedFiles: string[]; basedOn: number | null; approvedBy?: string },
): Promise<PolicyVersionRow> {
  // The version after the one it was made on, not the table's sequence: a change refused by the unique
  // key still takes a sequence number, which left gaps in the history and could give the winner of two
  // changes made at once the number after the next.
  const [{ version }] = await knex('policy_version')
    .insert({
      version: (entry.basedOn ?? 0) + 1,
      hash: hashPolicyFileSet(entry.files),
      action: entry.action,
      author: entry.author,
      reason: entry.reason,
      restores_version: entry.restoresVersion ?? null,
      files: JSON.stringify(entry.files),
      changed_files: JSON.stringify(entry.changedFiles),
      based_on: entry.basedOn,
      approved_by: entry.approvedBy ?? null,
    })
    .returning('version');
  return knex('policy_version').select(VERSION_COLUMNS).where('version', version).first();
}

/**
 * The version in force. Files edited on disk outside the console become a version of their own, so
 * the history never hides a change.
 */
export async function policiesInForce(knex: Knex, dir: string): Promise<PolicyVersionRow & { files: PolicyFileSet }> {
  // The recorded version first, then the files: a change writes its files before its version commits, so
  // files read after the row are never older than it. Read the other way round, a change committed in
  // between looked like an edit on disk that reverted it, and was recorded as one.
  const last = await latest(knex);
  const onDisk = readPolicyFileSet(dir);
  if (last && last.hash === hashPolicyFileSet(onDisk)) return last;
  try {
    const row = await record(knex, {
      action: last ? 'file-edit' : 'initial',
      author: 'policy folder',
      reason: last ? 'Policy files changed on disk outside the console' : 'Policies in force when the platform started',
      files: onDisk,
      changedFiles: changedPaths(last?.files ?? {}, onDisk),
      basedOn: last?.version ?? null,
    });
    return { ...row, files: onDisk };
  } catch (error) {
    // Another request recorded a version on the same one meanwhile (a change being written, or this same edit).
    if (!isUniqueViolation(error)) throw error;
    const now = await latest(knex);
    if (!now) throw error;
    return now;
  }
}

export async function listPolicyVersions(knex: Knex, limit: number): Promise<PolicyVersionRow[]> {
  return knex('policy_version').select(VERSION_COLUMNS).orderBy('version', 'desc').limit(limit);
}

/** The set compiled for every subgraph, or every problem it would have in any subgraph. */
export function compilePolicyFileSet(dir: string, files: PolicyFileSet): { problems: CheckedProblem[]; compiled: Map<string, CompiledPolicies> } {
  const staged = stagePolicyFileSet(dir, files);
  const compiled = new Map<string, CompiledPolicies>();
  try {
    const problems = subgraphTypeDefs().flatMap(({ name, typeDefs }) => {
      const checked = checkSubgraphPolicies(name, typeDefs, staged);
      if (checked.loaded.compiled) compiled.set(name, checked.loaded.compiled);
      return checked.problems;
    });
    return { problems, compiled };
  } finally {
    removeStaged(staged);
  }
}

export function refuseInvalid(problems: CheckedProblem[]): void {
  if (problems.length) {
    const lines = problems.map(problemLine);
    throw new GraphQLError(`The proposed policies are invalid; nothing changed. ${lines.slice(0, 5).join(' | ')}`, {
      extensions: { code: 'BAD_USER_INPUT', problems: lines },
    });
  }
}

export { changedPaths };

/**
 * Puts `next` in force as the version after `baseVersion`, which must be the version in force: the version
 * is recorded and the files written in one transaction (a failed write records nothing), and the unique
 * `based_on` makes a concurrent change on the same version fail here, before it writes anything.
 */
export async function putInForce(
  knex: Knex,
  dir: string,
  next: PolicyFileSet,
  entry: { action: string; author: string; reason: string; baseVersion: number; restoresVersion?: number; approvedBy?: string },
): Promise<PolicyVersionRow> {
  const current = await policiesInForce(knex, dir);
  if (current.version !== entry.baseVersion) throw versionConflict(entry.baseVersion, current.version);
  const changedFiles = changedPaths(current.files, next);
  if (changedFiles.length === 0) throw badUserInput('The proposal changes nothing', 'files');
  refuseInvalid(compilePolicyFileSet(dir, next).problems);
  let row: PolicyVersionRow;
  try {
    row = await knex.transaction(async (trx) => {
      const inserted = await record(trx, { ...entry, files: next, changedFiles, basedOn: current.version });
      writePolicyFileSet(dir, next);
      return inserted;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw versionConflict(entry.baseVersion, (await latest(knex))?.version ?? entry.baseVersion);
  }
  logInfo('policy version in force', { version: row.version, action: row.action, author: row.author, approvedBy: row.approvedBy, changedFiles });
  return row;
}

export function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 5 || trimmed.length > 1000) throw badUserInput('Give a reason of 5 to 1000 characters', 'reason');
  return trimmed;
}

