// GraphQL face of the open-data workflows: the list's review, problem reports (anyone reports; the
// operator and the publisher read, answer and close) and the outbox of notices to publishers.
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { pageSizeOf, type ListField } from '../../../../shared/loaders/listBounds.ts';
import { openCursor, sealCursor } from '../../../../shared/loaders/pagination.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { isoOrNull } from '../workflow/graphqlValues.ts';
import { listFreshnessOf } from './freshness.ts';
import { openDataListOnDisk } from './openDataListOnDisk.ts';
import { noticeCount, noticePage, type NoticeRow } from './openDataNotices.ts';
import {
  answerProblem,
  closeProblem,
  problemReportBase,
  problemReportById,
  problemReportPage,
  reportProblem,
  type ProblemInput,
  type ProblemReportRow,
  type ProblemState,
} from './openDataProblemReports.ts';
import { openDataViewerOf } from './openDataViewer.ts';

type Context = SubgraphContext<PlatformLoaders>;
type PageArgs = { first?: number | null; after?: string | null };

const STATES: Record<string, ProblemState> = { OPEN: 'open', ANSWERED: 'answered', CLOSED: 'closed' };

/** A newest-first page keyed by (created_at, id), after an opaque cursor. */
async function newestFirst<R extends { id: string; createdAt: Date | string }>(
  ctx: Context,
  field: ListField,
  args: PageArgs,
  filters: object,
  fetch: (after: { at: string; id: string } | null, limit: number) => Promise<R[]>,
) {
  const size = pageSizeOf(field, args.first);
  const scope = listCursorScope('platform', ctx.principal, field, filters);
  const position = openCursor(scope, args.after);
  const [at, id] = position === null ? [null, null] : position.split('|');
  const rows = await fetch(at && id ? { at, id } : null, size + 1);
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? sealCursor(scope, `${new Date(last.createdAt).toISOString()}|${last.id}`) : null } };
}

export function problemReportView(row: ProblemReportRow) {
  return {
    id: row.id,
    dataset: row.datasetId,
    publisher: row.publisherAgency,
    description: row.description,
    contact: row.contact,
    state: row.state.toUpperCase(),
    answer: row.answer,
    answeredBy: row.answeredBy,
    answeredAt: isoOrNull(row.answeredAt),
    closedAt: isoOrNull(row.closedAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function noticeView(row: NoticeRow) {
  return {
    id: row.id,
    dataset: row.datasetId,
    publisherAgency: row.publisherAgency,
    focalPoint: row.focalPoint,
    kind: row.kind.toUpperCase(),
    createdAt: new Date(row.createdAt).toISOString(),
    message: row.message,
  };
}

export const openDataFeedbackResolvers = {
  Query: {
    openDataList: () => {
      const { list } = openDataListOnDisk();
      const { freshness, nextUpdateDue } = listFreshnessOf(list.reviewedOn, new Date());
      return { reviewedOn: list.reviewedOn, reviewedBy: list.reviewedBy, freshness, nextReviewDue: nextUpdateDue, datasetCount: list.datasets.length };
    },
    openDataProblemReports: async (_: unknown, args: PageArgs & { filter?: { state?: string | null; dataset?: string | null } | null }, ctx: Context) => {
      const viewer = openDataViewerOf(ctx.principal, 'problem reports');
      if (args.filter?.dataset && args.filter.dataset.length > 80) throw badUserInput('"dataset" must be a dataset id like "administrative-units"', 'filter.dataset');
      const filter = { state: args.filter?.state ? STATES[args.filter.state] : null, dataset: args.filter?.dataset ?? null };
      const page = await newestFirst(ctx, 'Query.openDataProblemReports', args, { filter }, (after, limit) => problemReportPage(ctx.knex, viewer, filter, after, limit));
      return {
        ...page,
        nodes: page.nodes.map(problemReportView),
        totalCount: async () => Number((await problemReportBase(ctx.knex, viewer, filter).count({ count: '*' }).first())?.count ?? 0),
      };
    },
    openDataNotices: async (_: unknown, args: PageArgs, ctx: Context) => {
      const viewer = openDataViewerOf(ctx.principal, 'notices to publishers', { securityOfficers: true });
      const page = await newestFirst(ctx, 'Query.openDataNotices', args, {}, (after, limit) => noticePage(ctx.knex, viewer.agency, after, limit));
      return { ...page, nodes: page.nodes.map(noticeView), totalCount: () => noticeCount(ctx.knex, viewer.agency) };
    },
  },
  Mutation: {
    reportOpenDataProblem: async (_: unknown, args: { input: ProblemInput }, ctx: Context) => {
      const row = await reportProblem(ctx.knex, args.input);
      return { id: row.id, dataset: row.datasetId, state: row.state.toUpperCase(), createdAt: new Date(row.createdAt).toISOString() };
    },
    answerOpenDataProblemReport: async (_: unknown, args: { id: string; answer: string }, ctx: Context) => {
      await answerProblem(ctx.knex, ctx.principal, args.id, args.answer);
      return problemReportView(await problemReportById(ctx.knex, args.id));
    },
    closeOpenDataProblemReport: async (_: unknown, args: { id: string }, ctx: Context) => {
      await closeProblem(ctx.knex, ctx.principal, args.id);
      return problemReportView(await problemReportById(ctx.knex, args.id));
    },
  },
};
