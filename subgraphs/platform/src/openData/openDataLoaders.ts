// Per-request loaders of open data: a dataset's stored state, a version by id, and pages of rows of
// several versions in one statement, and versions of several datasets likewise (a list of datasets asking
// for rows or versions costs one query, not one each).
import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import { MAX_BATCH_SIZE, oneByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { datasetStates, rowPages, versionCounts, versionPages, versionsByIds, type RowPageKey, type RowRow, type RowTextRow, type VersionPageKey, type VersionRow } from './openDataStore.ts';

export function createOpenDataLoaders(knex: Knex) {
  return {
    openDatasetStateById: oneByKey((ids: readonly string[]) => datasetStates(knex, ids), (row) => row.id),
    openDataVersionById: oneByKey((ids: readonly string[]) => versionsByIds(knex, ids), (row) => row.id),
    openDataVersionPage: new DataLoader<VersionPageKey, VersionRow[], string>(
      async (keys) => {
        const pages: VersionRow[][] = keys.map(() => []);
        for (const { keyNo, ...row } of await versionPages(knex, keys)) pages[keyNo - 1].push(row);
        return pages;
      },
      { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (key) => `${key.datasetId}:${key.before}:${key.limit}` },
    ),
    openDataVersionCount: new DataLoader<string, number>(
      async (ids) => {
        const counts = new Map((await versionCounts(knex, ids)).map((row) => [row.datasetId, row.count]));
        return ids.map((id) => counts.get(id) ?? 0);
      },
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
    openDataRowPage: new DataLoader<RowPageKey, RowRow[], string>(
      async (keys) => {
        const pages: RowRow[][] = keys.map(() => []);
        for (const row of await rowPages(knex, keys)) pages[row.keyNo - 1].push(row);
        return pages;
      },
      { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (key) => `${key.versionId}:${key.after}:${key.limit}` },
    ),
    openDataRowTextPage: new DataLoader<RowPageKey, RowTextRow[], string>(
      async (keys) => {
        const pages: RowTextRow[][] = keys.map(() => []);
        for (const row of await rowPages(knex, keys, true)) pages[row.keyNo - 1].push(row);
        return pages;
      },
      { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (key) => `${key.versionId}:${key.after}:${key.limit}` },
    ),
  };
}
