import type { Knex } from 'knex';
import { loaderFamily, manyByKey, oneByKey } from '../../../shared/loaders/batchLoaders.ts';
import { benefitsByCitizenIds, benefitsByIds, type BenefitStatusValue } from './queries.ts';

export function createSocialLoaders(knex: Knex) {
  return {
    benefitById: oneByKey((ids: readonly string[]) => benefitsByIds(knex, ids), (row) => row.id),
    // One loader per (status, page size) asked in a request: citizens asked alike share one statement per batch.
    benefitsByCitizenId: loaderFamily((status: BenefitStatusValue | null) =>
      loaderFamily((limit: number) =>
        manyByKey((ids: readonly string[]) => benefitsByCitizenIds(knex, ids, { status, limit }), (row) => row.citizenId),
      ),
    ),
  };
}

export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
