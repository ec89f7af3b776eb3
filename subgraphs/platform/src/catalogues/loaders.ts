import type { Knex } from 'knex';
import { manyByKey, oneByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { agenciesByCodes, formerUnitsByNewCodes, unitsByCodes } from './queries.ts';
import { createConnectionLoaders } from '../connections/connectionLoaders.ts';
import { createDataErrorLoaders } from '../dataErrorReports/dataErrorLoaders.ts';
import { createOpenDataLoaders } from '../openData/openDataLoaders.ts';
import { sharingServicesByIds } from '../sharingCatalogue/sharingCatalogue.ts';

export function createPlatformLoaders(knex: Knex) {
  return {
    unitByCode: oneByKey((codes: readonly string[]) => unitsByCodes(knex, codes), (row) => row.code),
    formerUnitsByNewCode: manyByKey((codes: readonly string[]) => formerUnitsByNewCodes(knex, codes), (row) => row.newCode),
    ...createConnectionLoaders(knex),
    ...createDataErrorLoaders(knex),
    ...createOpenDataLoaders(knex),
    // The catalogue of sharing services by id; an agency by code (a service's owner, a connection's parties).
    sharingServiceById: oneByKey((ids: readonly string[]) => sharingServicesByIds(knex, ids), (row) => row.id),
    agencyByCode: oneByKey((codes: readonly string[]) => agenciesByCodes(knex, codes), (row) => row.code),
  };
}

export type PlatformLoaders = ReturnType<typeof createPlatformLoaders>;
