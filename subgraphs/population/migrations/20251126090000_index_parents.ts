// A parent acting for a child (consent, subject requests) is checked by looking the children up by parent.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('citizen', (table) => {
    table.index(['father_id'], 'citizen_father_index');
    table.index(['mother_id'], 'citizen_mother_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('citizen', (table) => {
    table.dropIndex(['father_id'], 'citizen_father_index');
    table.dropIndex(['mother_id'], 'citizen_mother_index');
  });
}
