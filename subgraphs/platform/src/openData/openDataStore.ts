// What the platform's database holds of open data: per dataset the publisher's edits, the current version
// and a withdrawal (open_data_dataset); every version (open_data_version); the rows of each version
// (open_data_row, read a range of row_no at a time). Explicit columns everywhere; lookups in batches.
import type { Knex } from 'knex';
import { anyOf } from '../../../../shared/db/anyOf.ts';

/** The publisher's edits of a dataset's texts; a key absent is as the list says. */
export interface MetadataEdits {
  title?: { vi?: string; en?: string };
  description?: { vi?: string; en?: string };
  keywords?: { vi?: string[]; en?: string[] };
}

export interface DatasetStateRow {
  id: string;
  metadata: MetadataEdits | null;
  metadataModifiedBy: string | null;
  metadataModifiedAt: Date | string | null;
  currentVersionId: string | null;
  dataModifiedAt: Date | string | null;
  dataConfirmedAt: Date | string | null;
  withdrawnAt: Date | string | null;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
  version: number;
}

export const DATASET_STATE_COLUMNS = {
  id: 'id',
  metadata: 'metadata',
  metadataModifiedBy: 'metadata_modified_by',
  metadataModifiedAt: 'metadata_modified_at',
  currentVersionId: 'current_version_id',
  dataModifiedAt: 'data_modified_at',
  dataConfirmedAt: 'data_confirmed_at',
  withdrawnAt: 'withdrawn_at',
  withdrawnReason: 'withdrawn_reason',
  withdrawnBy: 'withdrawn_by',
  version: 'version',
};

export interface VersionRow {
  id: string;
  datasetId: string;
  number: number;
  publishedAt: Date | string;
  publishedBy: string;
  how: 'refresh' | 'upload';
  rowCount: number;
  sha256: string;
  columns: string[];
}

export const VERSION_COLUMNS = {
  id: 'id',
  datasetId: 'dataset_id',
  number: 'number',
  publishedAt: 'published_at',
  publishedBy: 'published_by',
  how: 'how',
  rowCount: 'row_count',
  sha256: 'sha256',
  columns: 'columns',
};

export interface RowRow {
  /** The index (from 1) of the page key the row answers. */
  keyNo: number;
  versionId: string;
  rowNo: number;
  cells: Array<string | number | boolean | null>;
}

/** A row whose cells are the JSON text Postgres wrote. */
export type RowTextRow = Omit<RowRow, 'cells'> & { cells: string };

/** The stored state of these datasets (those a publisher never touched have none). */
export async function datasetStates(knex: Knex, ids: readonly string[]): Promise<DatasetStateRow[]> {
  const rows: DatasetStateRow[] = await knex('open_data_dataset').select(DATASET_STATE_COLUMNS).where(anyOf(knex, 'id', ids));
  return rows.map((row) => ({ ...row, currentVersionId: row.currentVersionId === null ? null : String(row.currentVersionId) }));
}

function versionOf(row: VersionRow): VersionRow {
  return { ...row, id: String(row.id), number: Number(row.number), rowCount: Number(row.rowCount) };
}

export async function versionsByIds(knex: Knex, ids: readonly string[]): Promise<VersionRow[]> {
  return (await knex('open_data_version').select(VERSION_COLUMNS).whereRaw('id = any(?::bigint[])', [[...ids]])).map(versionOf);
}

export interface VersionPageKey {
  datasetId: string;
  /** Versions numbered below this (null: from the newest). */
  before: number | null;
  limit: number;
}

/** Above every version number: a page from the newest. */
const NEWEST = 2_147_483_647;

/** Pages of versions of several datasets, newest first, in one statement; each row says which key it answers (from 1). */
export async function versionPages(knex: Knex, keys: readonly VersionPageKey[]): Promise<Array<VersionRow & { keyNo: number }>> {
  const { rows } = await knex.raw(
    `select k.key_no as "keyNo", v.id, v.dataset_id as "datasetId", v.number, v.published_at as "publishedAt", v.published_by as "publishedBy",
            v.how, v.row_count as "rowCount", v.sha256, v.columns
       from unnest(?::text[], ?::int[], ?::int[]) with ordinality as k(dataset_id, before_no, lim, key_no)
       cross join lateral (
         select id, dataset_id, number, published_at, published_by, how, row_count, sha256, columns from open_data_version
          where dataset_id = k.dataset_id and number < k.before_no
          order by number desc limit k.lim
       ) v`,
    [keys.map((key) => key.datasetId), keys.map((key) => key.before ?? NEWEST), keys.map((key) => key.limit)],
  );
  return (rows as Array<VersionRow & { keyNo: number }>).map((row) => ({ ...versionOf(row), keyNo: Number(row.keyNo) }));
}

/** How many versions each dataset has (those with none are absent). */
export async function versionCounts(knex: Knex, datasetIds: readonly string[]): Promise<Array<{ datasetId: string; count: number }>> {
  const rows: Array<{ datasetId: string; count: string | number }> = await knex('open_data_version')
    .select({ datasetId: 'dataset_id' })
    .count({ count: '*' })
    .where(anyOf(knex, 'dataset_id', datasetIds))
    .groupBy('dataset_id');
  return rows.map((row) => ({ datasetId: row.datasetId, count: Number(row.count) }));
}

export interface RowPageKey {
  versionId: string;
  /** Rows after this row_no (0: from the first). */
  after: number;
  limit: number;
}

/**
 * Pages of rows of several versions in one statement: for each key, `limit` rows after `after`, each a
 * range read of the primary key (version_id, row_no).
 */
export async function rowPages(knex: Knex, keys: readonly RowPageKey[]): Promise<RowRow[]>;
/** `asText`: each row's cells as Postgres writes the JSON (for a download's page of lines: nothing parsed). */
export async function rowPages(knex: Knex, keys: readonly RowPageKey[], asText: true): Promise<RowTextRow[]>;
export async function rowPages(knex: Knex, keys: readonly RowPageKey[], asText = false): Promise<RowRow[] | RowTextRow[]> {
  const { rows } = await knex.raw(
    `select k.key_no as "keyNo", r.version_id as "versionId", r.row_no as "rowNo", ${asText ? 'r.cells::text' : 'r.cells'} as "cells"
       from unnest(?::bigint[], ?::int[], ?::int[]) with ordinality as k(version_id, after_no, lim, key_no)
       cross join lateral (
         select version_id, row_no, cells from open_data_row
          where version_id = k.version_id and row_no > k.after_no
          order by row_no limit k.lim
       ) r`,
    [keys.map((key) => key.versionId), keys.map((key) => key.after), keys.map((key) => key.limit)],
  );
  return (rows as RowRow[]).map((row) => ({ ...row, keyNo: Number(row.keyNo), versionId: String(row.versionId), rowNo: Number(row.rowNo) })) as RowRow[] | RowTextRow[];
}
