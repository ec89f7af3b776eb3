import type { Knex } from 'knex';
import { manyByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { eventsOfRequests } from './connectionRequests.ts';

/** Per request: a page of connection requests costs one statement for their histories (their agencies: agencyByCode, catalogues/loaders.ts). */
export function createConnectionLoaders(knex: Knex) {
  return {
    connectionHistoryByRequestId: manyByKey((ids: readonly string[]) => eventsOfRequests(knex, ids), (row) => row.requestId),
  };
}
