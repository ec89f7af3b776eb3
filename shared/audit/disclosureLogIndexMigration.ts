// Every disclosure costs an entry in each index of the log, on the request path. Kept: the person
// (citizens read their own log often), the time (every view lists newest first) and the chain's own
// link. Dropped: the caller's agency and the request id, which only oversight searches filter on; those
// searches walk the time index instead. (Both are indexed again since Dec 2026, the agency by time
// beside the caller's account: disclosureLogRequestIndexMigration.ts, disclosureLogCallerIndexMigration.ts.)
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropIndex(['request_id']);
    table.dropIndex(['agency']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.index(['request_id']);
    table.index(['agency']);
  });
}
