// The sharing statistics' migrations, which every agency's migration list includes (each aggregates
// its own disclosure log).
import type { Migration } from '../db/migrationSource.ts';
import * as createSharingStatistics from './sharingStatisticsMigration.ts';
import * as createSharingLatency from './sharingLatencyMigration.ts';
import * as addSharingStatisticsProgress from './sharingStatisticsProgressMigration.ts';
import * as saveSubjectsInLists from './sharingStatisticsSubjectListsMigration.ts';

export const sharingStatisticsMigrations: Record<string, Migration> = {
  '20261205150000_create_sharing_statistics': createSharingStatistics,
  '20261205160000_create_sharing_latency': createSharingLatency,
  '20261206100000_add_sharing_statistics_progress': addSharingStatisticsProgress,
  '20261207230000_sharing_statistics_subject_lists': saveSubjectsInLists,
};
