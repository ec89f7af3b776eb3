import { disclosureLogMigrations } from '../../../shared/audit/disclosureLogMigrations.ts';
import { sharingStatisticsMigrations } from '../../../shared/statistics/sharingStatisticsMigrations.ts';
import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createEnterpriseRegister from './20250701100000_create_enterprise_register.ts';

export const migrations: Record<string, Migration> = {
  '20250701100000_create_enterprise_register': createEnterpriseRegister,
  // Every agency keeps the disclosure log of its own data (shared/audit).
  ...disclosureLogMigrations,
  // Daily sharing statistics aggregated from that log (shared/statistics).
  ...sharingStatisticsMigrations,
};
