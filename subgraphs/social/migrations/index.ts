import { disclosureLogMigrations } from '../../../shared/audit/disclosureLogMigrations.ts';
import { sharingStatisticsMigrations } from '../../../shared/statistics/sharingStatisticsMigrations.ts';
import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createSocialProtection from './20250701100000_create_social_protection.ts';
import * as addBenefitCommune from './20261205140000_add_benefit_commune.ts';

export const migrations: Record<string, Migration> = {
  '20250701100000_create_social_protection': createSocialProtection,
  // The commune paying each benefit: open data counts beneficiaries by commune (issue 15).
  '20261205140000_add_benefit_commune': addBenefitCommune,
  // Every agency keeps the disclosure log of its own data (shared/audit).
  ...disclosureLogMigrations,
  // Daily sharing statistics aggregated from that log (shared/statistics).
  ...sharingStatisticsMigrations,
};
