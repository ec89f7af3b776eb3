// Connection agreements (issue 14, item 2): a consumer agency's officer asks to connect to field groups
// of one owner agency; the owner's officers decide. Every action is checked against CONNECTION_RULES
// (connectionRules.ts) and appends one event to the request's history in the same transaction as the
// change; the change applies only to the version the actor read, so of two officers acting at once on
// one request the second is refused and nothing of theirs is written.
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import type { Knex } from 'knex';
import { OPERATOR_AGENCY, viewerOf, type Viewer } from '../workflow/workflowViewer.ts';
import { eventRow, historiesOf, type EventTable, type WorkflowEvent } from '../workflow/eventHistory.ts';
import { hasRole, type Principal } from '../../../../shared/auth/Principal.ts';
import { CONSENT_CACHE_TTL_MS, REVOCATION_MARGIN_MS } from '../../../../shared/consent/consentCache.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { RefusalReason } from '../../../../shared/errors/refusalReasons.ts';
import { checkRequest, conditionsOf, isoDate, reasonOf, type CheckedRequest, type ConnectionRequestInput, type ShareableGroup } from './connectionInput.ts';
import { CONNECTION_ACTORS, mayEverTake, ruleFor, statesFor, type ConnectionAction, type ConnectionActor, type ConnectionState, type StoredState } from './connectionRules.ts';
import { overdueCutoff } from './workingDays.ts';
import { provinceDay } from '../../../../shared/calendar/provinceDay.ts';

/** The platform's operator: its officers read every connection request. */
const POLICY = 'platform.connection-request';
/** Events of one request a read returns, newest kept. */
export const MAX_HISTORY_EVENTS = 200;

export interface ConnectionRequestRow extends ConnectionRequestInput {
  id: string;
  consumerAgency: string;
  ownerAgency: string;
  requestedBy: string;
  state: StoredState;
  approvedUntil: string | null;
  conditions: string | null;
  stateReason: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  updatedAt: Date;
  version: number;
  /** When it was last (re)submitted: the owner's time to decide counts from then. */
  lastSubmittedAt: Date | null;
}

const REQUEST_COLUMNS = {
  id: 'connection_request.id',
  consumerAgency: 'connection_request.consumer_agency',
  ownerAgency: 'connection_request.owner_agency',
  requestedBy: 'connection_request.requested_by',
  purpose: 'connection_request.purpose',
  legalBasis: 'connection_request.legal_basis',
  fieldGroups: 'connection_request.field_groups',
  systemName: 'connection_request.system_name',
  contact: 'connection_request.contact',
  periodStart: 'connection_request.period_start',
  periodEnd: 'connection_request.period_end',
  state: 'connection_request.state',
  approvedUntil: 'connection_request.approved_until',
  conditions: 'connection_request.conditions',
  stateReason: 'connection_request.state_reason',
  createdAt: 'connection_request.created_at',
  submittedAt: 'connection_request.submitted_at',
  updatedAt: 'connection_request.updated_at',
  version: 'connection_request.version',
};

const LAST_SUBMITTED =
  "(select max(event.at) from connection_request_event as event where event.request_id = connection_request.id and event.to_state = 'submitted')";

function requests(knex: Knex): Knex.QueryBuilder {
  return knex('connection_request').select(REQUEST_COLUMNS).select(knex.raw(`${LAST_SUBMITTED} as "lastSubmittedAt"`));
}

/** The state everyone reads: approved past approved_until (a day in the province) reads as expired. */
export function readState(row: Pick<ConnectionRequestRow, 'state' | 'approvedUntil'>, now = new Date()): ConnectionState {
  return row.state === 'approved' && row.approvedUntil !== null && row.approvedUntil < provinceDay(now) ? 'expired' : row.state;
}

/** The same in SQL, for filters (and the enforcement lookup); its one binding is the province's date today. */
export const READ_STATE_SQL = "(case when connection_request.state = 'approved' and connection_request.approved_until < ?::date then 'expired' else connection_request.state end)";

/**
 * The sides the caller acts on for this request (an officer of either agency; a security officer). A
 * draft is the consumer's working copy: the owner agency is party to a request once it was submitted.
 */
export function actorsOf(principal: Principal, row: Pick<ConnectionRequestRow, 'consumerAgency' | 'ownerAgency' | 'submittedAt'>): ConnectionActor[] {
  const actors: ConnectionActor[] = [];
  if (hasRole(principal, 'officer') && principal.agency === row.consumerAgency) actors.push('consumer');
  if (hasRole(principal, 'officer') && principal.agency === row.ownerAgency && row.submittedAt !== null) actors.push('owner');
  if (hasRole(principal, 'security-officer')) actors.push('security-officer');
  return actors;
}

function canSee(viewer: Viewer | null, row: ConnectionRequestRow): boolean {
  return viewer !== null && (viewer.all || row.consumerAgency === viewer.agency || (row.ownerAgency === viewer.agency && row.submittedAt !== null));
}

export async function findConnectionRequest(knex: Knex, viewer: Viewer | null, id: string): Promise<ConnectionRequestRow | null> {
  if (!viewer || !isUuid(id)) return null;
  const row: ConnectionRequestRow | undefined = await requests(knex).where('connection_request.id', id).first();
  return row && canSee(viewer, row) ? row : null;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export interface ListFilter {
  side?: 'CONSUMER' | 'OWNER' | null;
  state?: ConnectionState | null;
  overdue?: boolean | null;
}

/** One page, newest first, after the position (created_at, id) of the previous page's last request. */
export async function listConnectionRequests(
  knex: Knex,
  viewer: Viewer,
  filter: ListFilter,
  page: { size: number; after: { createdAt: Date; id: string } | null; decisionWorkingDays: number; now: Date },
): Promise<ConnectionRequestRow[]> {
  const query = requests(knex);
  if (!viewer.all) {
    const agency = viewer.agency;
    query.where((scope) =>
      scope.where('connection_request.consumer_agency', agency).orWhere((owner) => owner.where('connection_request.owner_agency', agency).whereNotNull('connection_request.submitted_at')),
    );
  }
  if (filter.side) {
    if (!viewer.agency) throw badUserInput('"filter.side" needs a caller of an agency: its requests as consumer or as owner', 'filter.side');
    if (filter.side === 'CONSUMER') query.where('connection_request.consumer_agency', viewer.agency);
    else query.where('connection_request.owner_agency', viewer.agency).whereNotNull('connection_request.submitted_at');
  }
  if (filter.state) query.where(knex.raw(`${READ_STATE_SQL} = ?`, [provinceDay(page.now), filter.state]));
  if (filter.overdue !== null && filter.overdue !== undefined) {
    const overdue = knex.raw(`(connection_request.state = 'submitted' and ${LAST_SUBMITTED} < ?)`, [overdueCutoff(page.now, page.decisionWorkingDays)]);
    if (filter.overdue) query.where(overdue);
    else query.whereNot(overdue);
  }
  if (page.after) query.where(knex.raw('(connection_request.created_at, connection_request.id) < (?::timestamptz, ?::uuid)', [page.after.createdAt, page.after.id]));
  return query.orderBy([{ column: 'connection_request.created_at', order: 'desc' }, { column: 'connection_request.id', order: 'desc' }]).limit(page.size + 1);
}

const EVENTS: EventTable<'requestId'> = { table: 'connection_request_event', itemColumn: 'request_id', itemAlias: 'requestId' };

export type ConnectionEventRow = WorkflowEvent<'requestId', ConnectionAction, StoredState>;

/** The histories of a batch in one statement, the newest MAX_HISTORY_EVENTS of each, oldest first. */
export function eventsOfRequests(knex: Knex, ids: readonly string[]): Promise<ConnectionEventRow[]> {
  return historiesOf<'requestId', ConnectionAction, StoredState>(knex, EVENTS, ids, MAX_HISTORY_EVENTS);
}

// ---------------------------------------------------------------------------------------------------
// Changes

/** FORBIDDEN as a refused field is, with a message saying what the caller may not do. */
function refusal(message: string, reason: RefusalReason, requestId: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason, policy: POLICY, rule: null, requestId } });
}

function outOfScope(requestId: string): GraphQLError {
  return refusal('No connection request with this id is open to you: only officers of its consumer and owner agencies act on it', 'ROW_OUT_OF_SCOPE', requestId);
}

const VERBS: Record<ConnectionAction, string> = {
  draft: 'draft',
  update: 'change',
  submit: 'submit',
  resubmit: 'resubmit',
  withdraw: 'withdraw',
  return: 'return',
  approve: 'approve',
  refuse: 'refuse',
  suspend: 'suspend',
  resume: 'resume',
  end: 'end',
};

const DONE: Record<ConnectionAction, string> = {
  draft: 'drafted',
  update: 'changed',
  submit: 'submitted',
  resubmit: 'resubmitted',
  withdraw: 'withdrawn',
  return: 'returned',
  approve: 'approved',
  refuse: 'refused',
  suspend: 'suspended',
  resume: 'resumed',
  end: 'ended',
};

const WHO_MAY: Record<ConnectionActor, string> = {
  consumer: "officers of the consumer agency",
  owner: "officers of the owner agency",
  'security-officer': 'security officers',
};

function roleNotAllowed(action: ConnectionAction, requestId: string): GraphQLError {
  const actors = CONNECTION_ACTORS.filter((actor) => mayEverTake(action, [actor]));
  return refusal(`Only ${actors.map((actor) => WHO_MAY[actor]).join(' or ')} may ${VERBS[action]} a connection request`, 'ROLE_NOT_ALLOWED', requestId);
}

function stateNotAllowed(action: ConnectionAction, state: ConnectionState): GraphQLError {
  const from = statesFor(action).map((candidate) => candidate.toUpperCase());
  const article = /^[AEIOU]/i.test(state) ? 'An' : 'A';
  return new GraphQLError(`${article} ${state.toUpperCase()} connection request cannot be ${DONE[action]}: only one that is ${from.join(' or ')}. Nothing changed.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'CONNECTION_STATE', state: state.toUpperCase() },
  });
}

function versionConflict(current: ConnectionRequestRow | undefined): GraphQLError {
  const state = current ? readState(current).toUpperCase() : 'changed';
  return new GraphQLError(`Someone else acted on this connection request at the same time (it is now ${state}): read it again. Nothing changed.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'CONNECTION_VERSION_CONFLICT' },
  });
}

export interface Acting {
  principal: Principal;
}

function mustBeConsumerOfficer({ principal }: Acting): string {
  if (!hasRole(principal, 'officer') || !principal.agency || !principal.subject) throw roleNotAllowed('draft', principal.requestId);
  return principal.agency;
}

/** The columns a drafted or updated request takes from the checked input. */
function requestColumns(checked: CheckedRequest) {
  return {
    owner_agency: checked.ownerAgency,
    purpose: checked.purpose,
    legal_basis: checked.legalBasis,
    field_groups: checked.fieldGroups,
    system_name: checked.systemName,
    contact: checked.contact,
    period_start: checked.periodStart,
    period_end: checked.periodEnd,
  };
}

export async function draftConnectionRequest(knex: Knex, acting: Acting, input: ConnectionRequestInput, groups: ReadonlyMap<string, ShareableGroup>): Promise<ConnectionRequestRow> {
  const consumer = mustBeConsumerOfficer(acting);
  const checked = await checkRequest(knex, consumer, input, groups, new Date());
  const id = await knex.transaction(async (trx) => {
    const [{ id: created }] = await trx('connection_request')
      .insert({
        consumer_agency: consumer,
        requested_by: acting.principal.subject,
        ...requestColumns(checked),
        state: 'draft',
      })
      .returning('id');
    await trx(EVENTS.table).insert(eventRow(EVENTS, acting.principal, created, { action: 'draft', from: null, to: 'draft', reason: null, details: null }));
    return created as string;
  });
  return (await requests(knex).where('connection_request.id', id).first()) as ConnectionRequestRow;
}

/** The request the caller is party to (or oversees as a security officer), else FORBIDDEN whether it exists or not. */
async function requestToActOn(knex: Knex, { principal }: Acting, id: string): Promise<{ row: ConnectionRequestRow; actors: ConnectionActor[] }> {
  if (!isUuid(id)) throw badUserInput('"id" must be a connection request id (a UUID)', 'id');
  const row: ConnectionRequestRow | undefined = await requests(knex).where('connection_request.id', id).first();
  const actors = row ? actorsOf(principal, row) : [];
  if (!row || actors.length === 0) throw outOfScope(principal.requestId);
  return { row, actors };
}

/** Checks the action against the rules table; returns the stored state it leads to (or keeps). */
function checkAction(acting: Acting, row: ConnectionRequestRow, actors: ConnectionActor[], action: ConnectionAction) {
  if (!mayEverTake(action, actors)) throw roleNotAllowed(action, acting.principal.requestId);
  const state = readState(row);
  const rule = ruleFor(action, actors, state);
  if (!rule) throw stateNotAllowed(action, state);
  return rule;
}

/** Applies a change to the version read, with its event; false when another change came first. */
async function applyChange(
  knex: Knex,
  acting: Acting,
  row: ConnectionRequestRow,
  change: { action: ConnectionAction; to: StoredState; columns: Record<string, unknown>; reason: string | null; details: Record<string, unknown> | null },
): Promise<void> {
  const applied = await knex.transaction(async (trx) => {
    const count = await trx('connection_request')
      .where({ id: row.id, version: row.version })
      .update({ ...change.columns, state: change.to, version: row.version + 1, updated_at: trx.fn.now() });
    if (count !== 1) return false;
    await trx(EVENTS.table).insert(eventRow(EVENTS, acting.principal, row.id, { action: change.action, from: row.state, to: change.to, reason: change.reason, details: change.details }));
    return true;
  });
  if (!applied) throw versionConflict(await requests(knex).where('connection_request.id', row.id).first());
}

export async function updateConnectionRequest(knex: Knex, acting: Acting, id: string, changes: Partial<ConnectionRequestInput>, groups: ReadonlyMap<string, ShareableGroup>): Promise<ConnectionRequestRow> {
  const { row, actors } = await requestToActOn(knex, acting, id);
  checkAction(acting, row, actors, 'update');
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null && value !== undefined)) as Partial<ConnectionRequestInput>;
  if (Object.keys(given).length === 0) throw badUserInput('Name at least one thing to change', 'input');
  const merged: ConnectionRequestInput = {
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    fieldGroups: row.fieldGroups,
    systemName: row.systemName,
    contact: row.contact,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    ...given,
  };
  const checked = await checkRequest(knex, row.consumerAgency, merged, groups, new Date());
  if (row.state === 'returned' && checked.ownerAgency !== row.ownerAgency) {
    throw badUserInput(`${row.ownerAgency} returned this request: its field groups must stay theirs (ask ${checked.ownerAgency} in a new request)`, 'fieldGroups');
  }
  await applyChange(knex, acting, row, {
    action: 'update',
    to: row.state,
    columns: requestColumns(checked),
    reason: null,
    details: { changed: Object.keys(given).sort() },
  });
  return (await requests(knex).where('connection_request.id', id).first()) as ConnectionRequestRow;
}

export interface TransitionInput {
  reason?: string | null;
  approvedUntil?: string | null;
  conditions?: string | null;
}

/** Submit (or resubmit), withdraw, return, approve, refuse, suspend, resume or end. */
export async function transitionConnectionRequest(
  knex: Knex,
  acting: Acting,
  id: string,
  requested: 'submit' | 'withdraw' | 'return' | 'approve' | 'refuse' | 'suspend' | 'resume' | 'end',
  input: TransitionInput,
): Promise<ConnectionRequestRow> {
  const { row, actors } = await requestToActOn(knex, acting, id);
  // One mutation submits a draft and resubmits a returned request.
  const action: ConnectionAction = requested === 'submit' && row.state === 'returned' ? 'resubmit' : requested;
  const rule = checkAction(acting, row, actors, action);
  const reason = rule.reason === 'none' ? null : reasonOf(input.reason, rule.reason === 'required', VERBS[action]);
  const columns: Record<string, unknown> = {};
  let details: Record<string, unknown> | null = null;
  if (rule.reason === 'required') columns.state_reason = reason;
  if (action === 'submit') columns.submitted_at = knex.fn.now();
  if (action === 'approve') {
    if (input.approvedUntil === null || input.approvedUntil === undefined) throw badUserInput('"approvedUntil" is required to approve a connection: the last day it counts', 'approvedUntil');
    const approvedUntil = isoDate(input.approvedUntil, 'approvedUntil');
    if (approvedUntil < provinceDay(new Date())) throw badUserInput('"approvedUntil" is already past', 'approvedUntil');
    if (approvedUntil > row.periodEnd) throw badUserInput(`"approvedUntil" must not be after the period asked for (until ${row.periodEnd})`, 'approvedUntil');
    const conditions = conditionsOf(input.conditions);
    columns.approved_until = approvedUntil;
    columns.conditions = conditions;
    details = { approvedUntil, conditions };
  }
  if (action === 'resume' && row.approvedUntil !== null && row.approvedUntil < provinceDay(new Date())) {
    throw badUserInput(`The connection was approved until ${row.approvedUntil}, which is past: it cannot be resumed (ask for a new connection)`, 'id');
  }
  await applyChange(knex, acting, row, { action, to: rule.to!, columns, reason, details });
  // A suspended or ended connection counts from the next request: no subgraph may still hold the approval
  // it read before (subgraphs cache approved connections as they cache consents, consentCache.ts).
  const wasInForce = row.state === 'approved' || row.state === 'suspended';
  if (wasInForce && (rule.to === 'suspended' || rule.to === 'ended')) await sleep(CONSENT_CACHE_TTL_MS + REVOCATION_MARGIN_MS);
  return (await requests(knex).where('connection_request.id', id).first()) as ConnectionRequestRow;
}

export { OPERATOR_AGENCY, viewerOf, type Viewer };
