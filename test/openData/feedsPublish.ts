// Versions of open datasets for the feeds' tests, written into the platform's database as a publisher's
// upload would leave them (open_data_dataset, open_data_version, open_data_row), and put back exactly as
// they were afterwards: the stack is shared by every test file, and other files publish too.
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

const STATE_COLUMNS = [
  'id',
  'metadata',
  'metadata_modified_by',
  'metadata_modified_at',
  'current_version_id',
  'data_modified_at',
  'data_confirmed_at',
  'data_confirmed_by',
  'withdrawn_at',
  'withdrawn_reason',
  'withdrawn_by',
  'version',
] as const;

type StateRow = Record<(typeof STATE_COLUMNS)[number], unknown>;

/** Changes to the platform's open data for one test file, undone by restore(). */
export function openDataFixture() {
  const before = new Map<string, StateRow | null>();
  /** Per dataset touched, its last version number before: every later version is this file's. */
  const lastVersion = new Map<string, number>();

  async function remember(knex: Knex, datasetId: string): Promise<void> {
    if (before.has(datasetId)) return;
    const row = (await knex('open_data_dataset').select(STATE_COLUMNS).where({ id: datasetId }).first()) as StateRow | undefined;
    before.set(datasetId, row ? { ...row, metadata: row.metadata === null ? null : JSON.stringify(row.metadata) } : null);
    const [{ number }] = await knex('open_data_version').where({ dataset_id: datasetId }).max({ number: 'number' });
    lastVersion.set(datasetId, Number(number ?? 0));
  }

  return {
    /** Publishes `rows` as the dataset's next version, made current; its data modified `at`. */
    async publish(datasetId: string, columns: string[], rows: Array<Array<string | number | null>>, at = new Date()): Promise<PublishedVersion> {
      const knex = await platformKnex();
      await remember(knex, datasetId);
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
        await tx('open_data_dataset')
          .where({ id: datasetId })
          .update({ current_version_id: id, data_modified_at: at, data_confirmed_at: at, data_confirmed_by: 'acct-feeds-test', withdrawn_at: null, withdrawn_reason: null, withdrawn_by: null });
        return { versionId: String(id), number: next, sha256, publishedAt: at };
      });
    },

    async withdraw(datasetId: string, reason: string, at = new Date()): Promise<void> {
      const knex = await platformKnex();
      await remember(knex, datasetId);
      await knex('open_data_dataset').where({ id: datasetId }).update({ withdrawn_at: at, withdrawn_reason: reason, withdrawn_by: 'acct-feeds-test' });
    },

    /** As if never published (whatever another test file did to it), until restore(). */
    async neverPublished(datasetId: string): Promise<void> {
      const knex = await platformKnex();
      await remember(knex, datasetId);
      await knex('open_data_dataset').where({ id: datasetId }).update({ current_version_id: null, data_modified_at: null, data_confirmed_at: null, withdrawn_at: null, withdrawn_reason: null, withdrawn_by: null });
    },

    /** Before a publisher's mutation in the test: the dataset is put back by restore() too. */
    async watch(datasetId: string): Promise<void> {
      await remember(await platformKnex(), datasetId);
    },

    /** Every dataset touched back as it was; the versions published since (here or by a mutation) removed. */
    async restore(): Promise<void> {
      const knex = await platformKnex();
      await knex.transaction(async (tx) => {
        for (const [id, row] of before) {
          if (row) await tx('open_data_dataset').where({ id }).update(row);
          else await tx('open_data_dataset').where({ id }).update({ current_version_id: null });
          const later = tx('open_data_version').select('id').where({ dataset_id: id }).andWhere('number', '>', lastVersion.get(id) ?? 0);
          await tx('open_data_row').whereIn('version_id', later).delete();
          await tx('open_data_version').where({ dataset_id: id }).andWhere('number', '>', lastVersion.get(id) ?? 0).delete();
        }
        const added = [...before].filter(([, row]) => row === null).map(([id]) => id);
        await tx('open_data_dataset').whereIn('id', added).delete();
      });
      before.clear();
      lastVersion.clear();
    },
  };
}
