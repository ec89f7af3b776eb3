// GraphQL face of usage inquiries: which inquiries each caller sees and what each may do is decided in
// usageInquiries.ts from the caller's agency and the connection's two agencies.
import { config } from '../../../../shared/config/config.ts';
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { openCursor, toPage } from '../../../../shared/loaders/pagination.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { isUuid } from '../connections/connectionRequests.ts';
import {
  answerUsageInquiry,
  askUsageInquiry,
  findUsageInquiry,
  isOverdue,
  listUsageInquiries,
  withdrawUsageInquiry,
  type InquiryState,
  type UsageInquiryInput,
  type UsageInquiryRow,
} from './usageInquiries.ts';

import { isoOrNull } from '../workflow/graphqlValues.ts';
import { requireViewer as requireViewerOf } from '../workflow/workflowViewer.ts';
import { agencyOrNull } from '../catalogues/catalogueResolvers.ts';

type Context = SubgraphContext<PlatformLoaders>;

const SEPARATOR = '|';

const requireViewer = (ctx: Context, coordinate: string) => requireViewerOf(ctx.principal, coordinate, 'platform.usage-inquiry');

export const usageInquiryResolvers = {
  Query: {
    usageInquiries: async (_: unknown, args: { filter?: { side?: 'CONSUMER' | 'OWNER' | null; state?: string | null } | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const viewer = requireViewer(ctx, 'Query.usageInquiries');
      const size = pageSizeOf('Query.usageInquiries', args.first);
      const scope = listCursorScope('platform', ctx.principal, 'Query.usageInquiries', args);
      const opened = openCursor(scope, args.after);
      const [at, id] = opened ? opened.split(SEPARATOR) : [];
      const filter = { side: args.filter?.side, state: args.filter?.state ? (args.filter.state.toLowerCase() as InquiryState) : null };
      const rows = await listUsageInquiries(ctx.knex, viewer, filter, { size, after: opened ? { askedAt: new Date(at), id } : null });
      return toPage(rows, size, (row) => `${new Date(row.askedAt).toISOString()}${SEPARATOR}${row.id}`, scope);
    },
    usageInquiry: (_: unknown, args: { id: string }, ctx: Context) => {
      if (!isUuid(args.id)) throw badUserInput('"id" must be a usage inquiry id (a UUID)', 'id');
      return findUsageInquiry(ctx.knex, requireViewer(ctx, 'Query.usageInquiry'), args.id);
    },
  },
  Mutation: {
    askUsageInquiry: (_: unknown, args: { input: UsageInquiryInput }, ctx: Context) => askUsageInquiry(ctx.knex, ctx.principal, args.input, config.reports.inquiryWorkingDays),
    answerUsageInquiry: (_: unknown, args: { id: string; answer: string }, ctx: Context) => answerUsageInquiry(ctx.knex, ctx.principal, args.id, args.answer),
    withdrawUsageInquiry: (_: unknown, args: { id: string; reason?: string | null }, ctx: Context) => withdrawUsageInquiry(ctx.knex, ctx.principal, args.id, args.reason),
  },
  UsageInquiry: {
    ownerAgency: async (row: UsageInquiryRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.ownerAgency)),
    consumerAgency: async (row: UsageInquiryRow, _: unknown, ctx: Context) => agencyOrNull(await ctx.loaders.agencyByCode.load(row.consumerAgency)),
    state: (row: UsageInquiryRow) => row.state.toUpperCase(),
    overdue: (row: UsageInquiryRow) => isOverdue(row),
    askedAt: (row: UsageInquiryRow) => isoOrNull(row.askedAt),
    answeredAt: (row: UsageInquiryRow) => isoOrNull(row.answeredAt),
    withdrawnAt: (row: UsageInquiryRow) => isoOrNull(row.withdrawnAt),
  },
};
