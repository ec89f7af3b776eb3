// The read side of open data, for anyone: the list of datasets (filtered in memory: the list is a few
// files, and freshness is computed, not stored), one dataset, its versions and the rows of its current
// version, each page after an opaque cursor.
import { listCursorScope } from '../../../../shared/auth/cursorKey.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { openCursor, sealCursor } from '../../../../shared/loaders/pagination.ts';
import { pageSizeOf } from '../../../../shared/loaders/listBounds.ts';
import { DATA_THEMES } from '../../../../shared/openData/OpenDataList.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { searchText } from '../sharingCatalogue/searchText.ts';
import { openDataListOnDisk } from './openDataListOnDisk.ts';
import { openDatasetView, type OpenDatasetView } from './openDatasetView.ts';
import { datasetStates, type VersionRow } from './openDataStore.ts';

type Context = SubgraphContext<PlatformLoaders>;

const MAX_TEXT = 200;
const MAX_ID = 80;

export interface OpenDatasetFilterInput {
  text?: string | null;
  publisher?: string | null;
  theme?: string | null;
  keyword?: string | null;
  freshness?: string | null;
  status?: string | null;
}

function checkedFilter(filter: OpenDatasetFilterInput | null | undefined) {
  const text = filter?.text?.trim() || null;
  if (text && text.length > MAX_TEXT) throw badUserInput(`"text" must be at most ${MAX_TEXT} characters`, 'filter.text');
  const keyword = filter?.keyword?.trim() || null;
  if (keyword && keyword.length > MAX_TEXT) throw badUserInput(`"keyword" must be at most ${MAX_TEXT} characters`, 'filter.keyword');
  if (filter?.theme && !(DATA_THEMES as readonly string[]).includes(filter.theme)) {
    throw badUserInput(`"theme" must be an EU data-theme code: ${DATA_THEMES.join(', ')}`, 'filter.theme');
  }
  if (filter?.publisher && filter.publisher.length > MAX_ID) throw badUserInput(`"publisher" must be an agency code like "so-tai-chinh"`, 'filter.publisher');
  return {
    text: text ? searchText(text) : null,
    publisher: filter?.publisher ?? null,
    theme: filter?.theme ?? null,
    keyword: keyword ? searchText(keyword) : null,
    freshness: filter?.freshness ?? null,
    status: filter?.status ?? null,
  };
}

type CheckedFilter = ReturnType<typeof checkedFilter>;

function matches(view: OpenDatasetView, filter: CheckedFilter): boolean {
  if (filter.publisher && view.publisher !== filter.publisher) return false;
  if (filter.theme && !view.themes.includes(filter.theme)) return false;
  if (filter.freshness && view.freshness !== filter.freshness) return false;
  if (filter.status && view.status !== filter.status) return false;
  if (filter.keyword && ![...view.keywords, ...view.keywordsEn].some((keyword) => searchText(keyword) === filter.keyword)) return false;
  if (filter.text) {
    const haystack = searchText([view.id, view.title, view.titleEn, view.description, view.descriptionEn, ...view.keywords, ...view.keywordsEn].join(' \n '));
    if (!haystack.includes(filter.text)) return false;
  }
  return true;
}

/** Every dataset of the list as it reads now, in the list's order (by id), with one query for their stored state. */
export async function allDatasetViews(ctx: Context, now = new Date()): Promise<OpenDatasetView[]> {
  const { list } = openDataListOnDisk();
  const states = new Map((await datasetStates(ctx.knex, list.datasets.map((dataset) => dataset.id))).map((state) => [state.id, state]));
  return [...list.datasets]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => {
      const state = states.get(entry.id) ?? null;
      ctx.loaders.openDatasetStateById.prime(entry.id, state);
      return openDatasetView(entry, state, list.reviewedOn, now);
    });
}

/** One dataset as it reads now; null when the list names none. */
export async function datasetView(ctx: Context, id: string, now = new Date()): Promise<OpenDatasetView | null> {
  const { list, byId } = openDataListOnDisk();
  const entry = byId.get(id);
  if (!entry) return null;
  return openDatasetView(entry, await ctx.loaders.openDatasetStateById.load(id), list.reviewedOn, now);
}

export async function openDatasets(_: unknown, args: { filter?: OpenDatasetFilterInput | null; first?: number | null; after?: string | null }, ctx: Context) {
  const size = pageSizeOf('Query.openDatasets', args.first);
  const filter = checkedFilter(args.filter);
  const scope = listCursorScope('platform', ctx.principal, 'Query.openDatasets', { filter });
  const after = openCursor(scope, args.after);
  const matching = (await allDatasetViews(ctx)).filter((view) => matches(view, filter));
  const rest = after === null ? matching : matching.filter((view) => view.id > after);
  const nodes = rest.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { hasNextPage: rest.length > size, endCursor: last ? sealCursor(scope, last.id) : null },
    totalCount: matching.length,
  };
}

export async function openDataset(_: unknown, args: { id: string }, ctx: Context) {
  if (args.id.length > MAX_ID) throw badUserInput(`"id" must be a dataset id of the open-data list, like "administrative-units"`, 'id');
  return datasetView(ctx, args.id);
}

export function versionView(row: VersionRow) {
  return {
    number: row.number,
    publishedAt: new Date(row.publishedAt).toISOString(),
    publishedBy: row.publishedBy,
    how: row.how.toUpperCase(),
    rowCount: row.rowCount,
    sha256: row.sha256,
  };
}

export async function datasetVersions(dataset: OpenDatasetView, args: { first?: number | null; after?: string | null }, ctx: Context) {
  const size = pageSizeOf('OpenDataset.versions', args.first);
  const scope = listCursorScope('platform', ctx.principal, 'OpenDataset.versions', { dataset: dataset.id });
  const after = openCursor(scope, args.after);
  const rows = await ctx.loaders.openDataVersionPage.load({ datasetId: dataset.id, before: after === null ? null : Number(after), limit: size + 1 });
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map(versionView),
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? sealCursor(scope, String(last.number)) : null },
    totalCount: () => ctx.loaders.openDataVersionCount.load(dataset.id),
  };
}

function cellText(cell: string | number | boolean | null): string | null {
  return cell === null ? null : String(cell);
}

/**
 * Rows of the current version (none while withdrawn or never published). The cursor carries the version
 * and the row number: a reader paging while a new version is published keeps reading the version they
 * started (every version is kept), so no page mixes two versions.
 */
/** The page `rows` and `rowLines` answer: the version and rows after the cursor, and the cursor after them. */
async function rowPageOf<Row extends { rowNo: number }>(
  dataset: OpenDatasetView,
  args: { first?: number | null; after?: string | null },
  ctx: Context,
  field: 'OpenDataset.rows' | 'OpenDataset.rowLines',
  load: (key: { versionId: string; after: number; limit: number }) => Promise<Row[]>,
): Promise<{ rows: Row[]; hasNextPage: boolean; endCursor: string | null; rowCount: number }> {
  const size = pageSizeOf(field, args.first);
  // One cursor scope for both fields: a page read as rows may go on as lines.
  const scope = listCursorScope('platform', ctx.principal, 'OpenDataset.rows', { dataset: dataset.id });
  const after = openCursor(scope, args.after);
  const empty = { rows: [], hasNextPage: false, endCursor: null, rowCount: 0 };
  if (dataset.status !== 'PUBLISHED' || dataset.currentVersionId === null) return empty;
  const [versionId, afterRow] = after === null ? [dataset.currentVersionId, 0] : [after.split(':')[0], Number(after.split(':')[1])];
  const version = await ctx.loaders.openDataVersionById.load(versionId);
  if (!version || version.datasetId !== dataset.id) return empty;
  const rows = await load({ versionId, after: afterRow, limit: size + 1 });
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, hasNextPage: rows.length > size, endCursor: last ? sealCursor(scope, `${versionId}:${last.rowNo}`) : null, rowCount: version.rowCount };
}

/**
 * Rows of the current version (none while withdrawn or never published). The cursor carries the version
 * and the row number: a reader paging while a new version is published keeps reading the version they
 * started (every version is kept), so no page mixes two versions.
 */
export async function datasetRows(dataset: OpenDatasetView, args: { first?: number | null; after?: string | null }, ctx: Context) {
  const page = await rowPageOf(dataset, args, ctx, 'OpenDataset.rows', (key) => ctx.loaders.openDataRowPage.load(key));
  return {
    nodes: page.rows.map((row) => ({ values: row.cells.map(cellText) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.rowCount,
  };
}

/** The same page as text, a JSON array per line as stored: a 200,000-row download pages without an object per row. */
export async function datasetRowLines(dataset: OpenDatasetView, args: { first?: number | null; after?: string | null }, ctx: Context) {
  const page = await rowPageOf(dataset, args, ctx, 'OpenDataset.rowLines', (key) => ctx.loaders.openDataRowTextPage.load(key));
  return {
    lines: page.rows.map((row) => row.cells).join('\n'),
    count: page.rows.length,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
