// The log's data subjects move from a GIN index over the whole log to disclosure_log_subjects, in
// partitions by seq, each with a GIN index of its own (subjectPartitions.ts says why). Rows of the oldest
// form (one `data_subject` per row) keep their own index.
import type { Knex } from 'knex';
import { ensurePartitions } from './subjectPartitions.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create table disclosure_log_subjects (seq bigint not null, data_subjects text[] not null) partition by range (seq)`);
  await knex.raw(`comment on table disclosure_log_subjects is 'Each row of disclosure_log that has data subjects, with them: in partitions by seq, found by its GIN index (written with the row, deleted with it when archived; no foreign key, a check per append)'`);
  const end = await knex('disclosure_log').max('seq as seq').first();
  await ensurePartitions(knex, BigInt(end?.seq ?? 0));
  await knex.raw('insert into disclosure_log_subjects (seq, data_subjects) select seq, data_subjects from disclosure_log where data_subjects is not null');
  await knex.raw('create index disclosure_log_subjects_index on disclosure_log_subjects using gin (data_subjects)');
  await knex.raw('drop index disclosure_log_data_subjects_index');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('create index disclosure_log_data_subjects_index on disclosure_log using gin (data_subjects)');
  await knex.raw('drop table disclosure_log_subjects');
}
