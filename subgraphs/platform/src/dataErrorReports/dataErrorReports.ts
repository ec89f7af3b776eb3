// Data-error reports (issue 14, item 5): a consumer agency's officer reports an error in one field of
// one record as received; the owner agency's officers acknowledge, correct or reject it. Every action is
// checked against DATA_ERROR_RULES and appends one event in the same transaction as the change, applied
// only to the version the actor read (as connection requests are, connections/connectionRequests.ts).
// Marking a report corrected records the value the owner's register now holds; changing the register is
// the owner's own system's job (the registers have no write API here). The correction then notifies every
// agency the owner register's disclosure log shows receiving that field of that record in the window.
import { GraphQLError } from 'graphql';
import type { Knex } from 'knex';
import { OPERATOR_AGENCY, viewerOf, type Viewer } from '../workflow/workflowViewer.ts';
import { eventRow, historiesOf, type EventTable, type WorkflowEvent } from '../workflow/eventHistory.ts';
import { hasRole, type Principal } from '../../../../shared/auth/Principal.ts';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import type { RefusalReason } from '../../../../shared/errors/refusalReasons.ts';
import type { CompiledPolicies } from '../../../../shared/policy/compilePolicies.ts';
import { findService } from '../../../../shared/config/services.ts';
import { PERSONAL_ID_PATTERN } from '../../../../shared/validation/inputs.ts';
import { isUuid } from '../connections/connectionRequests.ts';
import { addWorkingDays } from '../connections/workingDays.ts';
import { provinceDay } from '../../../../shared/calendar/provinceDay.ts';
import { DATA_ERROR_ACTORS, mayEverTake, PENDING_STATES, ruleFor, statesFor, type DataErrorAction, type DataErrorActor, type DataErrorState } from './dataErrorRules.ts';

const POLICY = 'platform.data-error-report';
export const MAX_HISTORY_EVENTS = 50;
const MAX_TEXT = 2000;
const MAX_VALUE = 1000;

export interface DataErrorReportRow {
  id: string;
  register: string;
  typeName: string;
  recordId: string;
  field: string;
  ownerAgency: string;
  reportingAgency: string;
  reportedBy: string;
  valueSeen: string;
  problem: string;
  evidence: string;
  state: DataErrorState;
  stateReason: string | null;
  correctedValue: string | null;
  correctionNote: string | null;
  dueOn: string;
  /** The person the record is about, when its id is theirs: what the disclosure log is searched by. */
  dataSubject: string | null;
  recipientSearch: string | null;
  noticesSent: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const REPORT_COLUMNS = {
  id: 'id',
  register: 'register',
  typeName: 'type_name',
  recordId: 'record_id',
  field: 'field',
  ownerAgency: 'owner_agency',
  reportingAgency: 'reporting_agency',
  reportedBy: 'reported_by',
  valueSeen: 'value_seen',
  problem: 'problem',
  evidence: 'evidence',
  state: 'state',
  stateReason: 'state_reason',
  correctedValue: 'corrected_value',
  correctionNote: 'correction_note',
  dueOn: 'due_on',
  dataSubject: 'data_subject',
  recipientSearch: 'recipient_search',
  noticesSent: 'notices_sent',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  version: 'version',
};

function reports(knex: Knex): Knex.QueryBuilder {
  return knex('data_error_report').select(REPORT_COLUMNS);
}

async function reportById(knex: Knex, id: string): Promise<DataErrorReportRow | undefined> {
  return reports(knex).where('id', id).first();
}

export function isOverdue(row: Pick<DataErrorReportRow, 'state' | 'dueOn'>, now = new Date()): boolean {
  return PENDING_STATES.includes(row.state) && provinceDay(now) > row.dueOn;
}

// ---------------------------------------------------------------------------------------------------
// Who sees what

export function actorsOf(principal: Principal, row: Pick<DataErrorReportRow, 'reportingAgency' | 'ownerAgency'>): DataErrorActor[] {
  if (!hasRole(principal, 'officer') || !principal.agency || !principal.subject) return [];
  const actors: DataErrorActor[] = [];
  if (principal.agency === row.reportingAgency) actors.push('reporter');
  if (principal.agency === row.ownerAgency) actors.push('owner');
  return actors;
}

function canSee(viewer: Viewer | null, row: DataErrorReportRow): boolean {
  return viewer !== null && (viewer.all || row.reportingAgency === viewer.agency || row.ownerAgency === viewer.agency);
}

export async function findDataErrorReport(knex: Knex, viewer: Viewer | null, id: string): Promise<DataErrorReportRow | null> {
  if (!viewer || !isUuid(id)) return null;
  const row = await reportById(knex, id);
  return row && canSee(viewer, row) ? row : null;
}

export interface ReportFilter {
  side?: 'REPORTER' | 'OWNER' | null;
  state?: DataErrorState | null;
  overdue?: boolean | null;
}

/** One page, newest first, after the position (created_at, id) of the previous page's last report. */
export async function listDataErrorReports(knex: Knex, viewer: Viewer, filter: ReportFilter, page: { size: number; after: { createdAt: Date; id: string } | null; now: Date }) {
  const query = reports(knex);
  if (!viewer.all) {
    const agency = viewer.agency;
    query.where((scope) => scope.where('reporting_agency', agency).orWhere('owner_agency', agency));
  }
  if (filter.side) {
    if (!viewer.agency) throw badUserInput('"filter.side" needs a caller of an agency: its reports as reporter or as owner', 'filter.side');
    query.where(filter.side === 'REPORTER' ? 'reporting_agency' : 'owner_agency', viewer.agency);
  }
  if (filter.state) query.where('state', filter.state);
  if (filter.overdue !== null && filter.overdue !== undefined) {
    const overdue = knex.raw("(state in ('open', 'acknowledged') and due_on < ?::date)", [provinceDay(page.now)]);
    query.where(filter.overdue ? overdue : knex.raw(`not ${overdue.toQuery()}`));
  }
  if (page.after) {
    query.where((position) =>
      position.where('created_at', '<', page.after!.createdAt).orWhere((same) => same.where('created_at', page.after!.createdAt).where('id', '<', page.after!.id)),
    );
  }
  return query.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(page.size + 1);
}

const EVENTS: EventTable<'reportId'> = { table: 'data_error_report_event', itemColumn: 'report_id', itemAlias: 'reportId' };

export type DataErrorEventRow = WorkflowEvent<'reportId', DataErrorAction, DataErrorState>;

/** The histories of a batch in one statement, the newest MAX_HISTORY_EVENTS of each, oldest first. */
export function eventsOfReports(knex: Knex, ids: readonly string[]): Promise<DataErrorEventRow[]> {
  return historiesOf<'reportId', DataErrorAction, DataErrorState>(knex, EVENTS, ids, MAX_HISTORY_EVENTS);
}

// ---------------------------------------------------------------------------------------------------
// Reporting

export interface DataErrorReportInput {
  register: string;
  type: string;
  recordId: string;
  field: string;
  valueSeen: string;
  problem: string;
  evidence: string;
}

function text(value: unknown, field: string, max = MAX_TEXT): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw badUserInput(`"${field}" must not be empty`, field);
  if (trimmed.length > max) throw badUserInput(`"${field}" is longer than ${max} characters`, field);
  return trimmed;
}

/** The field as the policies in force share it: its policy's owner, and whether the record's id is its data subject. */
export interface ReportedField {
  register: string;
  type: string;
  field: string;
  ownerAgency: string;
  /** The record's id is the person the field is about (`subject: id`): the log is searched by it. */
  subjectIsRecordId: boolean;
}

export function reportedFieldOf(policies: ReadonlyMap<string, CompiledPolicies>, input: Pick<DataErrorReportInput, 'register' | 'type' | 'field'>): ReportedField {
  const register = typeof input.register === 'string' ? input.register.trim() : '';
  const compiled = findService(register) ? policies.get(register) : undefined;
  if (!compiled) throw badUserInput(`Unknown register "${register}": name a subgraph (population, civil-status, business, land, social)`, 'register');
  const typeFields = [...compiled.fields.values()].filter((candidate) => candidate.type === input.type && candidate.type !== 'Query' && candidate.type !== 'Mutation');
  if (typeFields.length === 0) throw badUserInput(`The ${register} register has no type "${input.type}" under its policies`, 'type');
  const field = typeFields.find((candidate) => candidate.field === input.field);
  if (!field || field.level === 'state-secret') {
    // A state-secret field is named as unknown: it is outside the sharing scheme, and no report may ask about it.
    throw badUserInput(`"${input.field}" is not a shared field of ${input.type} (a field of a non-state-secret field group of its policy)`, 'field');
  }
  return { register, type: field.type, field: field.field, ownerAgency: field.owner, subjectIsRecordId: field.subjectFields.length === 1 && field.subjectFields[0] === 'id' };
}

function recordIdOf(value: unknown, subjectIsRecordId: boolean): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (subjectIsRecordId) {
    if (!PERSONAL_ID_PATTERN.test(id)) throw badUserInput('"recordId" must be the record\'s 12-digit personal identification number', 'recordId');
  } else if (!/^[A-Za-z0-9._/-]{1,64}$/.test(id)) {
    throw badUserInput('"recordId" must be the record\'s id as the register names it (letters, digits, . _ / -, at most 64)', 'recordId');
  }
  return id;
}

function refusal(message: string, reason: RefusalReason, requestId: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason, policy: POLICY, rule: null, requestId } });
}

export async function reportDataError(knex: Knex, principal: Principal, input: DataErrorReportInput, policies: ReadonlyMap<string, CompiledPolicies>, dueWorkingDays: number): Promise<DataErrorReportRow> {
  if (!hasRole(principal, 'officer') || !principal.agency || !principal.subject) {
    throw refusal('Only officers of an agency that received the data may report an error in it', 'ROLE_NOT_ALLOWED', principal.requestId);
  }
  const reporter = principal.agency;
  const field = reportedFieldOf(policies, input);
  if (field.ownerAgency === reporter) {
    throw badUserInput(`${reporter} owns ${field.type}.${field.field}: correct it in your own register, a data-error report is for data another agency shares with you`, 'field');
  }
  const recordId = recordIdOf(input.recordId, field.subjectIsRecordId);
  const checked = {
    valueSeen: text(input.valueSeen, 'valueSeen', MAX_VALUE),
    problem: text(input.problem, 'problem'),
    evidence: text(input.evidence, 'evidence', 500),
  };
  const known = await knex('agency').select('code').where(anyOf(knex, 'code', [reporter, field.ownerAgency]));
  if (!known.some((row: { code: string }) => row.code === reporter)) throw refusal(`${reporter} is not an agency of the directory`, 'AGENCY_NOT_ALLOWED', principal.requestId);
  const id = await knex.transaction(async (trx) => {
    const [{ id: created }] = await trx('data_error_report')
      .insert({
        register: field.register,
        type_name: field.type,
        record_id: recordId,
        field: field.field,
        owner_agency: field.ownerAgency,
        reporting_agency: reporter,
        reported_by: principal.subject,
        value_seen: checked.valueSeen,
        problem: checked.problem,
        evidence: checked.evidence,
        state: 'open',
        due_on: addWorkingDays(provinceDay(new Date()), dueWorkingDays),
        data_subject: field.subjectIsRecordId ? recordId : null,
      })
      .returning('id');
    await trx(EVENTS.table).insert(eventRow(EVENTS, principal, created, { action: 'report', from: null, to: 'open', reason: null, details: null }));
    return created as string;
  });
  return (await reportById(knex, id))!;
}

// ---------------------------------------------------------------------------------------------------
// Acting on a report

const VERBS: Record<DataErrorAction, [string, string]> = {
  report: ['report', 'reported'],
  withdraw: ['withdraw', 'withdrawn'],
  acknowledge: ['acknowledge', 'acknowledged'],
  correct: ['mark corrected', 'marked corrected'],
  reject: ['reject', 'rejected'],
};

const WHO_MAY: Record<DataErrorActor, string> = { reporter: 'officers of the reporting agency', owner: 'officers of the owner agency' };

async function reportToActOn(knex: Knex, principal: Principal, id: string, action: DataErrorAction) {
  if (!isUuid(id)) throw badUserInput('"id" must be a data-error report id (a UUID)', 'id');
  const row = await reportById(knex, id);
  const actors = row ? actorsOf(principal, row) : [];
  if (!row || actors.length === 0) {
    throw refusal('No data-error report with this id is open to you: only officers of its reporting and owner agencies act on it', 'ROW_OUT_OF_SCOPE', principal.requestId);
  }
  if (!mayEverTake(action, actors)) {
    const who = DATA_ERROR_ACTORS.filter((actor) => mayEverTake(action, [actor])).map((actor) => WHO_MAY[actor]);
    throw refusal(`Only ${who.join(' or ')} may ${VERBS[action][0]} a data-error report`, 'ROLE_NOT_ALLOWED', principal.requestId);
  }
  const rule = ruleFor(action, actors, row.state);
  if (!rule) {
    const from = statesFor(action).map((state) => state.toUpperCase());
    const article = /^[AEIOU]/i.test(row.state) ? 'An' : 'A';
    throw new GraphQLError(`${article} ${row.state.toUpperCase()} data-error report cannot be ${VERBS[action][1]}: only one that is ${from.join(' or ')}. Nothing changed.`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'REPORT_STATE', state: row.state.toUpperCase() },
    });
  }
  return { row, rule };
}

function versionConflict(current: DataErrorReportRow | undefined): GraphQLError {
  return new GraphQLError(`Someone else acted on this data-error report at the same time (it is now ${current?.state.toUpperCase() ?? 'changed'}): read it again. Nothing changed.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'REPORT_VERSION_CONFLICT' },
  });
}

function reasonOf(value: string | null | undefined, required: boolean, action: DataErrorAction): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    if (required) throw badUserInput(`A reason is required to ${VERBS[action][0]} a data-error report; nothing changed`, 'reason');
    return null;
  }
  if (trimmed.length > MAX_TEXT) throw badUserInput(`"reason" is longer than ${MAX_TEXT} characters`, 'reason');
  return trimmed;
}

/** Applies the change to the version read, with its event (and, for a correction, its notices); refused when another came first. */
async function applyChange(
  knex: Knex,
  principal: Principal,
  row: DataErrorReportRow,
  change: { action: DataErrorAction; to: DataErrorState; columns: Record<string, unknown>; reason: string | null; details: Record<string, unknown> | null; noticeAgencies?: string[] },
): Promise<DataErrorReportRow> {
  const applied = await knex.transaction(async (trx) => {
    const count = await trx('data_error_report')
      .where({ id: row.id, version: row.version })
      .update({ ...change.columns, state: change.to, version: row.version + 1, updated_at: trx.fn.now() });
    if (count !== 1) return false;
    await trx(EVENTS.table).insert(eventRow(EVENTS, principal, row.id, { action: change.action, from: row.state, to: change.to, reason: change.reason, details: change.details }));
    if (change.noticeAgencies?.length) {
      await trx('data_correction_notice').insert(change.noticeAgencies.map((agency) => ({ report_id: row.id, agency })));
    }
    return true;
  });
  if (!applied) throw versionConflict(await reportById(knex, row.id));
  return (await reportById(knex, row.id))!;
}

export async function transitionDataErrorReport(knex: Knex, principal: Principal, id: string, action: 'withdraw' | 'acknowledge' | 'reject', reasonGiven: string | null | undefined) {
  const { row, rule } = await reportToActOn(knex, principal, id, action);
  const reason = rule.reason === 'none' ? null : reasonOf(reasonGiven, rule.reason === 'required', action);
  const columns: Record<string, unknown> = reason !== null ? { state_reason: reason } : {};
  return applyChange(knex, principal, row, { action, to: rule.to, columns, reason, details: null });
}

/** Who received the field of the record, from the owner register's disclosure log (correctionNotices.ts). */
export type RecipientFinder = (row: DataErrorReportRow) => Promise<string[]>;

export async function correctDataErrorReport(
  knex: Knex,
  principal: Principal,
  id: string,
  input: { correctedValue?: string | null; note?: string | null },
  findRecipients: RecipientFinder,
): Promise<DataErrorReportRow> {
  const { row, rule } = await reportToActOn(knex, principal, id, 'correct');
  const correctedValue = text(input.correctedValue, 'correctedValue', MAX_VALUE);
  const note = (input.note ?? '').trim() || null;
  if (note && note.length > MAX_TEXT) throw badUserInput(`"note" is longer than ${MAX_TEXT} characters`, 'note');
  const searched = row.dataSubject !== null;
  // Read before anything is written: a register that does not answer refuses the correction, nothing changes.
  const agencies = searched ? await findRecipients(row) : [];
  return applyChange(knex, principal, row, {
    action: 'correct',
    to: rule.to,
    columns: { corrected_value: correctedValue, correction_note: note, recipient_search: searched ? 'searched' : 'no-subject-key', notices_sent: agencies.length },
    reason: null,
    details: { correctedValue, note, noticesSent: agencies.length, recipientSearch: searched ? 'searched' : 'no-subject-key' },
    noticeAgencies: agencies,
  });
}

// ---------------------------------------------------------------------------------------------------
// Correction notices

export interface CorrectionNoticeRow {
  id: string;
  reportId: string;
  agency: string;
  register: string;
  typeName: string;
  recordId: string;
  field: string;
  correctedAt: Date;
  createdAt: Date;
}

/** The notices one agency received (or, for oversight, every notice), newest first. */
export async function listCorrectionNotices(knex: Knex, viewer: Viewer, page: { size: number; after: { createdAt: Date; id: string } | null }): Promise<CorrectionNoticeRow[]> {
  const query = knex({ notice: 'data_correction_notice' })
    .join({ report: 'data_error_report' }, 'report.id', 'notice.report_id')
    .select({
      id: 'notice.id',
      reportId: 'notice.report_id',
      agency: 'notice.agency',
      register: 'report.register',
      typeName: 'report.type_name',
      recordId: 'report.record_id',
      field: 'report.field',
      correctedAt: 'report.updated_at',
      createdAt: 'notice.created_at',
    });
  if (!viewer.all) query.where('notice.agency', viewer.agency);
  if (page.after) {
    query.where((position) =>
      position.where('notice.created_at', '<', page.after!.createdAt).orWhere((same) => same.where('notice.created_at', page.after!.createdAt).where('notice.id', '<', page.after!.id)),
    );
  }
  return query.orderBy([{ column: 'notice.created_at', order: 'desc' }, { column: 'notice.id', order: 'desc' }]).limit(page.size + 1);
}

export { OPERATOR_AGENCY, viewerOf, type Viewer };
