// GET /sharing-statistics.csv and /sharing-statistics.json: the sharing statistics of a window as one
// document (CSV in UTF-8 with a header row, or JSON), for a spreadsheet or an agency's own reports. Built
// from the platform's GraphQL answer, page after page, as the caller: the same bearer token, the same
// query parameters as the filter (from, to, ownerAgency, consumerAgency, service, purpose), the same
// rows each register lets the caller see, the same refusals (a citizen gets 403, no token 401, a bad
// window 400).
import type { Request, Response } from 'express';
import type { ApolloServer } from '@apollo/server';
import { isAnonymous } from '../../shared/auth/Principal.ts';
import { errorBody } from '../../shared/errors/clientErrors.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { askAsCaller, statusOfErrors, type AnswerError } from './askAsCaller.ts';
import { startDeadline } from './requestDeadline.ts';

export const SHARING_STATISTICS_CSV_PATH = '/sharing-statistics.csv';
export const SHARING_STATISTICS_JSON_PATH = '/sharing-statistics.json';

/** What the export holds of each row: everything the SharingStatisticsRow type offers. */
export const SHARING_STATISTICS_ROW_SELECTION = 'day ownerAgency service consumerAgency purpose requests recordsDisclosed refusals { reason count } distinctSubjects latencyMs { p50 p95 p99 calls }';
const FILTER_PARAMETERS = ['from', 'to', 'ownerAgency', 'consumerAgency', 'service', 'purpose'] as const;

const PAGE = 200;
/** A year of every service for every consumer is far less than this many rows; a bound, not a limit met in practice. */
const MAX_PAGES = 1_000;
/** Whether the caller may read the statistics of this window at all, at a cost any role's budget allows: a refusal or bad input is told as such (403, 400). */
const PROBE = 'query SharingStatisticsExportAccess($filter: SharingStatisticsFilter!) { sharingStatistics(filter: $filter, first: 1) { pageInfo { hasNextPage } } }';
const QUERY = `query SharingStatisticsExport($filter: SharingStatisticsFilter!, $after: String) {
  sharingStatistics(filter: $filter, first: ${PAGE}, after: $after) { nodes { ${SHARING_STATISTICS_ROW_SELECTION} } pageInfo { hasNextPage endCursor } unavailableRegisters }
}`;

export interface StatisticsRow {
  day: string;
  ownerAgency: string;
  service: string;
  consumerAgency: string;
  purpose: string | null;
  requests: number;
  recordsDisclosed: number;
  refusals: Array<{ reason: string; count: number }>;
  distinctSubjects: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; calls: number };
}

interface Page {
  nodes?: StatisticsRow[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  unavailableRegisters?: string[];
}

export const CSV_COLUMNS = ['day', 'ownerAgency', 'service', 'consumerAgency', 'purpose', 'requests', 'recordsDisclosed', 'refusals', 'refusalsByReason', 'distinctSubjects', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'latencyCalls'];

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is kept from spreadsheets' formulas. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV (RFC 4180, CRLF), a header row first; refusals as their total and as `REASON:count` joined by `; `. */
export function statisticsCsv(rows: StatisticsRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.day,
        row.ownerAgency,
        row.service,
        row.consumerAgency,
        row.purpose,
        row.requests,
        row.recordsDisclosed,
        row.refusals.reduce((sum, refusal) => sum + refusal.count, 0),
        row.refusals.map((refusal) => `${refusal.reason}:${refusal.count}`).join('; '),
        row.distinctSubjects,
        row.latencyMs.p50,
        row.latencyMs.p95,
        row.latencyMs.p99,
        row.latencyMs.calls,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function sharingStatisticsExport(server: ApolloServer<GatewayContext>, requestMs: number, format: 'csv' | 'json') {
  return async (req: Request, res: Response): Promise<void> => {
    const principal = req.principal!;
    if (isAnonymous(principal)) {
      res.setHeader('www-authenticate', 'Bearer');
      res.status(401).type('application/json').send(errorBody('Sign in: the statistics export needs a bearer token (npm run token in development)', 'UNAUTHENTICATED'));
      return;
    }
    const filter: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.query)) {
      if (!(FILTER_PARAMETERS as readonly string[]).includes(name)) {
        res.status(400).type('application/json').send(errorBody(`Unknown parameter "${name}": the export takes ${FILTER_PARAMETERS.join(', ')}`, 'BAD_USER_INPUT'));
        return;
      }
      if (typeof value !== 'string') {
        res.status(400).type('application/json').send(errorBody(`"${name}" must be given once`, 'BAD_USER_INPUT'));
        return;
      }
      filter[name] = value;
    }
    for (const required of ['from', 'to']) {
      if (!filter[required]) {
        res.status(400).type('application/json').send(errorBody(`"${required}" is required: a date written YYYY-MM-DD`, 'BAD_USER_INPUT'));
        return;
      }
    }
    // One deadline for the whole export: it answers within one request's time.
    const deadline = startDeadline(requestMs);
    const ask = askAsCaller(server, principal, () => deadline);
    const rows: StatisticsRow[] = [];
    const errors: AnswerError[] = [];
    const unavailable = new Set<string>();
    const run = async (after: string | null, query = QUERY): Promise<{ list: Page | null | undefined; pageErrors: AnswerError[] }> => {
      const answer = await ask<{ sharingStatistics?: Page | null }>(query, query === QUERY ? { filter, after } : { filter });
      return { list: answer.data?.sharingStatistics, pageErrors: answer.errors };
    };
    // Refused or failed as a whole: the GraphQL errors as they are, with the status they stand for.
    const refuse = (refusal: AnswerError[]) => {
      res.status(statusOfErrors(refusal)).json({ errors: refusal });
    };
    const probe = await run(null, PROBE);
    if (!probe.list) return refuse(probe.pageErrors);
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const { list, pageErrors } = await run(after);
      if (!list) return refuse(pageErrors);
      rows.push(...(list.nodes ?? []));
      errors.push(...pageErrors);
      for (const register of list.unavailableRegisters ?? []) unavailable.add(register);
      if (!list.pageInfo?.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    if (format === 'csv') {
      // Registers that could not be read are said in a header, since CSV has no place for them.
      if (unavailable.size) res.setHeader('x-unavailable-registers', [...unavailable].sort().join(','));
      res.status(200).type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="sharing-statistics-${filter.from}-${filter.to}.csv"`);
      res.send(statisticsCsv(rows));
      return;
    }
    res.json({ generatedAt: new Date().toISOString(), filter, count: rows.length, rows, unavailableRegisters: [...unavailable].sort(), ...(errors.length ? { errors } : {}) });
  };
}
