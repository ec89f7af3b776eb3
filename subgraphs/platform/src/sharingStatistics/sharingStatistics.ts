// The province's sharing statistics: each register keeps the daily figures of its own disclosure log
// (shared/statistics); the platform asks every one (its internal route, with the token the gateway
// minted for this caller and that register), and merges the pages in key order (day, service, consumer
// agency, purpose). Each register decides by itself which rows the caller sees. A register that does
// not answer is named in the result, never silently left out.
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { hasRole } from '../../../../shared/auth/Principal.ts';
import { CATALOGUE_CODES } from '../../../../shared/catalogue/platformCatalogue.ts';
import { SUBGRAPH_SERVICES } from '../../../../shared/config/services.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { forbidden } from '../../../../shared/errors/forbidden.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { openCursor, sealCursor } from '../../../../shared/loaders/pagination.ts';
import { logError } from '../../../../shared/logging/log.ts';
import { daysBetween, isCalendarDay } from '../../../../shared/calendar/provinceDay.ts';
import { SHARING_STATISTICS_PATH, statisticsScopeOf, type StatisticsFilter, type StatisticsKey, type StatisticsRow } from '../../../../shared/statistics/sharingStatisticsRoute.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { callRegisterLog } from '../accessLog/callRegisterLog.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { catalogueInStep } from '../sharingCatalogue/sharingCatalogue.ts';

type Context = SubgraphContext<PlatformLoaders>;

const FIELD = 'Query.sharingStatistics';
/** A year of figures, a leap day included. */
export const MAX_WINDOW_DAYS = 366;

export interface StatisticsFilterInput {
  from: string;
  to: string;
  ownerAgency?: string | null;
  consumerAgency?: string | null;
  service?: string | null;
  purpose?: string | null;
}

/** The filter checked: dates in order within a year, agencies, service and purpose the platform knows. */
async function checkedFilter(ctx: Context, input: StatisticsFilterInput): Promise<StatisticsFilter> {
  if (!isCalendarDay(input.from)) throw badUserInput('"from" must be a date written YYYY-MM-DD, like 2026-12-01', 'filter.from');
  if (!isCalendarDay(input.to)) throw badUserInput('"to" must be a date written YYYY-MM-DD, like 2026-12-31', 'filter.to');
  const days = daysBetween(input.from, input.to);
  if (days < 0) throw badUserInput('"to" must not be before "from"', 'filter.to');
  if (days + 1 > MAX_WINDOW_DAYS) throw badUserInput(`The window from "from" to "to" must be at most ${MAX_WINDOW_DAYS} days`, 'filter.to');
  const filter: StatisticsFilter = { from: input.from, to: input.to };
  for (const side of ['ownerAgency', 'consumerAgency'] as const) {
    const agency = input[side];
    if (agency == null) continue;
    if (!CATALOGUE_CODES.agencies.includes(agency)) throw badUserInput(`"${side}" must be an agency of the directory (agencies), like "cong-an-tinh"`, `filter.${side}`);
    filter[side] = agency;
  }
  if (input.purpose != null) {
    if (!CATALOGUE_CODES.purposes.includes(input.purpose)) throw badUserInput('"purpose" must be a purpose of the purpose list (purposes), like "civil-status-procedure"', 'filter.purpose');
    filter.purpose = input.purpose;
  }
  if (input.service != null) {
    const known = input.service.length <= 200 && (await catalogueInStep(ctx.knex, ctx.policyDir), await ctx.loaders.sharingServiceById.load(input.service));
    if (!known) throw badUserInput('"service" must be a service of the catalogue (sharingServices), like "population.citizen:identity"', 'filter.service');
    filter.service = input.service;
  }
  return filter;
}

function compareKeys(a: StatisticsKey, b: StatisticsKey): number {
  for (const part of ['day', 'service', 'consumerAgency', 'purpose'] as const) {
    if (a[part] !== b[part]) return a[part] < b[part] ? -1 : 1;
  }
  return 0;
}

function decodeCursor(after: string, scope: ReturnType<typeof listCursorScope>): StatisticsKey {
  try {
    const key = JSON.parse(openCursor(scope, after) ?? '') as StatisticsKey;
    if (isCalendarDay(key.day) && typeof key.service === 'string' && typeof key.consumerAgency === 'string' && typeof key.purpose === 'string') return key;
  } catch {
    // answered below
  }
  throw badUserInput('"after" must be an endCursor from an earlier page', 'after');
}

export async function readSharingStatistics(ctx: Context, args: { filter: StatisticsFilterInput; first?: number | null; after?: string | null }) {
  const { principal } = ctx;
  if (!statisticsScopeOf(principal) || !['officer', 'system', 'security-officer', 'data-protection-officer'].some((role) => hasRole(principal, role as never))) {
    throw forbidden(FIELD, { reason: 'ROLE_NOT_ALLOWED', policy: 'platform.query', rule: 'agencies-and-oversight-read-sharing-statistics' }, principal.requestId);
  }
  const first = pageSizeOf(FIELD, args.first);
  const filter = await checkedFilter(ctx, args.filter);
  const scope = listCursorScope('platform', principal, FIELD, { filter });
  const after = args.after ? decodeCursor(args.after, scope) : undefined;
  const unavailable: string[] = [];
  const pages = await Promise.all(
    SUBGRAPH_SERVICES.map(async (service): Promise<StatisticsRow[]> => {
      try {
        const { rows } = await callRegisterLog<{ rows: StatisticsRow[] }>(ctx, service.name, SHARING_STATISTICS_PATH, { filter, after, limit: first + 1 });
        return rows;
      } catch (error) {
        logError('sharing statistics unavailable', { requestId: principal.requestId, register: service.name, error });
        unavailable.push(service.name);
        return [];
      }
    }),
  );
  const merged = pages.flat().sort(compareKeys);
  const nodes = merged.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map((row) => ({ ...row, purpose: row.purpose === '' ? null : row.purpose })),
    pageInfo: {
      hasNextPage: merged.length > first,
      endCursor: last ? sealCursor(scope, JSON.stringify({ day: last.day, service: last.service, consumerAgency: last.consumerAgency, purpose: last.purpose })) : null,
    },
    unavailableRegisters: unavailable.sort(),
  };
}
