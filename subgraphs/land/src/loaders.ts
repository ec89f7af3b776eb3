import type { Knex } from 'knex';
import { loaderFamily, manyByKey, oneByKey } from '../../../shared/loaders/batchLoaders.ts';
import {
  certificatesByParcelIds,
  certificatesBySerialNumbers,
  holdersByParcelIds,
  parcelsByCitizenIds,
  parcelsByEnterpriseCodes,
  parcelsByIds,
} from './queries.ts';

export function createLandLoaders(knex: Knex) {
  return {
    parcelById: oneByKey((ids: readonly string[]) => parcelsByIds(knex, ids), (row) => row.id),
    certificateBySerialNumber: oneByKey(
      (serialNumbers: readonly string[]) => certificatesBySerialNumbers(knex, serialNumbers),
      (row) => row.serialNumber,
    ),
    holdersByParcelId: manyByKey((ids: readonly string[]) => holdersByParcelIds(knex, ids), (row) => row.parcelId),
    certificatesByParcelId: manyByKey((ids: readonly string[]) => certificatesByParcelIds(knex, ids), (row) => row.parcelId),
    parcelsByCitizenId: loaderFamily((limit: number) =>
      manyByKey((ids: readonly string[]) => parcelsByCitizenIds(knex, ids, limit), (row) => row.holderKey),
    ),
    parcelsByEnterpriseCode: loaderFamily((limit: number) =>
      manyByKey((codes: readonly string[]) => parcelsByEnterpriseCodes(knex, codes, limit), (row) => row.holderKey),
    ),
  };
}

export type LandLoaders = ReturnType<typeof createLandLoaders>;
