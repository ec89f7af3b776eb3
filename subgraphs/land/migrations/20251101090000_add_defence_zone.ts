import type { Knex } from 'knex';

// A state secret (bí mật nhà nước): whether a parcel lies in a defence zone (military prohibited or
// protected area). The column exists so that the cadastral register is whole, but this data-sharing layer
// never selects it, never serves it and never shares it; it is `@inaccessible` in the schema and
// classified `state-secret` in the policies.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('land_parcel', (table) => {
    table
      .text('defence_zone')
      .comment('CLASSIFIED (Mật) - state secret: defence zone the parcel lies in. Never selected, served or shared by the data-sharing layer');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('land_parcel', (table) => {
    table.dropColumn('defence_zone');
  });
}
