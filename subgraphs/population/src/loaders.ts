import type { Knex } from 'knex';
import { loaderFamily, manyByKey, oneByKey } from '../../../shared/loaders/batchLoaders.ts';
import { citizensByHouseholdIds, citizensByIds, householdsByIds } from './queries.ts';

export function createPopulationLoaders(knex: Knex) {
  return {
    citizenById: oneByKey((ids: readonly string[]) => citizensByIds(knex, ids), (row) => row.id),
    householdById: oneByKey((ids: readonly string[]) => householdsByIds(knex, ids), (row) => row.id),
    membersByHouseholdId: loaderFamily((limit: number) =>
      manyByKey((ids: readonly string[]) => citizensByHouseholdIds(knex, ids, limit), (row) => row.householdId),
    ),
  };
}

export type PopulationLoaders = ReturnType<typeof createPopulationLoaders>;
