import type { Knex } from 'knex';

// The commune or ward whose People's Committee decided and pays the benefit (since the 2025 reform the
// commune level decides social assistance, Decree 20/2021 as amended): what the province's open data
// counts beneficiaries by (issue 15). Null for an entry recorded before the column existed.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('benefit', (table) => {
    table.string('unit_code', 5).index().comment('Commune or ward paying the benefit (platform catalogue code)');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('benefit', (table) => {
    table.dropColumn('unit_code');
  });
}
