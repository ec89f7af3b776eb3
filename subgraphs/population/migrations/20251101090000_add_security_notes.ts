import type { Knex } from 'knex';

// A state secret (bí mật nhà nước): the police's operational notes on a citizen. The column exists so
// that the register is whole, but this data-sharing layer never selects it, never serves it and never
// shares it; it is `@inaccessible` in the schema and classified `state-secret` in the policies.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('citizen', (table) => {
    table
      .text('security_notes')
      .comment('CLASSIFIED (Mật) - state secret: police operational notes. Never selected, served or shared by the data-sharing layer');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('citizen', (table) => {
    table.dropColumn('security_notes');
  });
}
