// One row per request and agency instead of one per request and data subject: a page of 20 citizens
// cost 20 rows, 20 hashes and 80 index entries on the request path; it now costs one row, with its
// data subjects in an array that a GIN index finds (citizens read their own log by it). `outcomes`
// is `json`: it is written once and only ever read whole, and `json` stores the text as given, which
// is cheaper than parsing it into `jsonb`. Rows written before keep their form (`data_subject`,
// `fields`) and their hashes; the index on `data_subject` now holds only those rows.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.specificType('data_subjects', 'text[]').nullable().comment('Personal ids of the people the data is about (null: fields of no one in particular), in the order of outcomes');
    table.json('outcomes').nullable().comment('Per data subject: {decision, fields: [{fields, decision, basis or reason, rule}]}');
    table.jsonb('fields').nullable().alter().comment('Rows written before Nov 2026 (one data subject each): [{fields, decision, basis or reason, rule}], or at first [{field, ...}]');
    table.string('data_subject', 12).nullable().alter().comment('Rows written before Nov 2026: personal id of the person the data is about');
    table.dropIndex(['data_subject']);
  });
  await knex.raw('create index disclosure_log_data_subjects_index on disclosure_log using gin (data_subjects)');
  await knex.raw('create index disclosure_log_data_subject_index on disclosure_log (data_subject) where data_subject is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index disclosure_log_data_subject_index');
  await knex.raw('drop index disclosure_log_data_subjects_index');
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.index(['data_subject']);
    table.dropColumn('outcomes');
    table.dropColumn('data_subjects');
  });
}
