import type { Knex } from 'knex';
import { manyByKey, oneByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { formerUnitsByNewCodes, unitsByCodes } from './queries.ts';
import { createConnectionLoaders } from '../connections/connectionLoaders.ts';

export function createPlatformLoaders(knex: Knex) {
  return {
    unitByCode: oneByKey((codes: readonly string[]) => unitsByCodes(knex, codes), (row) => row.code),
    formerUnitsByNewCode: manyByKey((codes: readonly string[]) => formerUnitsByNewCodes(knex, codes), (row) => row.newCode),
    ...createConnectionLoaders(knex),
  };
}

export type PlatformLoaders = ReturnType<typeof createPlatformLoaders>;
