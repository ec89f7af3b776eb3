// A ward's list of citizens is paged in id order (Query.citizens: `unit_code = $1 and id > cursor order by
// id limit n`). With unit_code alone indexed, the plan a named statement settles on walks the primary key
// and skips every citizen of other wards, so a page costs more the smaller the ward's share of the
// province. With (unit_code, id) a page reads its own rows only, for any ward: the bench page's statement
// took 0.31-0.38 ms before and 0.14-0.19 ms after (docs/request-path-costs.md, "A ward's page reads its
// own rows"). The new index also serves every lookup by unit_code alone, so it replaces that index.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('citizen', (table) => {
    table.index(['unit_code', 'id'], 'citizen_unit_code_id_index');
    table.dropIndex(['unit_code'], 'citizen_unit_code_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('citizen', (table) => {
    table.index(['unit_code'], 'citizen_unit_code_index');
    table.dropIndex(['unit_code', 'id'], 'citizen_unit_code_id_index');
  });
}
