// One successor per row: two writers that both saw the same last row cannot both append after it, so
// the chain stays linear without a lock or a transaction (the writer appends in one statement and, when
// another process got there first, reads the new end and tries again). The index on `at` serves the
// access-log views, which list newest first.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.unique(['prev_hash'], { indexName: 'disclosure_log_one_successor' });
    table.index(['at'], 'disclosure_log_at_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropUnique(['prev_hash'], 'disclosure_log_one_successor');
    table.dropIndex(['at'], 'disclosure_log_at_index');
  });
}
