// Two-person policy changes. Every change (and every rollback) is a proposal on the version in force:
// compiled, compared with what is in force (shared/policy/policyDiff.ts, plus removed test cases), and
// replayed over recent disclosure-log entries. One that narrows access or changes nothing about it is
// put in force at once; one that widens access waits, PENDING, until a second security officer approves
// it, and is put in force only if it is still based on the version in force.
import type { Knex } from 'knex';
import { GraphQLError } from 'graphql';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { MAX_POLICY_CHANGE_SENTENCES } from '../../../../shared/loaders/listBounds.ts';
import { logInfo } from '../../../../shared/logging/log.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { changeDetail, diffPolicies, type PolicyChange } from '../../../../shared/policy/policyDiff.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { replayImpact, type PolicyImpact } from './impactReplay.ts';
import { policiesOnDisk } from './policiesOnDisk.ts';
import { changedPaths, checkReason, compilePolicyFileSet, policiesInForce, putInForce, refuseInvalid, versionConflict, type PolicyVersionRow } from './policyConsole.ts';
import { checkPolicyPath, type PolicyFileSet } from './policyFiles.ts';
import { removedTestCases } from './removedTestCases.ts';

export type ProposalStatus = 'pending' | 'applied' | 'approved' | 'rejected';

export interface PolicyProposalRow {
  id: number;
  status: ProposalStatus;
  action: string;
  baseVersion: number;
  restoresVersion: number | null;
  author: string;
  reason: string;
  changedFiles: string[];
  widening: boolean;
  changes: PolicyChange[];
  impact: PolicyImpact;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  version: number | null;
  createdAt: Date;
}

const PROPOSAL_COLUMNS = {
  id: 'id',
  status: 'status',
  action: 'action',
  baseVersion: 'base_version',
  restoresVersion: 'restores_version',
  author: 'author',
  reason: 'reason',
  changedFiles: 'changed_files',
  widening: 'widening',
  changes: 'changes',
  impact: 'impact',
  decidedBy: 'decided_by',
  decisionReason: 'decision_reason',
  decidedAt: 'decided_at',
  version: 'version',
  createdAt: 'created_at',
};

type Context = SubgraphContext<unknown>;

/** Widening sentences first, at most MAX_POLICY_CHANGE_SENTENCES, the last saying how many were left out. */
function readable(changes: PolicyChange[]): PolicyChange[] {
  const ordered = [...changes.filter((change) => change.widening), ...changes.filter((change) => !change.widening)];
  if (ordered.length <= MAX_POLICY_CHANGE_SENTENCES) return ordered;
  const kept = ordered.slice(0, MAX_POLICY_CHANGE_SENTENCES - 1);
  const rest = ordered.length - kept.length;
  return [...kept, { widening: ordered.slice(kept.length).some((change) => change.widening), text: `... and ${rest} more changes`, detail: changeDetail('more', { count: rest }) }];
}

function proposalById(knex: Knex, id: number): Promise<PolicyProposalRow | undefined> {
  return knex('policy_proposal').select(PROPOSAL_COLUMNS).where('id', id).first();
}

export async function listPolicyProposals(knex: Knex, status: ProposalStatus | null, limit: number): Promise<PolicyProposalRow[]> {
  const query = knex('policy_proposal').select(PROPOSAL_COLUMNS).orderBy('id', 'desc').limit(limit);
  if (status) query.where('status', status);
  return query;
}

export async function findPolicyProposal(knex: Knex, id: number): Promise<PolicyProposalRow | undefined> {
  return proposalById(knex, id);
}

/**
 * What `next` would be, judged against the files in force: the files it changes, every problem it would
 * have in any subgraph, and (when it has none) what it changes in plain language and whether that widens
 * access. Writes nothing: proposing (submit) and checking an edit as it is typed (checkPolicyChange) both ask it.
 */
export function classifyChange(dir: string, inForce: PolicyFileSet, next: PolicyFileSet) {
  const changedFiles = changedPaths(inForce, next);
  if (changedFiles.length === 0) return { changedFiles, problems: [], compiled: new Map<string, CompiledPolicies>(), changes: [], widening: false };
  const { problems, compiled } = compilePolicyFileSet(dir, next);
  if (problems.length) return { changedFiles, problems, compiled, changes: [], widening: false };
  const allChanges = [...diffPolicies(policiesOnDisk(dir), compiled), ...removedTestCases(inForce, next)];
  return { changedFiles, problems, compiled, changes: readable(allChanges), widening: allChanges.some((change) => change.widening) };
}

/** The files in force with `files` applied: content replaces or adds a file, no content removes it. */
export function applyFileChanges(inForce: PolicyFileSet, files: Array<{ path: string; content?: string | null }>): PolicyFileSet {
  if (files.length === 0 || files.length > 200) throw badUserInput('Propose 1 to 200 files', 'files');
  const next = { ...inForce };
  for (const file of files) {
    const path = checkPolicyPath(file.path);
    if (file.content === null || file.content === undefined) delete next[path];
    else if (file.content.length > 200_000) throw badUserInput(`"${path}" is larger than 200,000 characters`, 'files');
    else next[path] = file.content;
  }
  return next;
}

/**
 * Compiles, classifies and replays `next` against `current`, the version in force the caller read and
 * checked the proposal's base against, then applies it or keeps it pending.
 */
async function submit(
  ctx: Context,
  author: string,
  current: PolicyVersionRow & { files: PolicyFileSet },
  proposal: { action: 'change' | 'rollback'; reason: string; restoresVersion?: number; next: PolicyFileSet; impactDays: number },
): Promise<PolicyProposalRow> {
  const { knex, policyDir: dir } = ctx;
  const { changedFiles, problems, compiled, changes, widening } = classifyChange(dir, current.files, proposal.next);
  if (changedFiles.length === 0) throw badUserInput('The proposal changes nothing', 'files');
  refuseInvalid(problems);
  const impact = await replayImpact(ctx, compiled, proposal.impactDays);
  let version: PolicyVersionRow | null = null;
  if (!widening) {
    version = await putInForce(knex, dir, proposal.next, { action: proposal.action, author, reason: proposal.reason, baseVersion: current.version, restoresVersion: proposal.restoresVersion });
  }
  const [{ id }] = await knex('policy_proposal')
    .insert({
      status: widening ? 'pending' : 'applied',
      action: proposal.action,
      base_version: current.version,
      restores_version: proposal.restoresVersion ?? null,
      author,
      reason: proposal.reason,
      files: JSON.stringify(proposal.next),
      changed_files: JSON.stringify(changedFiles),
      widening,
      changes: JSON.stringify(changes),
      impact: JSON.stringify(impact),
      decided_by: version ? author : null,
      decided_at: version ? knex.fn.now() : null,
      version: version?.version ?? null,
    })
    .returning('id');
  logInfo('policy proposal', { id, author, widening, status: widening ? 'pending' : 'applied', baseVersion: current.version, changedFiles });
  return (await proposalById(knex, id))!;
}

export async function proposePolicyChange(
  ctx: Context,
  author: string,
  input: { baseVersion: number; reason: string; files: Array<{ path: string; content?: string | null }>; impactDays: number },
): Promise<PolicyProposalRow> {
  const reason = checkReason(input.reason);
  const current = await policiesInForce(ctx.knex, ctx.policyDir);
  if (input.baseVersion !== current.version) throw versionConflict(input.baseVersion, current.version);
  const next = applyFileChanges(current.files, input.files);
  return submit(ctx, author, current, { action: 'change', reason, next, impactDays: input.impactDays });
}

/** The files of an earlier version, proposed on the version in force: a rollback that widens access waits like any change. */
export async function rollbackPolicies(ctx: Context, author: string, version: number, reasonText: string, impactDays: number): Promise<PolicyProposalRow> {
  const reason = checkReason(reasonText);
  const target = await ctx.knex('policy_version').select({ files: 'files' }).where('version', version).first();
  if (!target) throw badUserInput(`There is no policy version ${version}`, 'version');
  const current = await policiesInForce(ctx.knex, ctx.policyDir);
  return submit(ctx, author, current, { action: 'rollback', reason, restoresVersion: version, next: target.files as PolicyFileSet, impactDays });
}

async function pendingProposal(knex: Knex, id: number): Promise<PolicyProposalRow & { files: PolicyFileSet }> {
  const row = await knex('policy_proposal').select({ ...PROPOSAL_COLUMNS, files: 'files' }).where('id', id).first();
  if (!row) throw badUserInput(`There is no policy proposal ${id}`, 'id');
  if (row.status !== 'pending') throw badUserInput(`Policy proposal ${id} is ${row.status}, not pending`, 'id');
  return row;
}

/** Marks a pending proposal decided; false when someone else decided it meanwhile. */
async function decide(knex: Knex, id: number, update: { status: ProposalStatus; decidedBy: string; reason: string; version?: number }): Promise<boolean> {
  const count = await knex('policy_proposal')
    .where({ id, status: 'pending' })
    .update({ status: update.status, decided_by: update.decidedBy, decision_reason: update.reason, decided_at: knex.fn.now(), version: update.version ?? null });
  return count === 1;
}

export async function approvePolicyProposal(ctx: Context, approver: string, id: number, reasonText: string): Promise<PolicyProposalRow> {
  const reason = checkReason(reasonText);
  const proposal = await pendingProposal(ctx.knex, id);
  if (proposal.author === approver) {
    throw new GraphQLError(`Policy proposal ${id} widens access: a security officer other than its author must approve it`, {
      extensions: { code: 'FORBIDDEN', reason: 'SECOND_OFFICER_REQUIRED', field: 'id' },
    });
  }
  const version = await putInForce(ctx.knex, ctx.policyDir, proposal.files, {
    action: proposal.action,
    author: proposal.author,
    reason: proposal.reason,
    baseVersion: proposal.baseVersion,
    restoresVersion: proposal.restoresVersion ?? undefined,
    approvedBy: approver,
  });
  // The version's unique base lets only one approval put it in force; this records who it was.
  await decide(ctx.knex, id, { status: 'approved', decidedBy: approver, reason, version: version.version });
  logInfo('policy proposal approved', { id, approver, version: version.version });
  return (await proposalById(ctx.knex, id))!;
}

export async function rejectPolicyProposal(ctx: Context, officer: string, id: number, reasonText: string): Promise<PolicyProposalRow> {
  const reason = checkReason(reasonText);
  await pendingProposal(ctx.knex, id);
  if (!(await decide(ctx.knex, id, { status: 'rejected', decidedBy: officer, reason }))) throw badUserInput(`Policy proposal ${id} is no longer pending`, 'id');
  logInfo('policy proposal rejected', { id, officer });
  return (await proposalById(ctx.knex, id))!;
}
