// Usage inquiries (issue 14, item 6): an owner agency's officer asks the consumer agency of one of its
// connections how the data it received was used, for a period and optionally one data subject; an
// officer of the consumer agency answers (OPEN -> ANSWERED), or the owner withdraws it with a reason
// (OPEN -> WITHDRAWN). Each step happens once, so who and when are columns of the row; a change applies
// only to a row still OPEN, so of two officers acting at once the second is refused.
import { GraphQLError } from 'graphql';
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../../../../shared/auth/Principal.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { PERSONAL_ID_PATTERN } from '../../../../shared/validation/inputs.ts';
import { isoDate } from '../connections/connectionInput.ts';
import { isUuid } from '../connections/connectionRequests.ts';
import { addWorkingDays } from '../connections/workingDays.ts';
import { provinceDay } from '../../../../shared/calendar/provinceDay.ts';
import { viewerOf, type Viewer } from '../workflow/workflowViewer.ts';

export { viewerOf };
const POLICY = 'platform.usage-inquiry';
const MAX_TEXT = 4000;

export type InquiryState = 'open' | 'answered' | 'withdrawn';

export interface UsageInquiryRow {
  id: string;
  connectionRequestId: string;
  ownerAgency: string;
  consumerAgency: string;
  periodStart: string;
  periodEnd: string;
  dataSubject: string | null;
  question: string;
  askedBy: string;
  askedAt: Date;
  dueOn: string;
  state: InquiryState;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  withdrawnBy: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
}

const COLUMNS = {
  id: 'id',
  connectionRequestId: 'connection_request_id',
  ownerAgency: 'owner_agency',
  consumerAgency: 'consumer_agency',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  dataSubject: 'data_subject',
  question: 'question',
  askedBy: 'asked_by',
  askedAt: 'asked_at',
  dueOn: 'due_on',
  state: 'state',
  answer: 'answer',
  answeredBy: 'answered_by',
  answeredAt: 'answered_at',
  withdrawnBy: 'withdrawn_by',
  withdrawnAt: 'withdrawn_at',
  withdrawReason: 'withdraw_reason',
};

const inquiries = (knex: Knex) => knex('usage_inquiry').select(COLUMNS);
const byId = (knex: Knex, id: string): Promise<UsageInquiryRow | undefined> => inquiries(knex).where('id', id).first();

export function isOverdue(row: Pick<UsageInquiryRow, 'state' | 'dueOn'>, now = new Date()): boolean {
  return row.state === 'open' && provinceDay(now) > row.dueOn;
}

function canSee(viewer: Viewer | null, row: UsageInquiryRow): boolean {
  return viewer !== null && (viewer.all || row.ownerAgency === viewer.agency || row.consumerAgency === viewer.agency);
}

export async function findUsageInquiry(knex: Knex, viewer: Viewer | null, id: string): Promise<UsageInquiryRow | null> {
  if (!viewer) return null;
  const row = await byId(knex, id);
  return row && canSee(viewer, row) ? row : null;
}

export async function listUsageInquiries(
  knex: Knex,
  viewer: Viewer,
  filter: { side?: 'CONSUMER' | 'OWNER' | null; state?: InquiryState | null },
  page: { size: number; after: { askedAt: Date; id: string } | null },
): Promise<UsageInquiryRow[]> {
  const query = inquiries(knex);
  if (!viewer.all) {
    const agency = viewer.agency;
    query.where((scope) => scope.where('owner_agency', agency).orWhere('consumer_agency', agency));
  }
  if (filter.side) {
    if (!viewer.agency) throw badUserInput('"filter.side" needs a caller of an agency: its inquiries as owner or as consumer', 'filter.side');
    query.where(filter.side === 'OWNER' ? 'owner_agency' : 'consumer_agency', viewer.agency);
  }
  if (filter.state) query.where('state', filter.state);
  if (page.after) {
    query.where((position) => position.where('asked_at', '<', page.after!.askedAt).orWhere((same) => same.where('asked_at', page.after!.askedAt).where('id', '<', page.after!.id)));
  }
  return query.orderBy([{ column: 'asked_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(page.size + 1);
}

function refusal(message: string, reason: 'ROLE_NOT_ALLOWED' | 'ROW_OUT_OF_SCOPE', requestId: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason, policy: POLICY, rule: null, requestId } });
}

function text(value: unknown, field: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw badUserInput(`"${field}" must not be empty; nothing changed`, field);
  if (trimmed.length > MAX_TEXT) throw badUserInput(`"${field}" is longer than ${MAX_TEXT} characters`, field);
  return trimmed;
}

export interface UsageInquiryInput {
  connectionRequestId: string;
  periodStart: string;
  periodEnd: string;
  dataSubject?: string | null;
  question: string;
}

/** States of a connection under which data was (or may have been) shared: asked about, never a draft or a refusal. */
const SHARED_STATES = ['approved', 'suspended', 'ended'];

export async function askUsageInquiry(knex: Knex, principal: Principal, input: UsageInquiryInput, dueWorkingDays: number): Promise<UsageInquiryRow> {
  if (!hasRole(principal, 'officer') || !principal.agency || !principal.subject) {
    throw refusal("Only officers of a connection's owner agency may ask how its data was used", 'ROLE_NOT_ALLOWED', principal.requestId);
  }
  if (!isUuid(input.connectionRequestId)) throw badUserInput('"connectionRequestId" must be a connection request id (a UUID)', 'connectionRequestId');
  const connection = await knex('connection_request')
    .select({ owner: 'owner_agency', consumer: 'consumer_agency', state: 'state' })
    .where('id', input.connectionRequestId)
    .first();
  if (!connection || connection.owner !== principal.agency) {
    throw refusal(`No connection with this id has ${principal.agency} as its owner agency: ask about connections to your own agency's data`, 'ROW_OUT_OF_SCOPE', principal.requestId);
  }
  if (!SHARED_STATES.includes(connection.state)) {
    throw badUserInput(`This connection was never approved (it is ${String(connection.state).toUpperCase()}): no data was shared under it to ask about`, 'connectionRequestId');
  }
  const periodStart = isoDate(input.periodStart, 'periodStart');
  const periodEnd = isoDate(input.periodEnd, 'periodEnd');
  if (periodEnd < periodStart) throw badUserInput('"periodEnd" must not be before "periodStart"; nothing changed', 'periodEnd');
  const dataSubject = input.dataSubject === null || input.dataSubject === undefined ? null : input.dataSubject.trim();
  if (dataSubject !== null && !PERSONAL_ID_PATTERN.test(dataSubject)) throw badUserInput('"dataSubject" must be a 12-digit personal identification number', 'dataSubject');
  const question = text(input.question, 'question');
  const [{ id }] = await knex('usage_inquiry')
    .insert({
      connection_request_id: input.connectionRequestId,
      owner_agency: connection.owner,
      consumer_agency: connection.consumer,
      period_start: periodStart,
      period_end: periodEnd,
      data_subject: dataSubject,
      question,
      asked_by: principal.subject,
      due_on: addWorkingDays(provinceDay(new Date()), dueWorkingDays),
      state: 'open',
    })
    .returning('id');
  return (await byId(knex, id))!;
}

async function openInquiryOf(knex: Knex, principal: Principal, id: string, side: 'owner' | 'consumer', verb: string): Promise<UsageInquiryRow> {
  if (!isUuid(id)) throw badUserInput('"id" must be a usage inquiry id (a UUID)', 'id');
  const row = await byId(knex, id);
  const officer = hasRole(principal, 'officer') && principal.agency !== null && !!principal.subject;
  const party = row && officer && (principal.agency === row.ownerAgency || principal.agency === row.consumerAgency);
  if (!row || !party) throw refusal('No usage inquiry with this id is open to you: only officers of its two agencies act on it', 'ROW_OUT_OF_SCOPE', principal.requestId);
  const agency = side === 'owner' ? row.ownerAgency : row.consumerAgency;
  if (principal.agency !== agency) {
    throw refusal(`Only officers of the ${side === 'owner' ? 'owner agency that asked' : 'consumer agency asked'} may ${verb} a usage inquiry`, 'ROLE_NOT_ALLOWED', principal.requestId);
  }
  if (row.state !== 'open') {
    throw new GraphQLError(`An ${row.state.toUpperCase()} usage inquiry cannot be ${verb === 'answer' ? 'answered' : 'withdrawn'}: only an OPEN one. Nothing changed.`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INQUIRY_STATE', state: row.state.toUpperCase() },
    });
  }
  return row;
}

async function closeIfStillOpen(knex: Knex, id: string, columns: Record<string, unknown>): Promise<UsageInquiryRow> {
  const count = await knex('usage_inquiry').where({ id, state: 'open' }).update(columns);
  const row = (await byId(knex, id))!;
  if (count !== 1) {
    throw new GraphQLError(`Someone else acted on this usage inquiry at the same time (it is now ${row.state.toUpperCase()}): read it again. Nothing changed.`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INQUIRY_VERSION_CONFLICT' },
    });
  }
  return row;
}

export async function answerUsageInquiry(knex: Knex, principal: Principal, id: string, answer: string): Promise<UsageInquiryRow> {
  await openInquiryOf(knex, principal, id, 'consumer', 'answer');
  const text_ = text(answer, 'answer');
  return closeIfStillOpen(knex, id, { state: 'answered', answer: text_, answered_by: principal.subject, answered_at: knex.fn.now() });
}

export async function withdrawUsageInquiry(knex: Knex, principal: Principal, id: string, reason: string | null | undefined): Promise<UsageInquiryRow> {
  await openInquiryOf(knex, principal, id, 'owner', 'withdraw');
  if (!(reason ?? '').trim()) throw badUserInput('A reason is required to withdraw a usage inquiry; nothing changed', 'reason');
  const why = text(reason, 'reason');
  return closeIfStillOpen(knex, id, { state: 'withdrawn', withdraw_reason: why, withdrawn_by: principal.subject, withdrawn_at: knex.fn.now() });
}
