// What an agency's disclosure log shows to whom. Every agency answers for its own log, for the caller
// the gateway vouched for (a relay token, shared/auth/relayTokens.ts): a citizen sees the records
// about themself; an officer of the agency that owns the data sees all of them (how its data was
// used, by each consumer); a security officer sees all of them. Anyone else sees nothing.
// One entry per data subject of a row: newest first, a page at a time, by (at, seq, part) descending,
// where part is the subject's place in its row.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { disclosureLogAudience } from '../auth/relayTokens.ts';
import { findService } from '../config/services.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import { MAX_ACCESS_LOG_PAGE_SIZE } from '../loaders/listBounds.ts';
import { CASE_ID_PATTERN, CODE_PATTERN, isoInstant, PERSONAL_ID_PATTERN } from '../validation/inputs.ts';
import type { DisclosureDecision, FieldOutcome, LoggedRequest } from './disclosureChain.ts';

export interface LogFilter {
  from?: string;
  until?: string;
  dataSubject?: string;
  consumerAgency?: string;
  purpose?: string;
  caseId?: string;
  decision?: 'disclosed' | 'refused' | 'partial';
  requestId?: string;
}

export interface LogRequest {
  filter: LogFilter;
  /** Only entries strictly before this position, (at, seq, part) compared in that order. */
  before?: LogPosition;
  limit: number;
}

/** Where an entry stands in the log: its row, and its data subject's place in that row (from 1). */
export interface LogPosition {
  at: string;
  seq: string;
  part: number;
}

/** What one request asked about one person, as the views show it: one entry per field asked for. */
export interface LogEntry extends LogPosition, LoggedRequest {
  dataSubject: string | null;
  decision: DisclosureDecision;
  fields: Array<Omit<FieldOutcome, 'fields'> & { field: string }>;
}

/** Grouped outcomes, or (the first rows, before they were grouped) one field each. */
type StoredOutcome = Omit<FieldOutcome, 'fields'> & { fields?: string[]; field?: string };

/** Grouped outcomes (and entries of one field each, as the first rows were written) as one entry per field. */
function perField(stored: StoredOutcome[]): LogEntry['fields'] {
  return stored.flatMap(({ fields, field, ...outcome }) => (fields ?? (field ? [field] : [])).map((name) => ({ field: name, ...outcome })));
}

/**
 * Each row as one entry per data subject: a row of the current form has its subjects in an array and
 * their outcomes in the same order; a row written before (Nov 2026) has one subject.
 */
const ENTRIES_OF_ROW = `cross join lateral (
    select subject.id as data_subject, subject.part::int as part, subject.outcome ->> 'decision' as decision, (subject.outcome -> 'fields')::jsonb as fields
    from rows from (unnest(log.data_subjects), json_array_elements(log.outcomes)) with ordinality as subject(id, outcome, part)
    union all
    select log.data_subject, 1, log.decision, log.fields where log.data_subjects is null
  ) as entry`;

/** A page of the platform's access-log views, plus the one entry that says whether another page exists. */
const MAX_LIMIT = MAX_ACCESS_LOG_PAGE_SIZE + 1;
/** Beyond any row's number of data subjects: a position after every entry of its row. */
export const MAX_PART = 1_000_000;

function matching(value: unknown, pattern: RegExp, field: string): string {
  if (typeof value !== 'string' || value.length > 100 || !pattern.test(value)) throw badUserInput(`"${field}" is not valid`, field);
  return value;
}

/** Checks a request as it arrives over HTTP: a malformed one changes nothing and says why. */
export function parseLogRequest(body: unknown): LogRequest {
  const { filter = {}, before, limit } = (body ?? {}) as { filter?: Record<string, unknown>; before?: { at?: unknown; seq?: unknown; part?: unknown }; limit?: unknown };
  if (typeof filter !== 'object' || filter === null) throw badUserInput('"filter" must be an object', 'filter');
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT) throw badUserInput(`"limit" must be 1 to ${MAX_LIMIT}`, 'limit');
  const parsed: LogFilter = {};
  if (filter.from != null) parsed.from = isoInstant(filter.from, 'from').toISOString();
  if (filter.until != null) parsed.until = isoInstant(filter.until, 'until').toISOString();
  if (filter.dataSubject != null) parsed.dataSubject = matching(filter.dataSubject, PERSONAL_ID_PATTERN, 'dataSubject');
  if (filter.consumerAgency != null) parsed.consumerAgency = matching(filter.consumerAgency, CODE_PATTERN, 'consumerAgency');
  if (filter.purpose != null) parsed.purpose = matching(filter.purpose, CODE_PATTERN, 'purpose');
  if (filter.caseId != null) parsed.caseId = matching(filter.caseId, CASE_ID_PATTERN, 'caseId');
  if (filter.requestId != null) parsed.requestId = matching(filter.requestId, /^[A-Za-z0-9-]{1,64}$/, 'requestId');
  if (filter.decision != null) {
    if (!['disclosed', 'refused', 'partial'].includes(filter.decision as string)) throw badUserInput('"decision" must be disclosed, refused or partial', 'decision');
    parsed.decision = filter.decision as LogFilter['decision'];
  }
  let position: LogRequest['before'];
  if (before != null) {
    if (!Number.isInteger(before.part) || (before.part as number) < 0 || (before.part as number) > MAX_PART) throw badUserInput('"before.part" is not valid', 'before.part');
    position = { at: isoInstant(before.at, 'before.at').toISOString(), seq: matching(before.seq, /^\d{1,19}$/, 'before.seq'), part: before.part as number };
  }
  return { filter: parsed, before: position, limit: limit as number };
}

export type LogScope = { all: true } | { all: false; dataSubject: string } | null;

/** Which records of this agency's log the caller may see. */
export function logScopeOf(principal: Principal, ownerAgency: string): LogScope {
  if (hasRole(principal, 'security-officer')) return { all: true };
  if ((hasRole(principal, 'officer') || hasRole(principal, 'system') || hasRole(principal, 'data-protection-officer')) && principal.agency === ownerAgency) return { all: true };
  if (hasRole(principal, 'citizen') && principal.subject) return { all: false, dataSubject: principal.subject };
  return null;
}

export async function readDisclosureLog(knex: Knex, scope: LogScope, request: LogRequest): Promise<LogEntry[]> {
  if (!scope) return [];
  const { filter } = request;
  const query = knex({ log: 'disclosure_log' })
    .joinRaw(ENTRIES_OF_ROW)
    .select({
      seq: 'log.seq', part: 'entry.part', at: 'log.at', requestId: 'log.request_id', principal: 'log.principal', agency: 'log.agency', roles: 'log.roles',
      purpose: 'log.purpose', caseId: 'log.case_id', dataSubject: 'entry.data_subject', decision: 'entry.decision', fields: 'entry.fields',
    });
  // A citizen's scope and a filter on the same person are one condition; on two people, nothing matches.
  const subjects = new Set([scope.all ? undefined : scope.dataSubject, filter.dataSubject].filter((subject) => subject !== undefined));
  for (const subject of subjects) {
    // The row first, by an index (either form), then the person's own entry in it.
    query.where((row) => row.whereRaw('log.data_subjects @> array[?]::text[]', [subject]).orWhere('log.data_subject', subject)).where('entry.data_subject', subject);
  }
  if (filter.from) query.where('log.at', '>=', filter.from);
  if (filter.until) query.where('log.at', '<', filter.until);
  if (filter.consumerAgency) query.where('log.agency', filter.consumerAgency);
  if (filter.purpose) query.where('log.purpose', filter.purpose);
  if (filter.caseId) query.where('log.case_id', filter.caseId);
  if (filter.requestId) query.where('log.request_id', filter.requestId);
  if (filter.decision) query.where('entry.decision', filter.decision);
  if (request.before) {
    const { at, seq, part } = request.before;
    // The first condition alone lets the time index serve; the second is the exact position.
    query.where('log.at', '<=', at).whereRaw('(log.at, log.seq, entry.part) < (?::timestamptz, ?::bigint, ?::int)', [at, seq, part]);
  }
  const rows = await query
    .orderBy([{ column: 'log.at', order: 'desc' }, { column: 'log.seq', order: 'desc' }, { column: 'entry.part', order: 'desc' }])
    .limit(request.limit);
  return rows.map((row) => ({
    seq: String(row.seq),
    part: row.part,
    at: new Date(row.at).toISOString(),
    requestId: row.requestId,
    principal: row.principal,
    agency: row.agency,
    roles: row.roles,
    purpose: row.purpose,
    caseId: row.caseId,
    dataSubject: row.dataSubject,
    fields: perField(row.fields),
    decision: row.decision,
  }));
}

/** Every agency's internal route for its own log, answering only callers the gateway vouched for. */
export function disclosureLogRoute(subgraph: string): InternalRoute {
  const ownerAgency = findService(subgraph)?.ownerAgency ?? '';
  return {
    audience: disclosureLogAudience(subgraph),
    handle: async (principal, body, knex) => ({ entries: await readDisclosureLog(knex, logScopeOf(principal, ownerAgency), parseLogRequest(body)) }),
  };
}
