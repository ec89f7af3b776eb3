import type { Knex } from 'knex';
import { manyByKey } from '../../../../shared/loaders/batchLoaders.ts';
import { eventsOfReports } from './dataErrorReports.ts';

/** Per request: a page of data-error reports costs one statement for their histories (their agencies: agencyByCode). */
export function createDataErrorLoaders(knex: Knex) {
  return {
    dataErrorHistoryByReportId: manyByKey((ids: readonly string[]) => eventsOfReports(knex, ids), (row) => row.reportId),
  };
}
