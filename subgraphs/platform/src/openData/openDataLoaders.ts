// Per-request loaders of open data: a dataset's stored state, a version by id, and pages of rows of
// several versions in one statement (a list of datasets asking for rows costs one query, not one each).
import DataLoader from 'dataloader';
import type { Knex } from 'knex';
import { MAX_BATCH_SIZE, oneByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { datasetStates, rowPages, versionsByIds, type RowPageKey, type RowRow } from './openDataStore.ts';

export function createOpenDataLoaders(knex: Knex) {
  return {
    openDatasetStateById: oneByKey((ids: readonly string[]) => datasetStates(knex, ids), (row) => row.id),
    openDataVersionById: oneByKey((ids: readonly string[]) => versionsByIds(knex, ids), (row) => row.id),
    openDataRowPage: new DataLoader<RowPageKey, RowRow[], string>(
      async (keys) => {
        const pages: RowRow[][] = keys.map(() => []);
        for (const row of await rowPages(knex, keys)) pages[row.keyNo - 1].push(row);
        return pages;
      },
      { maxBatchSize: MAX_BATCH_SIZE, cacheKeyFn: (key) => `${key.versionId}:${key.after}:${key.limit}` },
    ),
  };
}
