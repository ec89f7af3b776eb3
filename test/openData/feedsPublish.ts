// Versions of open datasets for the feeds' tests, written into the platform's database as a publisher's
// refresh would leave them (open_data_dataset, open_data_version, open_data_row), and put back as the
// seed had them afterwards: the stack is shared by every test file.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { getStack } from '../support/stack.ts';

async function platformKnex(): Promise<Knex> {
  return (await getStack()).subgraphs.platform.database.knex;
}

export interface PublishedVersion {
  versionId: string;
  number: number;
  sha256: string;
  publishedAt: Date;
}

/** Publishes `rows` as the dataset's next version, made current; its data modified `at`. */
export async function publishVersion(datasetId: string, columns: string[], rows: Array<Array<string | number | null>>, at = new Date()): Promise<PublishedVersion> {
  const knex = await platformKnex();
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(columns)}\n`);
  for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  const sha256 = hash.digest('hex');
  return knex.transaction(async (tx) => {
    await tx('open_data_dataset').insert({ id: datasetId }).onConflict('id').ignore();
    const [{ number }] = await tx('open_data_version').where({ dataset_id: datasetId }).max({ number: 'number' });
    const next = Number(number ?? 0) + 1;
    const [{ id }] = await tx('open_data_version')
      .insert({ dataset_id: datasetId, number: next, published_at: at, published_by: 'acct-feeds-test', how: 'upload', row_count: rows.length, sha256, columns: JSON.stringify(columns) })
      .returning('id');
    for (let start = 0; start < rows.length; start += 2000) {
      await tx('open_data_row').insert(rows.slice(start, start + 2000).map((cells, index) => ({ version_id: id, row_no: start + index + 1, cells: JSON.stringify(cells) })));
    }
    await tx('open_data_dataset').where({ id: datasetId }).update({ current_version_id: id, data_modified_at: at, data_confirmed_at: at, data_confirmed_by: 'acct-feeds-test', withdrawn_at: null, withdrawn_reason: null });
    return { versionId: String(id), number: next, sha256, publishedAt: at };
  });
}

export async function withdraw(datasetId: string, reason: string, at = new Date()): Promise<void> {
  const knex = await platformKnex();
  await knex('open_data_dataset').where({ id: datasetId }).update({ withdrawn_at: at, withdrawn_reason: reason, withdrawn_by: 'acct-feeds-test' });
}

/** Back to never published: the dataset's state, versions and rows removed. */
export async function unpublish(datasetIds: readonly string[]): Promise<void> {
  const knex = await platformKnex();
  await knex.transaction(async (tx) => {
    await tx('open_data_dataset').whereIn('id', datasetIds).update({ current_version_id: null });
    const versions = tx('open_data_version').select('id').whereIn('dataset_id', datasetIds);
    await tx('open_data_row').whereIn('version_id', versions).delete();
    await tx('open_data_version').whereIn('dataset_id', datasetIds).delete();
    await tx('open_data_dataset').whereIn('id', datasetIds).delete();
  });
}
