// A parent may act for a minor child (X-Child-Id): the request runs as the child's, so `principal` is
// the child, and the parent who asked is kept beside it, hashed with the row, so that the child (and
// oversight) sees who looked. Rows written before have none and keep their hashes.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.text('guardian').nullable().comment('The parent who asked for a minor child (X-Child-Id), principal being the child; null otherwise');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropColumn('guardian');
  });
}
