import type { Knex } from 'knex';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import { manyByKey, oneByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { eventsOfRequests } from './connectionRequests.ts';

/** An agency of the directory as its row reads (catalogueResolvers' toAgency makes it an Agency). */
export interface AgencyRow {
  code: string;
  name: string;
  focalPointName: string;
  focalPointRole: string;
  focalPointPhone: string;
  focalPointEmail: string;
}

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
