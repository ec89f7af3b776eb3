// Every register's internal route for its own sharing statistics, answering the platform for the caller
// the gateway vouched for (the relay token of its disclosure log, `<subgraph>-disclosure-log`: figures
// computed from that log, so no agency holds another key). The register decides what the caller sees:
// the operator (so-khoa-hoc-cong-nghe), security officers and the province's DPO every row; an officer,
// system or DPO of an agency the rows where that agency owns the service or is the consumer; anyone else
// nothing. Rows come in key order (day, service, consumer agency, purpose), a page after a key.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { disclosureLogAudience } from '../auth/relayTokens.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { CODE_PATTERN } from '../validation/inputs.ts';
import { DAY_FIGURE_COLUMNS } from './aggregateDay.ts';
import { BUCKETS, percentiles, type Percentiles } from './latencyHistogram.ts';
import { dateColumnDay, isCalendarDay } from '../calendar/provinceDay.ts';

/** Every agency's route answering its sharing statistics for the caller. */
export const SHARING_STATISTICS_PATH = '/internal/sharing-statistics';
/** The agency operating the platform: its officers see every agency's figures. */
export const OPERATOR_AGENCY = 'so-khoa-hoc-cong-nghe';
/** The province's data-protection officer's agency (as for the disclosure logs). */
const PROVINCE_DPO_AGENCY = 'ubnd-tinh';
/** A page of the platform's list plus one; more is refused. */
export const MAX_STATISTICS_LIMIT = 501;
const SERVICE_PATTERN = /^[a-z0-9][a-z0-9.-]{0,120}:[a-z0-9][a-z0-9-]{0,60}$/;

export interface StatisticsFilter {
  from: string;
  to: string;
  ownerAgency?: string;
  consumerAgency?: string;
  service?: string;
  /** '' : no purpose declared. */
  purpose?: string;
}

/** A row's key: rows are ordered by it, and a page starts after one. */
export interface StatisticsKey {
  day: string;
  service: string;
  consumerAgency: string;
  purpose: string;
}

export interface StatisticsRow extends StatisticsKey {
  ownerAgency: string;
  requests: number;
  recordsDisclosed: number;
  refusals: Array<{ reason: string; count: number }>;
  distinctSubjects: number;
  /** This register's time to answer the consumer's calls for the purpose that day (all its services together). */
  latencyMs: Percentiles;
}

export interface StatisticsRequest {
  filter: StatisticsFilter;
  after?: StatisticsKey;
  limit: number;
}

/** Which rows the caller may see: all, those of one agency (as owner or consumer), or none. */
export type StatisticsScope = { all: true } | { all: false; agency: string } | null;

export function statisticsScopeOf(principal: Principal): StatisticsScope {
  if (hasRole(principal, 'security-officer')) return { all: true };
  const agencyRole = hasRole(principal, 'officer') || hasRole(principal, 'system') || hasRole(principal, 'data-protection-officer');
  if (!agencyRole || !principal.agency) return null;
  if (principal.agency === OPERATOR_AGENCY) return { all: true };
  if (principal.agency === PROVINCE_DPO_AGENCY && hasRole(principal, 'data-protection-officer')) return { all: true };
  return { all: false, agency: principal.agency };
}

function code(value: unknown, field: string, pattern = CODE_PATTERN): string {
  if (typeof value !== 'string' || value.length > 200 || !pattern.test(value)) throw badUserInput(`"${field}" is not valid`, field);
  return value;
}

/** Checks a request as it arrives over HTTP: a malformed one changes nothing and says why. */
export function parseStatisticsRequest(body: unknown): StatisticsRequest {
  const { filter, after, limit } = (body ?? {}) as { filter?: Record<string, unknown>; after?: Record<string, unknown>; limit?: unknown };
  if (!filter || typeof filter !== 'object') throw badUserInput('"filter" must be an object', 'filter');
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_STATISTICS_LIMIT) throw badUserInput(`"limit" must be 1 to ${MAX_STATISTICS_LIMIT}`, 'limit');
  if (!isCalendarDay(filter.from)) throw badUserInput('"from" must be a date like 2026-12-01', 'from');
  if (!isCalendarDay(filter.to)) throw badUserInput('"to" must be a date like 2026-12-31', 'to');
  const parsed: StatisticsFilter = { from: filter.from, to: filter.to };
  if (filter.ownerAgency != null) parsed.ownerAgency = code(filter.ownerAgency, 'ownerAgency');
  if (filter.consumerAgency != null) parsed.consumerAgency = code(filter.consumerAgency, 'consumerAgency');
  if (filter.service != null) parsed.service = code(filter.service, 'service', SERVICE_PATTERN);
  if (filter.purpose != null) parsed.purpose = filter.purpose === '' ? '' : code(filter.purpose, 'purpose');
  let key: StatisticsKey | undefined;
  if (after != null) {
    if (!isCalendarDay(after.day)) throw badUserInput('"after.day" is not valid', 'after.day');
    key = {
      day: after.day,
      service: code(after.service, 'after.service', SERVICE_PATTERN),
      consumerAgency: code(after.consumerAgency, 'after.consumerAgency'),
      purpose: after.purpose === '' ? '' : code(after.purpose, 'after.purpose'),
    };
  }
  return { filter: parsed, after: key, limit: limit as number };
}

export async function readSharingStatistics(knex: Knex, scope: StatisticsScope, request: StatisticsRequest): Promise<StatisticsRow[]> {
  if (!scope) return [];
  const { filter } = request;
  const query = knex('sharing_statistics')
    .select({ day: knex.raw("to_char(day, 'YYYY-MM-DD')"), ...DAY_FIGURE_COLUMNS })
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to);
  if (!scope.all) query.where((rows) => rows.where('owner_agency', scope.agency).orWhere('consumer_agency', scope.agency));
  if (filter.ownerAgency) query.where('owner_agency', filter.ownerAgency);
  if (filter.consumerAgency) query.where('consumer_agency', filter.consumerAgency);
  if (filter.service) query.where('service', filter.service);
  if (filter.purpose !== undefined) query.where('purpose', filter.purpose);
  if (request.after) {
    const { day, service, consumerAgency, purpose } = request.after;
    query.whereRaw('(day, service, consumer_agency, purpose) > (?::date, ?, ?, ?)', [day, service, consumerAgency, purpose]);
  }
  const rows = await query.orderBy(['day', 'service', 'consumer_agency', 'purpose']).limit(request.limit);
  const latency = await latencyOf(knex, rows);
  return rows.map((row) => ({
    day: dateColumnDay(row.day),
    service: row.service,
    ownerAgency: row.ownerAgency,
    consumerAgency: row.consumerAgency,
    purpose: row.purpose,
    requests: Number(row.requests),
    recordsDisclosed: Number(row.recordsDisclosed),
    refusals: Object.entries((typeof row.refusals === 'string' ? JSON.parse(row.refusals) : row.refusals) as Record<string, number>)
      .map(([reason, count]) => ({ reason, count: Number(count) }))
      .sort((a, b) => (a.reason < b.reason ? -1 : 1)),
    distinctSubjects: Number(row.distinctSubjects),
    latencyMs: percentiles(latency.get(latencyKey(row.day, row.consumerAgency, row.purpose)) ?? []),
  }));
}

const latencyKey = (day: string, agency: string, purpose: string) => `${day}\u0000${agency}\u0000${purpose}`;

/** The latency histograms of the page's days, agencies and purposes: one statement, whatever the page's size. */
async function latencyOf(knex: Knex, rows: Array<{ day: string; consumerAgency: string; purpose: string }>): Promise<Map<string, number[]>> {
  const keys = [...new Map(rows.map((row) => [latencyKey(row.day, row.consumerAgency, row.purpose), row])).values()];
  const histograms = new Map<string, number[]>();
  if (!keys.length) return histograms;
  const buckets = await knex('sharing_latency')
    .select({ day: knex.raw("to_char(day, 'YYYY-MM-DD')"), agency: 'consumer_agency', purpose: 'purpose', bucket: 'bucket', calls: 'calls' })
    .whereIn(['day', 'consumer_agency', 'purpose'], keys.map((key) => [key.day, key.consumerAgency, key.purpose]));
  for (const { day, agency, purpose, bucket, calls } of buckets) {
    const key = latencyKey(day, agency, purpose);
    let counts = histograms.get(key);
    if (!counts) histograms.set(key, (counts = new Array<number>(BUCKETS).fill(0)));
    counts[bucket] += Number(calls);
  }
  return histograms;
}

export function sharingStatisticsRoute(subgraph: string): InternalRoute {
  return {
    audience: disclosureLogAudience(subgraph),
    handle: async (principal, body, knex) => ({ rows: await readSharingStatistics(knex, statisticsScopeOf(principal), parseStatisticsRequest(body)) }),
  };
}
