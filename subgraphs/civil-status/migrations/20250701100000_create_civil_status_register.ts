import type { Knex } from 'knex';

// Every person-id column is indexed: a citizen's events are looked up by it. Record ids carry the
// register's prefix (KS birth, KH marriage, KT death), which keeps them unique across the three tables.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('birth', (table) => {
    table.string('id', 16).primary().comment('Birth record id (KS + serial)');
    table.string('registration_number', 16).notNullable().comment("Number in the year's birth register book, e.g. '123/2024'");
    table.string('child_id', 12).notNullable().index().comment('Personal id of the child');
    table.string('father_id', 12).index().comment('Personal id of the father; null when not declared');
    table.string('mother_id', 12).index().comment('Personal id of the mother; null when not declared');
    table.text('place_of_birth').notNullable().comment('Hospital, clinic or place of birth as written in the register');
    table.string('unit_code', 5).notNullable().index().comment('Commune or ward that registered the birth (platform catalogue code)');
    table.date('registered_on').notNullable().index().comment('Date the birth was registered');
  });
  await knex.schema.createTable('marriage', (table) => {
    table.string('id', 16).primary().comment('Marriage record id (KH + serial)');
    table.string('registration_number', 16).notNullable().comment("Number in the year's marriage register book, e.g. '123/2024'");
    table.string('husband_id', 12).notNullable().index().comment('Personal id of the husband');
    table.string('wife_id', 12).notNullable().index().comment('Personal id of the wife');
    table.string('unit_code', 5).notNullable().index().comment('Commune or ward that registered the marriage (platform catalogue code)');
    table.date('registered_on').notNullable().index().comment('Date the marriage was registered');
  });
  await knex.schema.createTable('death', (table) => {
    table.string('id', 16).primary().comment('Death record id (KT + serial)');
    table.string('registration_number', 16).notNullable().comment("Number in the year's death register book, e.g. '123/2024'");
    table.string('deceased_id', 12).notNullable().index().comment('Personal id of the deceased');
    table.date('date_of_death').notNullable().comment('Date of death');
    table.string('unit_code', 5).notNullable().index().comment('Commune or ward that registered the death (platform catalogue code)');
    table.date('registered_on').notNullable().index().comment('Date the death was registered');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('death');
  await knex.schema.dropTable('marriage');
  await knex.schema.dropTable('birth');
}
