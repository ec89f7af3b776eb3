// What an agency's disclosure log shows to whom. Every agency answers for its own log, for the caller
// the gateway vouched for (a relay token, shared/auth/relayTokens.ts). Scopes follow roles, never a
// declared purpose: a citizen sees the entries about themself, except restricted ones until released;
// an officer or system the entries of its own requests (same agency and account); an agency's
// data-protection officer (DPO) the whole log of its own agency's registers and, in every other
// register, the requests its agency made; the province's DPO and security officers everything.
// Anyone else sees nothing. Every read that shows someone else's entries is itself appended to this log
// (who looked at whose entries), so the data subjects see it in turn; a policy proposal's impact replay
// shows no one any entry, and is not.
// One entry per data subject of a row: newest first, a page at a time, by (at, seq, part) descending,
// where part is the subject's place in its row.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { disclosureLogAudience } from '../auth/relayTokens.ts';
import { findService } from '../config/services.ts';
import type { AppendOnlyLog, InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { UNTIL_RELEASED } from '../policy/PolicyDocument.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import { MAX_ACCESS_LOG_PAGE_SIZE } from '../loaders/listBounds.ts';
import { CASE_ID_PATTERN, CODE_PATTERN, isoInstant, PERSONAL_ID_PATTERN } from '../validation/inputs.ts';
import { loggedRequest, type DisclosureDecision, type DisclosureRecord, type FieldOutcome, type LoggedRequest } from './disclosureChain.ts';

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
  /**
   * Read by the platform for a policy proposal's impact replay, which answers the security officer with
   * counts per agency and field only: no one is shown the entries, so the read is not recorded as a look
   * at them (it would tell thousands of people that an officer read their entries at each proposal, and
   * fill the period the next replay reads with records of replays). Honoured only for a caller who may
   * read the whole log; anyone else's read is recorded whatever the flag says.
   */
  forImpactReplay?: boolean;
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
  fields: Array<Omit<FieldOutcome, 'fields' | 'restricted'> & { field: string }>;
  /** Present when a restricted rule disclosed part of it (shown to oversight only while it is hidden). */
  restricted?: EntryRestriction;
}

export interface EntryRestriction {
  legalBasis: string;
  /** An ISO period counted from the entry's time, or `until-released`. */
  notifyAfter: string;
  /** When an oversight officer released it; null while not released. */
  releasedAt: string | null;
  /** Whether the data subject is still not shown the entry. */
  hiddenFromDataSubject: boolean;
  /** The request whose release lifts it (the entry's own, or for a read of the log the request read). */
  requestId: string;
}

/** Grouped outcomes, or (the first rows, before they were grouped) one field each. */
type StoredOutcome = Omit<FieldOutcome, 'fields'> & { fields?: string[]; field?: string };

/** Grouped outcomes (and entries of one field each, as the first rows were written) as one entry per field; the restriction is the entry's. */
function perField(stored: StoredOutcome[]): LogEntry['fields'] {
  return stored.flatMap(({ fields, field, restricted: _restricted, ...outcome }) => (fields ?? (field ? [field] : [])).map((name) => ({ field: name, ...outcome })));
}

/** The first restriction among an entry's outcomes, as stored. */
const RESTRICTION_OF_ENTRY = `left join lateral (
    select outcome.value -> 'restricted' as restriction from jsonb_array_elements(entry.fields) as outcome(value)
    where outcome.value -> 'restricted' is not null limit 1
  ) as restricted on true
  left join disclosure_release as lifted on lifted.request_id = coalesce(restricted.restriction ->> 'requestId', log.request_id)`;

/** SQL: the stored restriction \`value\` (a FieldOutcome's `restricted`) still hides its entry from the data subject. */
const stillHidden = (value: string) => `(${value} is not null
    and not exists (select 1 from disclosure_release as released where released.request_id = coalesce(${value} ->> 'requestId', log.request_id))
    and case when ${value} ->> 'notifyAfter' = '${UNTIL_RELEASED}' then true else log.at + (${value} ->> 'notifyAfter')::interval > now() end)`;

/** SQL: none of the entry's outcomes is still hidden from the data subject (filtered here, so pages stay full). */
const SHOWN_TO_DATA_SUBJECT = `not exists (select 1 from jsonb_array_elements(entry.fields) as outcome(value) where ${stillHidden("outcome.value -> 'restricted'")})`;

/**
 * Each row as one entry per data subject, in the form it was written in: since Dec 2026 the subjects in
 * an array and the index of each one's outcome among the row's distinct outcomes; Nov-Dec 2026 each
 * subject's outcome in full, in the same order; before, one subject per row.
 */
const ENTRIES_OF_ROW = `cross join lateral (
    select subject.id as data_subject, subject.part::int as part, log.outcome_sets -> subject.ref ->> 'decision' as decision, (log.outcome_sets -> subject.ref -> 'fields')::jsonb as fields
    from rows from (unnest(log.data_subjects), unnest(log.outcome_of)) with ordinality as subject(id, ref, part)
    where log.outcome_of is not null
    union all
    select subject.id, subject.part::int, subject.outcome ->> 'decision', (subject.outcome -> 'fields')::jsonb
    from rows from (unnest(log.data_subjects), json_array_elements(log.outcomes)) with ordinality as subject(id, outcome, part)
    where log.outcomes is not null
    union all
    select log.data_subject, 1, log.decision, log.fields where log.data_subjects is null
  ) as entry`;

/** SQL: the seqs of the data subject's rows (bound twice): filed under them, or of the oldest form and theirs. */
const PERSONS_SEQS = `(select seq from disclosure_log_subjects where data_subjects @> array[?]::text[]
    union select seq from disclosure_log where data_subject = ?) as filed`;

/** A page of the platform's access-log views, plus the one entry that says whether another page exists. */
const MAX_LIMIT = MAX_ACCESS_LOG_PAGE_SIZE + 1;
/** Beyond any row's number of data subjects: a position after every entry of its row. */
export const MAX_PART = 1_000_000;

/** Where the page after `entry` starts: its position, as the next read's `before` (a part within what a request may name). */
export function positionOf(entry: LogPosition): LogPosition {
  return { at: entry.at, seq: entry.seq, part: Math.min(entry.part, MAX_PART) };
}

function matching(value: unknown, pattern: RegExp, field: string): string {
  if (typeof value !== 'string' || value.length > 100 || !pattern.test(value)) throw badUserInput(`"${field}" is not valid`, field);
  return value;
}

/** Checks a request as it arrives over HTTP: a malformed one changes nothing and says why. */
export function parseLogRequest(body: unknown): LogRequest {
  const { filter = {}, before, limit, forImpactReplay } = (body ?? {}) as {
    filter?: Record<string, unknown>;
    before?: { at?: unknown; seq?: unknown; part?: unknown };
    limit?: unknown;
    forImpactReplay?: unknown;
  };
  if (forImpactReplay !== undefined && typeof forImpactReplay !== 'boolean') throw badUserInput('"forImpactReplay" must be true or false', 'forImpactReplay');
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
  return { filter: parsed, before: position, limit: limit as number, forImpactReplay: forImpactReplay === true };
}

/**
 * The province's data-protection officer is the DPO of the Provincial People's Committee (ubnd-tinh),
 * the province's controller of personal data: like security officers, it oversees every agency's log.
 */
export const PROVINCE_DPO_AGENCY = 'ubnd-tinh';

/**
 * Which entries of this agency's log the caller may see: all of them; a data subject's own (restricted
 * entries hidden until released); or the requests of one agency, optionally of one account in it.
 */
export type LogScope =
  | { all: true }
  | { all: false; dataSubject: string }
  | { all: false; consumerAgency: string; principal?: string }
  | null;

/** Which records of this agency's log the caller may see, by role (never by declared purpose). */
export function logScopeOf(principal: Principal, ownerAgency: string): LogScope {
  if (hasRole(principal, 'security-officer')) return { all: true };
  if (hasRole(principal, 'data-protection-officer') && principal.agency) {
    if (principal.agency === PROVINCE_DPO_AGENCY || principal.agency === ownerAgency) return { all: true };
    return { all: false, consumerAgency: principal.agency };
  }
  if ((hasRole(principal, 'officer') || hasRole(principal, 'system')) && principal.agency && principal.subject) {
    return { all: false, consumerAgency: principal.agency, principal: principal.subject };
  }
  if (hasRole(principal, 'citizen') && principal.subject) return { all: false, dataSubject: principal.subject };
  return null;
}

/** A row of the read, as pg gives it: one entry of one log row. */
interface EntryRow {
  seq: string;
  part: number;
  at: Date;
  requestId: string;
  principal: string | null;
  agency: string | null;
  roles: string[];
  purpose: string | null;
  caseId: string | null;
  guardian: string | null;
  dataSubject: string | null;
  decision: DisclosureDecision;
  fields: StoredOutcome[];
  restriction: { legalBasis: string; notifyAfter: string; requestId?: string } | null;
  releasedAt: Date | null;
  hidden: boolean | null;
}

/**
 * The seq and time of a person's rows that `ofRows` keeps, newest first: their seqs by the filings' index,
 * each row then looked up by its key. The page is then read from these a row at a time until it is full,
 * so it costs its own rows and the person's seqs and times, not every row of the person opened (about a
 * thousand each for 200,000 people in a log of 10 million rows: docs/performance.md). The lookup's
 * `limit 1` keeps Postgres from joining the seqs to a scan of the whole log, which its estimate of a
 * person's rows, far too high, made it choose.
 */
function personsRowsByTime(knex: Knex, subject: string, ofRows: (rows: Knex.QueryBuilder) => Knex.QueryBuilder): Knex.QueryBuilder {
  const row = ofRows(knex({ log: 'disclosure_log' }).select('log.seq', 'log.at').whereRaw('log.seq = filed.seq').limit(1));
  return knex
    .from(knex.raw(`${PERSONS_SEQS} cross join lateral ? as found`, [subject, subject, row]))
    .select('found.seq', 'found.at')
    .orderBy([{ column: 'found.at', order: 'desc' }, { column: 'found.seq', order: 'desc' }]);
}

export async function readDisclosureLog(knex: Knex, scope: LogScope, request: LogRequest): Promise<LogEntry[]> {
  if (!scope) return [];
  const { filter } = request;
  const ownSubject = !scope.all && 'dataSubject' in scope ? scope.dataSubject : undefined;
  // A citizen's scope and a filter on the same person are one condition; on two people, nothing matches.
  if (ownSubject !== undefined && filter.dataSubject !== undefined && ownSubject !== filter.dataSubject) return [];
  const subject = ownSubject ?? filter.dataSubject;
  /** The conditions on a row of the log itself, on `rows`, which reads disclosure_log as `log`. */
  const ofRows = (rows: Knex.QueryBuilder): Knex.QueryBuilder => {
    if (!scope.all && 'consumerAgency' in scope) {
      rows.where('log.agency', scope.consumerAgency);
      if (scope.principal !== undefined) rows.where('log.principal', scope.principal);
    }
    if (filter.from) rows.where('log.at', '>=', filter.from);
    if (filter.until) rows.where('log.at', '<', filter.until);
    if (filter.consumerAgency) rows.where('log.agency', filter.consumerAgency);
    if (filter.purpose) rows.where('log.purpose', filter.purpose);
    if (filter.caseId) rows.where('log.case_id', filter.caseId);
    if (filter.requestId) rows.where('log.request_id', filter.requestId);
    // Lets the time index serve; the exact position is compared with the entry's part below.
    if (request.before) rows.where('log.at', '<=', request.before.at);
    return rows;
  };
  const query: Knex.QueryBuilder = subject !== undefined
    ? knex.from(personsRowsByTime(knex, subject, ofRows).as('found')).join({ log: 'disclosure_log' }, 'log.seq', 'found.seq')
    : ofRows(knex({ log: 'disclosure_log' }));
  /** The row's time and seq as ordered: those of the person's ordered rows when there are. */
  const [at, seq] = subject !== undefined ? ['found.at', 'found.seq'] : ['log.at', 'log.seq'];
  query
    .joinRaw(ENTRIES_OF_ROW)
    .joinRaw(RESTRICTION_OF_ENTRY)
    .select({
      seq, part: 'entry.part', at, requestId: 'log.request_id', principal: 'log.principal', agency: 'log.agency', roles: 'log.roles',
      purpose: 'log.purpose', caseId: 'log.case_id', guardian: 'log.guardian', dataSubject: 'entry.data_subject', decision: 'entry.decision', fields: 'entry.fields',
      restriction: 'restricted.restriction', releasedAt: 'lifted.released_at',
    })
    .select(knex.raw(`${stillHidden('restricted.restriction')} as "hidden"`));
  if (ownSubject !== undefined) query.whereRaw(SHOWN_TO_DATA_SUBJECT);
  // The person's own entry in each of their rows.
  if (subject !== undefined) query.where('entry.data_subject', subject);
  if (filter.decision) query.where('entry.decision', filter.decision);
  if (request.before) {
    const { at: beforeAt, seq: beforeSeq, part } = request.before;
    query.whereRaw(`(${at}, ${seq}, entry.part) < (?::timestamptz, ?::bigint, ?::int)`, [beforeAt, beforeSeq, part]);
  }
  query.orderBy([{ column: at, order: 'desc' }, { column: seq, order: 'desc' }, { column: 'entry.part', order: 'desc' }]).limit(request.limit);
  // Postgres estimates a person's rows at 0.5% of every partition: a server would compile this read with
  // JIT, 50–600 ms at 10 million rows for a read of 10, but the agencies' connections have it off (openDatabase.ts).
  const rows: EntryRow[] = await query;
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
    guardian: row.guardian,
    dataSubject: row.dataSubject,
    fields: perField(row.fields),
    decision: row.decision,
    ...(row.restriction && {
      restricted: {
        legalBasis: row.restriction.legalBasis,
        notifyAfter: row.restriction.notifyAfter,
        releasedAt: row.releasedAt ? new Date(row.releasedAt).toISOString() : null,
        hiddenFromDataSubject: row.hidden === true,
        requestId: row.restriction.requestId ?? row.requestId,
      },
    }),
  }));
}

/** The entry field a read of the log discloses, as the log of that read names it. */
export const LOG_ENTRY_FIELD = 'DataAccess.entry';

/**
 * The record of a read of this log: the reader, and per data subject of the entries shown (their own
 * excepted: a citizen reading their own log discloses nothing to anyone; a parent reading a child's does) that `DataAccess.entry` was
 * disclosed under the reader's scope. A read of entries still hidden from their subject is hidden the
 * same way, released with the request it read, so reading a restricted entry leaves no trace either.
 */
export function logReadRecord(principal: Principal, scope: LogScope, entries: LogEntry[]): DisclosureRecord | null {
  if (!scope) return null;
  const rule = scope.all ? 'reads-the-whole-log' : 'dataSubject' in scope ? 'reads-own-entries' : scope.principal ? 'reads-own-requests' : 'reads-own-agency-requests';
  const basis = !scope.all && 'dataSubject' in scope ? 'pdpl-2025-subject-request' : 'pdpl-2025-state-duties';
  const parts = new Map<string, { subject: string; outcome: FieldOutcome }>();
  for (const entry of entries) {
    // A parent reading their child's entries (X-Child-Id) is recorded under the child like anyone else.
    if (!entry.dataSubject || (entry.dataSubject === principal.subject && !principal.guardian)) continue;
    const hidden = entry.restricted?.hiddenFromDataSubject ? entry.restricted : null;
    const key = `${entry.dataSubject}\u0000${hidden?.requestId ?? ''}`;
    if (parts.has(key)) continue;
    const outcome: FieldOutcome = { fields: [LOG_ENTRY_FIELD], decision: 'disclosed', basis, rule };
    if (hidden) outcome.restricted = { legalBasis: hidden.legalBasis, notifyAfter: hidden.notifyAfter, requestId: hidden.requestId };
    parts.set(key, { subject: entry.dataSubject, outcome });
  }
  if (parts.size === 0) return null;
  return {
    ...loggedRequest(principal, new Date().toISOString()),
    dataSubjects: [...parts.values()].map((part) => part.subject),
    outcomes: [...parts.values()].map((part) => ({ decision: 'disclosed', fields: [part.outcome] })),
    decision: 'disclosed',
  };
}

/**
 * Every agency's internal route for its own log, answering only callers the gateway vouched for. What
 * it shows someone else is recorded in the same log before it is answered (not when the log is off).
 */
export function disclosureLogRoute(subgraph: string): InternalRoute {
  const ownerAgency = findService(subgraph)?.ownerAgency ?? '';
  return {
    audience: disclosureLogAudience(subgraph),
    handle: async (principal, body, knex, log?: AppendOnlyLog | null) => {
      const scope = logScopeOf(principal, ownerAgency);
      const request = parseLogRequest(body);
      const entries = await readDisclosureLog(knex, scope, request);
      if (!(request.forImpactReplay && scope?.all)) await log?.write(logReadRecord(principal, scope, entries));
      return { entries };
    },
  };
}
