import { disclosureLogMigrations } from '../../../shared/audit/disclosureLogMigrations.ts';
import { sharingStatisticsMigrations } from '../../../shared/statistics/sharingStatisticsMigrations.ts';
import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createLandRegister from './20250701110000_create_land_register.ts';
import * as addDefenceZone from './20251101090000_add_defence_zone.ts';

export const migrations: Record<string, Migration> = {
  '20250701110000_create_land_register': createLandRegister,
  '20251101090000_add_defence_zone': addDefenceZone,
  // Every agency keeps the disclosure log of its own data (shared/audit).
  ...disclosureLogMigrations,
  // Daily sharing statistics aggregated from that log (shared/statistics).
  ...sharingStatisticsMigrations,
};
