import type { Knex } from 'knex';

// The enterprise's sector: the VSIC 2018 section (level-1 code, A to U, QĐ 27/2018/QĐ-TTg) of its main
// line of business, as the National Business Registration Portal publishes it. Public, like the rest of
// the published registration (the enterprises open dataset, issue 15). Null for an entry registered
// before the column existed, until its next registration change records it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('enterprise', (table) => {
    table.string('sector', 1).comment('VSIC 2018 section (level-1 code, A-U) of the main line of business');
  });
  await knex.raw(`alter table enterprise add constraint enterprise_sector_check check (sector is null or sector between 'A' and 'U')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table enterprise drop constraint enterprise_sector_check');
  await knex.schema.alterTable('enterprise', (table) => {
    table.dropColumn('sector');
  });
}
