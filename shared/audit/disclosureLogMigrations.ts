// The disclosure log's migrations, which every agency's migration list includes (each keeps the log of
// its own data).
import type { Migration } from '../db/migrationSource.ts';
import * as createDisclosureLog from './disclosureLogMigration.ts';
import * as oneSuccessorPerRow from './disclosureLogLinkMigration.ts';
import * as fewerIndexes from './disclosureLogIndexMigration.ts';
import * as oneRowPerRequest from './disclosureLogPerRequestMigration.ts';
import * as checkpointsAndArchive from './disclosureCheckpointMigration.ts';
import * as releases from './disclosureReleaseMigration.ts';
import * as sharedOutcomes from './disclosureLogSharedOutcomesMigration.ts';
import * as guardians from './disclosureLogGuardianMigration.ts';
import * as subjectPartitions from './disclosureLogSubjectsMigration.ts';
import * as requestIndex from './disclosureLogRequestIndexMigration.ts';
import * as callerIndexes from './disclosureLogCallerIndexMigration.ts';
import * as caseAndPurposeIndexes from './disclosureLogCaseAndPurposeIndexMigration.ts';

export const disclosureLogMigrations: Record<string, Migration> = {
  '20251125110000_create_disclosure_log': createDisclosureLog,
  '20251126090000_disclosure_log_one_successor': oneSuccessorPerRow,
  '20251126110000_disclosure_log_fewer_indexes': fewerIndexes,
  '20261125150000_disclosure_log_one_row_per_request': oneRowPerRequest,
  '20261204090000_create_disclosure_checkpoint_and_archive': checkpointsAndArchive,
  '20261204210000_create_disclosure_release': releases,
  '20261205090000_disclosure_log_shared_outcomes': sharedOutcomes,
  '20261205120000_disclosure_log_guardian': guardians,
  '20261205220000_disclosure_log_subjects_in_partitions': subjectPartitions,
  '20261207180000_disclosure_log_request_index': requestIndex,
  '20261207190000_disclosure_log_caller_indexes': callerIndexes,
  '20261207210000_disclosure_log_case_and_purpose_indexes': caseAndPurposeIndexes,
};
