import type { Knex } from 'knex';
import { loaderFamily, manyByKey, oneByKey } from '../../../shared/loaders/batchLoaders.ts';
import { birthsByIds, deathsByIds, eventsByCitizenIds, marriagesByIds } from './queries.ts';

export function createCivilStatusLoaders(knex: Knex) {
  return {
    birthById: oneByKey((ids: readonly string[]) => birthsByIds(knex, ids), (row) => row.id),
    marriageById: oneByKey((ids: readonly string[]) => marriagesByIds(knex, ids), (row) => row.id),
    deathById: oneByKey((ids: readonly string[]) => deathsByIds(knex, ids), (row) => row.id),
    civilEventsByCitizenId: loaderFamily((limit: number) =>
      manyByKey((ids: readonly string[]) => eventsByCitizenIds(knex, ids, limit), (row) => row.citizenId),
    ),
  };
}

export type CivilStatusLoaders = ReturnType<typeof createCivilStatusLoaders>;
