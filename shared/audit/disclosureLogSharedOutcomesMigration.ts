// The data subjects of one request's row mostly share one outcome (the same fields, disclosed on the
// same basis under the same rule): a page of twenty people repeated it twenty times, with its
// restriction in each copy, some 4 KB of JSON that Postgres parsed, compressed and indexed on every
// request. Rows now keep each distinct outcome once (`outcome_sets`) and, per data subject in the order
// of `data_subjects`, the index of theirs (`outcome_of`). Rows written before keep their form
// (`outcomes`) and their hashes (docs/consent-and-disclosure-log.md).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.json('outcome_sets').nullable().comment('Each distinct outcome of the row once: {decision, fields: [{fields, decision, basis or reason, rule, restricted?}]}');
    table.specificType('outcome_of', 'integer[]').nullable().comment('Per data subject (in the order of data_subjects): the index of its outcome in outcome_sets');
  });
  // A comment only: an ALTER of the column's type would be a rewrite of the whole log.
  await knex.raw("comment on column disclosure_log.outcomes is 'Rows written Nov-Dec 2026: per data subject, in the order of data_subjects, {decision, fields: [...]}'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropColumn('outcome_of');
    table.dropColumn('outcome_sets');
  });
}
