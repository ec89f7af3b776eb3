// What the gateway's open-data routes (downloads, CKAN, DCAT) read of the platform's GraphQL contract
// (issue 15): the shapes of its answers and the selections that ask for them. Every route is built from
// these answers alone, so it shows no more than GraphQL shows the same caller.

export type OpenDatasetStatus = 'PUBLISHED' | 'NOT_YET_PUBLISHED' | 'WITHDRAWN';
export type OpenDataFreshness = 'FRESH' | 'DUE' | 'OVERDUE';

export interface OpenDataColumnAnswer {
  name: string;
  title: string;
  titleEn: string;
  /** string, integer, number, date or boolean (shared/openData/OpenDataList.ts COLUMN_TYPES). */
  type: string;
}

export interface OpenDataDistributionAnswer {
  format: string;
  mediaType: string;
  /** /open-data/datasets/<id>.csv: a path on the gateway. */
  downloadPath: string;
}

export interface OpenDataVersionAnswer {
  number: number;
  publishedAt: string;
  publishedBy: string;
  how: string;
  rowCount: number;
  sha256: string;
}

/** One dataset as the catalogue routes (CKAN, DCAT) read it. */
export interface OpenDatasetAnswer {
  id: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  publisher: string;
  publisherName: string;
  licence: string;
  licenceUrl: string;
  keywords: string[];
  keywordsEn: string[];
  themes: string[];
  spatial: string[];
  temporalStart: string;
  temporalEnd: string | null;
  frequency: string;
  columns: OpenDataColumnAnswer[];
  distributions: OpenDataDistributionAnswer[];
  status: OpenDatasetStatus;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  freshness: OpenDataFreshness;
  dataModifiedAt: string | null;
  metadataModifiedAt: string;
  nextUpdateDue: string | null;
  currentVersion: OpenDataVersionAnswer | null;
}

export const OPEN_DATASET_SELECTION = `id title titleEn description descriptionEn publisher publisherName licence licenceUrl
  keywords keywordsEn themes spatial temporalStart temporalEnd frequency
  columns { name title titleEn type } distributions { format mediaType downloadPath }
  status withdrawnReason withdrawnAt freshness dataModifiedAt metadataModifiedAt nextUpdateDue
  currentVersion { number publishedAt publishedBy how rowCount sha256 }`;

/** The contract's page bound for openDatasets (first <= the list bound); the list holds hundreds at most. */
export const DATASETS_PAGE = 100;

/** The list's last review (at most 6 months old: Thái Bình QĐ 10/2021 Đ6.3). */
export interface OpenDataListReviewAnswer {
  reviewedOn: string;
  reviewedBy: string;
  freshness: OpenDataFreshness;
  nextReviewDue: string;
}

export const ALL_DATASETS_QUERY = `query OpenDataCatalogue($after: String) {
  openDataList { reviewedOn reviewedBy freshness nextReviewDue }
  openDatasets(first: ${DATASETS_PAGE}, after: $after) { nodes { ${OPEN_DATASET_SELECTION} } pageInfo { hasNextPage endCursor } totalCount }
}`;

/** What a download needs before its first row: whether it may be served, and its validators. */
export const DOWNLOAD_HEAD_QUERY = `query OpenDataDownload($id: ID!) {
  openDataset(id: $id) { id status withdrawnReason withdrawnAt dataModifiedAt columns { name type } currentVersion { number sha256 rowCount } }
}`;

/**
 * Rows per page of a download. A page is one text (rowLines), and a text over about 128 kB goes to V8's
 * large-object space, which only a full collection frees: at 5,000 rows (about 0.8 MB a page) a second
 * 200,000-row download still grew the gateway by 91 MB; at 1,000 by 7 MB, at 2.1 s instead of 1.5 s.
 */
export const ROWS_PAGE = 1000;

/**
 * One page of rows, with the current version asked for in the same operation: the first page's rows are
 * of the version whose ETag the download sent, or the download is refused (datasetDownload.ts); later
 * pages follow the cursor, which carries the version.
 */
export const ROWS_PAGE_QUERY = `query OpenDataRows($id: ID!, $after: String) {
  openDataset(id: $id) { currentVersion { number } rowLines(first: ${ROWS_PAGE}, after: $after) { lines pageInfo { hasNextPage endCursor } } }
}`;

export interface DownloadHead {
  id: string;
  status: OpenDatasetStatus;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  dataModifiedAt: string | null;
  columns: Array<{ name: string; type: string }>;
  currentVersion: { number: number; sha256: string; rowCount: number } | null;
}

export interface RowsPage {
  currentVersion: { number: number } | null;
  /** A JSON array per line (rowLines: one text per page, not an object per row, so a download's pages cost little memory). */
  rowLines: { lines: string; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** A page's lines as the rows' values, each cell as text (as `rows { values }` gives it), null kept. */
export function valuesOfLines(lines: string): Array<Array<string | null>> {
  if (lines === '') return [];
  return lines.split('\n').map((line) => (JSON.parse(line) as Array<string | number | boolean | null>).map((cell) => (cell === null ? null : String(cell))));
}
