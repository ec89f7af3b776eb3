// Reminders to publishers (Thái Bình QĐ 27/2025 Đ10.2: the operator chases late publishers): a pass,
// every OPEN_DATA_REMINDER_SECONDS, writes to the outbox (open_data_notice) one notice per overdue dataset
// and overdue period, never twice for the same one (the period is the date the next version was due, so
// a new notice comes only after the dataset was published or confirmed and fell overdue again). Each names
// the agency's focal point from the directory. E-mail delivery is not built: the outbox is read through
// `openDataNotices` by the operator, security officers and the publisher agency.
import type { Knex } from 'knex';
import { config } from '../../../../shared/config/config.ts';
import { anyOf } from '../../../../shared/db/anyOf.ts';
import type { PeriodicTask } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { openDataListOnDisk } from './openDataListOnDisk.ts';
import { openDatasetView } from './openDatasetView.ts';
import { datasetStates } from './openDataStore.ts';

export const OPEN_DATA_REMINDERS = 'open-data-reminders';

export interface NoticeRow {
  id: string;
  datasetId: string;
  publisherAgency: string;
  focalPoint: string | null;
  kind: string;
  message: string;
  createdAt: Date | string;
}

export const NOTICE_COLUMNS = {
  id: 'id',
  datasetId: 'dataset_id',
  publisherAgency: 'publisher_agency',
  focalPoint: 'focal_point',
  kind: 'kind',
  message: 'message',
  createdAt: 'created_at',
};

/** Writes the notices due now; returns how many were new. */
export async function writeOverdueReminders(knex: Knex, now = new Date()): Promise<number> {
  const { list } = openDataListOnDisk();
  const states = new Map((await datasetStates(knex, list.datasets.map((dataset) => dataset.id))).map((state) => [state.id, state]));
  const overdue = list.datasets
    .map((entry) => ({ entry, view: openDatasetView(entry, states.get(entry.id) ?? null, list.reviewedOn, now) }))
    .filter(({ view }) => view.freshness === 'OVERDUE' && view.status !== 'WITHDRAWN');
  if (overdue.length === 0) return 0;
  const agencies = new Map<string, { name: string; focalPointName: string; focalPointRole: string; focalPointEmail: string }>(
    (
      await knex('agency')
        .select({ code: 'code', name: 'name', focalPointName: 'focal_point_name', focalPointRole: 'focal_point_role', focalPointEmail: 'focal_point_email' })
        .where(anyOf(knex, 'code', [...new Set(overdue.map(({ entry }) => entry.publisher))]))
    ).map((row: { code: string; name: string; focalPointName: string; focalPointRole: string; focalPointEmail: string }) => [row.code, row]),
  );
  const notices = overdue.map(({ entry, view }) => {
    const agency = agencies.get(entry.publisher);
    const late =
      view.status === 'NOT_YET_PUBLISHED' ?
        `has not been published since the open-data list named it (reviewed ${list.reviewedOn})`
      : `was due for a new version by ${view.nextUpdateDue} (${entry.frequency.toLowerCase()} data; a refresh that finds the data unchanged also counts)`;
    return {
      dataset_id: entry.id,
      publisher_agency: entry.publisher,
      focal_point: agency ? `${agency.focalPointName}, ${agency.focalPointRole} <${agency.focalPointEmail}>` : null,
      kind: 'overdue',
      period_key: view.nextUpdateDue ?? list.reviewedOn,
      message: `${agency?.name ?? entry.publisher}: the open dataset "${view.title}" (${entry.id}) ${late}. Please publish it (refreshOpenDataset or uploadOpenDatasetVersion).`,
    };
  });
  const written = await knex('open_data_notice').insert(notices).onConflict(['dataset_id', 'kind', 'period_key']).ignore().returning('id');
  return written.length;
}

export const openDataReminderTask: PeriodicTask = {
  name: OPEN_DATA_REMINDERS,
  everySeconds: () => config.openDataReminderSeconds,
  run: async (knex) => {
    await writeOverdueReminders(knex);
  },
};

/** A page of notices, newest first, of one agency (null: all): `limit` after the position (created_at|id). */
export function noticePage(knex: Knex, agency: string | null, after: { at: string; id: string } | null, limit: number): Promise<NoticeRow[]> {
  const query = knex('open_data_notice').select(NOTICE_COLUMNS).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit);
  if (agency) query.where('publisher_agency', agency);
  if (after) query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.at, after.id]);
  return query;
}

export async function noticeCount(knex: Knex, agency: string | null): Promise<number> {
  const query = knex('open_data_notice').count({ count: '*' });
  if (agency) query.where('publisher_agency', agency);
  return Number((await query.first())?.count ?? 0);
}
