import type { Knex } from 'knex';
import { loaderFamily, manyByKey, oneByKey } from '../../../shared/loaders/batchLoaders.ts';
import { enterprisesByCodes, enterprisesByRepresentativeIds } from './queries.ts';

export function createBusinessLoaders(knex: Knex) {
  return {
    enterpriseByCode: oneByKey((codes: readonly string[]) => enterprisesByCodes(knex, codes), (row) => row.enterpriseCode),
    enterprisesByRepresentativeId: loaderFamily((limit: number) =>
      manyByKey(
        (citizenIds: readonly string[]) => enterprisesByRepresentativeIds(knex, citizenIds, limit),
        (row) => row.legalRepresentativeId,
      ),
    ),
  };
}

export type BusinessLoaders = ReturnType<typeof createBusinessLoaders>;
