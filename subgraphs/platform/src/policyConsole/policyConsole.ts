// The security officers' policy console: versions of the whole policy set, each with author and
// reason; a proposal is validated against every subgraph's schema before it is written to the folder
// every subgraph watches (so it is in force everywhere within a second); rollback restores a version.
import type { Knex } from 'knex';
import { GraphQLError } from 'graphql';
import { subgraphTypeDefs } from '../../../../shared/config/subgraphSchemas.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { logInfo } from '../../../../shared/logging/log.ts';
import { checkSubgraphPolicies } from '../../../../shared/policy/checkSubgraphPolicies.ts';
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
  createdAt: 'created_at',
};

function changedPaths(before: PolicyFileSet, after: PolicyFileSet): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}

async function latest(knex: Knex): Promise<(PolicyVersionRow & { files: PolicyFileSet }) | undefined> {
  return knex('policy_version').select({ ...VERSION_COLUMNS, files: 'files' }).orderBy('version', 'desc').first();
}

async function record(
  knex: Knex,
  entry: { action: string; author: string; reason: string; restoresVersion?: number; files: PolicyFileSet; changedFiles: string[] },
): Promise<PolicyVersionRow> {
  const [{ version }] = await knex('policy_version')
    .insert({
      hash: hashPolicyFileSet(entry.files),
      action: entry.action,
      author: entry.author,
      reason: entry.reason,
      restores_version: entry.restoresVersion ?? null,
      files: JSON.stringify(entry.files),
      changed_files: JSON.stringify(entry.changedFiles),
    })
    .returning('version');
  return knex('policy_version').select(VERSION_COLUMNS).where('version', version).first();
}

/**
 * The version in force. Files edited on disk outside the console become a version of their own, so
 * the history never hides a change.
 */
export async function policiesInForce(knex: Knex, dir: string): Promise<PolicyVersionRow & { files: PolicyFileSet }> {
  const onDisk = readPolicyFileSet(dir);
  const last = await latest(knex);
  if (last && last.hash === hashPolicyFileSet(onDisk)) return last;
  const row = await record(knex, {
    action: last ? 'file-edit' : 'initial',
    author: 'policy folder',
    reason: last ? 'Policy files changed on disk outside the console' : 'Policies in force when the platform started',
    files: onDisk,
    changedFiles: changedPaths(last?.files ?? {}, onDisk),
  });
  return { ...row, files: onDisk };
}

export async function listPolicyVersions(knex: Knex, limit: number): Promise<PolicyVersionRow[]> {
  return knex('policy_version').select(VERSION_COLUMNS).orderBy('version', 'desc').limit(limit);
}

/** Every problem the set would have in any subgraph, as "file:line: message". */
function problemsOf(dir: string, files: PolicyFileSet): string[] {
  const staged = stagePolicyFileSet(dir, files);
  try {
    return subgraphTypeDefs().flatMap(({ name, typeDefs }) => checkSubgraphPolicies(name, typeDefs, staged).problems);
  } finally {
    removeStaged(staged);
  }
}

async function putInForce(
  knex: Knex,
  dir: string,
  next: PolicyFileSet,
  entry: { action: string; author: string; reason: string; restoresVersion?: number },
): Promise<PolicyVersionRow> {
  const current = await policiesInForce(knex, dir);
  const changedFiles = changedPaths(current.files, next);
  if (changedFiles.length === 0) throw badUserInput('The proposal changes nothing', 'files');
  const problems = problemsOf(dir, next);
  if (problems.length) {
    throw new GraphQLError(`The proposed policies are invalid; nothing changed. ${problems.slice(0, 5).join(' | ')}`, {
      extensions: { code: 'BAD_USER_INPUT', problems },
    });
  }
  // The version is recorded and the files written in one transaction: a failed write records nothing.
  const row = await knex.transaction(async (trx) => {
    const inserted = await record(trx, { ...entry, files: next, changedFiles });
    writePolicyFileSet(dir, next);
    return inserted;
  });
  logInfo('policy version in force', { version: row.version, action: row.action, author: row.author, changedFiles });
  return row;
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 5 || trimmed.length > 1000) throw badUserInput('Give a reason of 5 to 1000 characters', 'reason');
  return trimmed;
}

export async function proposePolicyChange(
  knex: Knex,
  dir: string,
  author: string,
  input: { reason: string; files: Array<{ path: string; content?: string | null }> },
): Promise<PolicyVersionRow> {
  const reason = checkReason(input.reason);
  if (input.files.length === 0 || input.files.length > 200) throw badUserInput('Propose 1 to 200 files', 'files');
  const next = { ...(await policiesInForce(knex, dir)).files };
  for (const file of input.files) {
    const path = checkPolicyPath(file.path);
    if (file.content === null || file.content === undefined) delete next[path];
    else if (file.content.length > 200_000) throw badUserInput(`"${path}" is larger than 200,000 characters`, 'files');
    else next[path] = file.content;
  }
  return putInForce(knex, dir, next, { action: 'change', author, reason });
}

export async function rollbackPolicies(knex: Knex, dir: string, author: string, version: number, reasonText: string): Promise<PolicyVersionRow> {
  const reason = checkReason(reasonText);
  const target = await knex('policy_version').select({ files: 'files' }).where('version', version).first();
  if (!target) throw badUserInput(`There is no policy version ${version}`, 'version');
  return putInForce(knex, dir, target.files as PolicyFileSet, { action: 'rollback', author, reason, restoresVersion: version });
}
