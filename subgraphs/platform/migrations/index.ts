import { disclosureLogMigrations } from '../../../shared/audit/disclosureLogMigrations.ts';
import { sharingStatisticsMigrations } from '../../../shared/statistics/sharingStatisticsMigrations.ts';
import type { Migration } from '../../../shared/db/migrationSource.ts';
import * as createPlatformCatalogues from './20250701090000_create_platform_catalogues.ts';
import * as createPolicyVersions from './20251125090000_create_policy_versions.ts';
import * as createConsent from './20251125100000_create_consent.ts';
import * as createSubjectRequest from './20251126100000_create_subject_request.ts';
import * as addPurposeDeclarers from './20261204090000_add_purpose_declarers.ts';
import * as createAuditCheckpoint from './20261204100000_create_audit_checkpoint.ts';
import * as createPolicyProposal from './20261204210000_create_policy_proposal.ts';
import * as createConnectionRequest from './20261205100000_create_connection_request.ts';
// The catalogue of sharing services (issue 14, item 1).
import * as createSharingService from './20261205120000_create_sharing_service.ts';
// Data-error reports and usage inquiries (issue 14, items 5 and 6).
import * as createDataErrorReport from './20261205140000_create_data_error_report.ts';
import * as createUsageInquiry from './20261205150000_create_usage_inquiry.ts';
// Open data (issue 15).
import * as createOpenData from './20261206090000_create_open_data.ts';

export const migrations: Record<string, Migration> = {
  '20250701090000_create_platform_catalogues': createPlatformCatalogues,
  '20251125090000_create_policy_versions': createPolicyVersions,
  '20251125100000_create_consent': createConsent,
  '20251126100000_create_subject_request': createSubjectRequest,
  '20261204090000_add_purpose_declarers': addPurposeDeclarers,
  '20261204100000_create_audit_checkpoint': createAuditCheckpoint,
  '20261204210000_create_policy_proposal': createPolicyProposal,
  // Connection agreements (issue 14, item 2).
  '20261205100000_create_connection_request': createConnectionRequest,
  '20261205120000_create_sharing_service': createSharingService,
  // Data-error reports and usage inquiries (issue 14, items 5 and 6).
  '20261205140000_create_data_error_report': createDataErrorReport,
  '20261205150000_create_usage_inquiry': createUsageInquiry,
  '20261206090000_create_open_data': createOpenData,
  // Every agency keeps the disclosure log of its own data (shared/audit).
  ...disclosureLogMigrations,
  // Daily sharing statistics aggregated from that log (shared/statistics).
  ...sharingStatisticsMigrations,
};
