// The request id is indexed again (dropped in Nov 2025 for the request path's sake, when only oversight's
// searches filtered on it). Since then the release of a restricted disclosure finds its rows by request id,
// and a search by request id reads until it fills a page: without the index both read the whole log,
// 2.7-3.5 s at 10 million rows and growing with it. Appending with the index cost Postgres the same per
// row at that size, within the runs' spread (docs/performance.md, "A person's entries on a log of 10
// million rows").
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.index(['request_id'], 'disclosure_log_request_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropIndex(['request_id'], 'disclosure_log_request_index');
  });
}
