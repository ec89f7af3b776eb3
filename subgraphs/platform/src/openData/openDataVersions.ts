// Publishing a version of a dataset: the rows are hashed (SHA-256 of the column names, then each row, as
// lines of JSON arrays) and compared with the current version's hash. Identical rows publish nothing new:
// the refresh is recorded as a confirmation (data_confirmed_at/by), so freshness counts from it while
// dataModifiedAt stays the day the data last changed. Otherwise a new version is written (number + 1,
// every earlier one kept) with its rows in batches, and becomes current, in one transaction.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { OpenDataCell } from '../../../../shared/openData/openDataSource.ts';

const INSERT_BATCH = 1000;

export type PublishHow = 'refresh' | 'upload';

export interface Publication {
  datasetId: string;
  columns: readonly string[];
  rows: readonly OpenDataCell[][];
  how: PublishHow;
  by: string;
  byAgency: string | null;
}

export type PublishOutcome = { outcome: 'PUBLISHED'; number: number } | { outcome: 'UNCHANGED'; number: number };

export function contentSha256(columns: readonly string[], rows: readonly OpenDataCell[][]): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(columns)}\n`);
  for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  return hash.digest('hex');
}

/** The dataset's row in open_data_dataset, made if missing and locked for this transaction. */
export async function lockedDatasetRow(trx: Knex.Transaction, datasetId: string): Promise<{ currentVersionId: string | null; withdrawnAt: Date | null }> {
  await trx.raw('insert into open_data_dataset (id) values (?) on conflict (id) do nothing', [datasetId]);
  const row = await trx('open_data_dataset').select({ currentVersionId: 'current_version_id', withdrawnAt: 'withdrawn_at' }).where('id', datasetId).forUpdate().first();
  return { currentVersionId: row.currentVersionId === null ? null : String(row.currentVersionId), withdrawnAt: row.withdrawnAt };
}

export async function publishVersion(knex: Knex, publication: Publication): Promise<PublishOutcome> {
  const sha256 = contentSha256(publication.columns, publication.rows);
  return knex.transaction(async (trx) => {
    const dataset = await lockedDatasetRow(trx, publication.datasetId);
    const current =
      dataset.currentVersionId === null ? null : await trx('open_data_version').select({ number: 'number', sha256: 'sha256' }).where('id', dataset.currentVersionId).first();
    const now = trx.fn.now();
    if (current && current.sha256 === sha256) {
      await trx('open_data_dataset')
        .where('id', publication.datasetId)
        .update({ data_confirmed_at: now, data_confirmed_by: publication.by, version: trx.raw('version + 1') });
      return { outcome: 'UNCHANGED', number: Number(current.number) };
    }
    const last = await trx('open_data_version').where('dataset_id', publication.datasetId).max({ number: 'number' }).first();
    const number = Number(last?.number ?? 0) + 1;
    const [{ id }] = await trx('open_data_version')
      .insert({
        dataset_id: publication.datasetId,
        number,
        published_by: publication.by,
        published_by_agency: publication.byAgency,
        how: publication.how,
        row_count: publication.rows.length,
        sha256,
        columns: JSON.stringify(publication.columns),
      })
      .returning('id');
    for (let start = 0; start < publication.rows.length; start += INSERT_BATCH) {
      await trx('open_data_row').insert(
        publication.rows.slice(start, start + INSERT_BATCH).map((cells, index) => ({ version_id: id, row_no: start + index + 1, cells: JSON.stringify(cells) })),
      );
    }
    await trx('open_data_dataset').where('id', publication.datasetId).update({
      current_version_id: id,
      data_modified_at: now,
      data_confirmed_at: now,
      data_confirmed_by: publication.by,
      version: trx.raw('version + 1'),
    });
    return { outcome: 'PUBLISHED', number };
  });
}
