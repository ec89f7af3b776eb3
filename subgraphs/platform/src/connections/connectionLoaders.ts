import type { Knex } from 'knex';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { manyByKey, oneByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { toAgency } from '../catalogues/catalogueResolvers.ts';
import { eventsOfRequests } from './connectionRequests.ts';

type AgencyRow = Parameters<typeof toAgency>[0];

function agenciesByCodes(knex: Knex, codes: readonly string[]): Promise<AgencyRow[]> {
  return knex('agency')
    .select({
      code: 'code',
      name: 'name',
      focalPointName: 'focal_point_name',
      focalPointRole: 'focal_point_role',
      focalPointPhone: 'focal_point_phone',
      focalPointEmail: 'focal_point_email',
    })
    .where(anyOf(knex, 'code', codes));
}

/** Per request: a page of connection requests costs one statement for their histories and one for their agencies. */
export function createConnectionLoaders(knex: Knex) {
  return {
    connectionHistoryByRequestId: manyByKey((ids: readonly string[]) => eventsOfRequests(knex, ids), (row) => row.requestId),
    agencyByCode: oneByKey((codes: readonly string[]) => agenciesByCodes(knex, codes), (row) => row.code),
  };
}
