// GraphQL face of data-error reports and correction notices. The platform policies let officers,
// security officers and data-protection officers reach these fields; which reports and notices each may
// see, and what each may do, is decided here from the caller's agency and DATA_ERROR_RULES.
import { config } from '../../../../shared/config/config.ts';
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { openCursor, toPage } from '../../../../shared/loaders/pagination.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { isUuid } from '../connections/connectionRequests.ts';
import { policiesOnDisk } from '../policyConsole/policiesOnDisk.ts';
import { correctionRecipients } from './correctionRecipients.ts';
import { allowedActions, DATA_ERROR_RULES, publishedDataErrorRule, type DataErrorState } from './dataErrorRules.ts';
import {
  actorsOf,
  correctDataErrorReport,
  findDataErrorReport,
  isOverdue,
  listCorrectionNotices,
  listDataErrorReports,
  reportDataError,
  transitionDataErrorReport,
  type CorrectionNoticeRow,
  type DataErrorEventRow,
  type DataErrorReportInput,
  type DataErrorReportRow,
} from './dataErrorReports.ts';

import { asEnumValue, isoOrNull } from '../workflow/graphqlValues.ts';
import { requireViewer as requireViewerOf } from '../workflow/workflowViewer.ts';
import { agencyOrNull } from '../catalogues/catalogueResolvers.ts';

type Context = SubgraphContext<PlatformLoaders>;

const SEPARATOR = '|';

const requireViewer = (ctx: Context, coordinate: string) => requireViewerOf(ctx.principal, coordinate, 'platform.data-error-report');

function position(scope: ReturnType<typeof listCursorScope>, after: string | null | undefined) {
  const opened = openCursor(scope, after);
  if (!opened) return null;
  const [at, id] = opened.split(SEPARATOR);
  return { createdAt: new Date(at), id };
}

export const dataErrorResolvers = {
  Query: {
    dataErrorReports: async (_: unknown, args: { filter?: { side?: 'REPORTER' | 'OWNER' | null; state?: string | null; overdue?: boolean | null } | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const viewer = requireViewer(ctx, 'Query.dataErrorReports');
      const size = pageSizeOf('Query.dataErrorReports', args.first);
      const scope = listCursorScope('platform', ctx.principal, 'Query.dataErrorReports', args);
      const filter = { side: args.filter?.side, state: args.filter?.state ? (args.filter.state.toLowerCase() as DataErrorState) : null, overdue: args.filter?.overdue };
      const rows: DataErrorReportRow[] = await listDataErrorReports(ctx.knex, viewer, filter, { size, after: position(scope, args.after), now: new Date() });
      return toPage(rows, size, (row) => `${new Date(row.createdAt).toISOString()}${SEPARATOR}${row.id}`, scope);
    },
    dataErrorReport: (_: unknown, args: { id: string }, ctx: Context) => {
      if (!isUuid(args.id)) throw badUserInput('"id" must be a data-error report id (a UUID)', 'id');
      return findDataErrorReport(ctx.knex, requireViewer(ctx, 'Query.dataErrorReport'), args.id);
    },
    dataErrorReportRules: () => DATA_ERROR_RULES.map(publishedDataErrorRule),
    dataCorrectionNotices: async (_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) => {
      const viewer = requireViewer(ctx, 'Query.dataCorrectionNotices');
      const size = pageSizeOf('Query.dataCorrectionNotices', args.first);
      const scope = listCursorScope('platform', ctx.principal, 'Query.dataCorrectionNotices', args);
      const rows = await listCorrectionNotices(ctx.knex, viewer, { size, after: position(scope, args.after) });
      return toPage(rows, size, (row) => `${new Date(row.createdAt).toISOString()}${SEPARATOR}${row.id}`, scope);
    },
  },
  Mutation: {
    reportDataError: (_: unknown, args: { input: DataErrorReportInput }, ctx: Context) =>
      reportDataError(ctx.knex, ctx.principal, args.input, policiesOnDisk(ctx.policyDir), config.reports.errorReportWorkingDays),
    withdrawDataErrorReport: (_: unknown, args: { id: string; reason?: string | null }, ctx: Context) => transitionDataErrorReport(ctx.knex, ctx.principal, args.id, 'withdraw', args.reason),
    acknowledgeDataErrorReport: (_: unknown, args: { id: string }, ctx: Context) => transitionDataErrorReport(ctx.knex, ctx.principal, args.id, 'acknowledge', null),
    rejectDataErrorReport: (_: unknown, args: { id: string; reason?: string | null }, ctx: Context) => transitionDataErrorReport(ctx.knex, ctx.principal, args.id, 'reject', args.reason),
    correctDataErrorReport: (_: unknown, args: { id: string; correctedValue: string; note?: string | null }, ctx: Context) =>
      correctDataErrorReport(ctx.knex, ctx.principal, args.id, args, correctionRecipients(ctx, config.reports.correctionWindowDays)),
  },
  DataErrorReport: {
    type: (row: DataErrorReportRow) => row.typeName,
    ownerAgency: async (row: DataErrorReportRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.ownerAgency)),
    reportingAgency: async (row: DataErrorReportRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.reportingAgency)),
    state: (row: DataErrorReportRow) => asEnumValue(row.state),
    overdue: (row: DataErrorReportRow) => isOverdue(row),
    correctionNoticesSent: (row: DataErrorReportRow) => (row.recipientSearch === 'searched' ? row.noticesSent : null),
    recipientsSearched: (row: DataErrorReportRow) => (row.recipientSearch === null ? null : row.recipientSearch === 'searched'),
    createdAt: (row: DataErrorReportRow) => isoOrNull(row.createdAt),
    updatedAt: (row: DataErrorReportRow) => isoOrNull(row.updatedAt),
    history: (row: DataErrorReportRow, _: unknown, ctx: Context) => ctx.loaders.dataErrorHistoryByReportId.load(row.id),
    allowedActions: (row: DataErrorReportRow, _: unknown, ctx: Context) => allowedActions(actorsOf(ctx.principal, row), row.state).map(asEnumValue),
  },
  DataErrorReportEvent: {
    at: (event: DataErrorEventRow) => isoOrNull(event.at),
    action: (event: DataErrorEventRow) => asEnumValue(event.action),
    fromState: (event: DataErrorEventRow) => (event.fromState ? asEnumValue(event.fromState) : null),
    toState: (event: DataErrorEventRow) => asEnumValue(event.toState),
  },
  DataCorrectionNotice: {
    agency: async (row: CorrectionNoticeRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.agency)),
    type: (row: CorrectionNoticeRow) => row.typeName,
    correctedAt: (row: CorrectionNoticeRow) => isoOrNull(row.correctedAt),
  },
};
