import { disclosureLogMigrations } from '../../../shared/audit/disclosureLogMigrations.ts';
import { sharingStatisticsMigrations } from '../../../shared/statistics/sharingStatisticsMigrations.ts';
import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createPopulationRegister from './20250701090000_create_population_register.ts';
import * as addSecurityNotes from './20251101090000_add_security_notes.ts';
import * as indexParents from './20251126090000_index_parents.ts';
import * as indexWardPages from './20261206110000_index_ward_pages.ts';

export const migrations: Record<string, Migration> = {
  '20250701090000_create_population_register': createPopulationRegister,
  '20251101090000_add_security_notes': addSecurityNotes,
  '20251126090000_index_parents': indexParents,
  '20261206110000_index_ward_pages': indexWardPages,
  // Every agency keeps the disclosure log of its own data (shared/audit).
  ...disclosureLogMigrations,
  // Daily sharing statistics aggregated from that log (shared/statistics).
  ...sharingStatisticsMigrations,
};
