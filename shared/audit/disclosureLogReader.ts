// What an agency's disclosure log shows to whom. Every agency answers for its own log, for the caller
// the gateway vouched for (a relay token, shared/auth/relayTokens.ts): a citizen sees the records
// about themself; an officer of the agency that owns the data sees all of them (how its data was
// used, by each consumer); a security officer sees all of them. Anyone else sees nothing.
// Newest first, a page at a time: (at, seq) descending, after a position the caller gives.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { disclosureLogAudience } from '../auth/relayTokens.ts';
import { findService } from '../config/services.ts';
import type { InternalRoute } from '../subgraph/SubgraphDefinition.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import { CASE_ID_PATTERN, CODE_PATTERN, isoInstant, PERSONAL_ID_PATTERN } from '../validation/inputs.ts';
import { RECORD_COLUMNS, type DisclosureRecord, type FieldOutcome } from './disclosureChain.ts';

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
  /** Only records strictly before this position, (at, seq) compared as a pair. */
  before?: { at: string; seq: string };
  limit: number;
}

/** A record as the views show it: its position, and one entry per field asked for. */
export interface LogEntry extends Omit<DisclosureRecord, 'fields'> {
  seq: string;
  fields: Array<Omit<FieldOutcome, 'fields'> & { field: string }>;
}

/** Grouped outcomes, or (rows written before they were grouped) one field each. */
type StoredOutcome = Omit<FieldOutcome, 'fields'> & { fields?: string[]; field?: string };

/** Grouped outcomes (and entries of one field each, as the first rows were written) as one entry per field. */
function perField(stored: StoredOutcome[]): LogEntry['fields'] {
  return stored.flatMap(({ fields, field, ...outcome }) => (fields ?? (field ? [field] : [])).map((name) => ({ field: name, ...outcome })));
}

// Everything but the chain links, which only audit:verify needs.
const { prevHash: _prevHash, hash: _hash, ...LOG_COLUMNS } = RECORD_COLUMNS;

const MAX_LIMIT = 101;

function matching(value: unknown, pattern: RegExp, field: string): string {
  if (typeof value !== 'string' || value.length > 100 || !pattern.test(value)) throw badUserInput(`"${field}" is not valid`, field);
  return value;
}

/** Checks a request as it arrives over HTTP: a malformed one changes nothing and says why. */
export function parseLogRequest(body: unknown): LogRequest {
  const { filter = {}, before, limit } = (body ?? {}) as { filter?: Record<string, unknown>; before?: { at?: unknown; seq?: unknown }; limit?: unknown };
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
  if (before != null) position = { at: isoInstant(before.at, 'before.at').toISOString(), seq: matching(before.seq, /^\d{1,19}$/, 'before.seq') };
  return { filter: parsed, before: position, limit: limit as number };
}

export type LogScope = { all: true } | { all: false; dataSubject: string } | null;

/** Which records of this agency's log the caller may see. */
export function logScopeOf(principal: Principal, ownerAgency: string): LogScope {
  if (hasRole(principal, 'security-officer')) return { all: true };
  if ((hasRole(principal, 'officer') || hasRole(principal, 'system')) && principal.agency === ownerAgency) return { all: true };
  if (hasRole(principal, 'citizen') && principal.subject) return { all: false, dataSubject: principal.subject };
  return null;
}

export async function readDisclosureLog(knex: Knex, scope: LogScope, request: LogRequest): Promise<LogEntry[]> {
  if (!scope) return [];
  const { filter } = request;
  const query = knex('disclosure_log').select(LOG_COLUMNS);
  if (!scope.all) query.where('data_subject', scope.dataSubject);
  if (filter.dataSubject) query.where('data_subject', filter.dataSubject);
  if (filter.from) query.where('at', '>=', filter.from);
  if (filter.until) query.where('at', '<', filter.until);
  if (filter.consumerAgency) query.where('agency', filter.consumerAgency);
  if (filter.purpose) query.where('purpose', filter.purpose);
  if (filter.caseId) query.where('case_id', filter.caseId);
  if (filter.requestId) query.where('request_id', filter.requestId);
  if (filter.decision) query.where('decision', filter.decision);
  if (request.before) query.whereRaw('(at, seq) < (?::timestamptz, ?::bigint)', [request.before.at, request.before.seq]);
  const rows = await query.orderBy([{ column: 'at', order: 'desc' }, { column: 'seq', order: 'desc' }]).limit(request.limit);
  return rows.map((row) => ({
    seq: String(row.seq),
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
