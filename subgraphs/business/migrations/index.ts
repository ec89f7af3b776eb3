import { disclosureLogMigrations } from '../../../shared/audit/disclosureLogMigrations.ts';
import { sharingStatisticsMigrations } from '../../../shared/statistics/sharingStatisticsMigrations.ts';
import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createEnterpriseRegister from './20250701100000_create_enterprise_register.ts';
import * as addEnterpriseSector from './20261205140000_add_enterprise_sector.ts';

export const migrations: Record<string, Migration> = {
  '20250701100000_create_enterprise_register': createEnterpriseRegister,
  // The VSIC section of each enterprise, published as open data (issue 15).
  '20261205140000_add_enterprise_sector': addEnterpriseSector,
  // Every agency keeps the disclosure log of its own data (shared/audit).
  ...disclosureLogMigrations,
  // Daily sharing statistics aggregated from that log (shared/statistics).
  ...sharingStatisticsMigrations,
};
