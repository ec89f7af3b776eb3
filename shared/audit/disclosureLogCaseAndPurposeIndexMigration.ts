// Oversight's searches by case and by purpose are indexed by time: the case's rows (a partial index, for
// the rows that name a case: requests without one add nothing to it) and the purpose's. Without them a
// search on either alone walked the log by time until it filled a page: at 10 million rows, 1.5-2.4 s for
// a case or a purpose with no row in the register, and growing with the log; about 1 ms with them, and
// appends cost the same (docs/performance.md, "Oversight's searches by case and by purpose").
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index disclosure_log_case_index on disclosure_log (case_id, at) where case_id is not null');
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.index(['purpose', 'at'], 'disclosure_log_purpose_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index disclosure_log_case_index');
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropIndex(['purpose', 'at'], 'disclosure_log_purpose_index');
  });
}
