import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ethnic_group', (table) => {
    table.string('code', 2).primary().comment('Official two-digit code of the ethnic group');
    table.text('name').notNullable().comment('Official name, with diacritics');
  });
  await knex.schema.createTable('household', (table) => {
    table.string('id', 16).primary().comment('Household registration number');
    table.string('head_id', 12).notNullable().comment('Personal id of the head of household');
    table.string('unit_code', 5).notNullable().index().comment('Commune or ward of residence (platform catalogue code)');
    table.text('address').notNullable().comment('Street address within the unit');
    table.date('registered_on').notNullable().comment('Date the household was registered');
  });
  await knex.schema.createTable('citizen', (table) => {
    table.string('id', 12).primary().comment('12-digit personal identification number');
    table.text('full_name').notNullable().comment('Full name with diacritics, family name first');
    table.string('gender', 6).notNullable().comment("'male' or 'female'");
    table.date('date_of_birth').notNullable().comment('Date of birth');
    table.string('ethnic_group_code', 2).notNullable().references('ethnic_group.code').comment('Ethnic group');
    table.text('religion').comment('Declared religion; null when none');
    table.string('nationality', 2).notNullable().defaultTo('VN').comment('ISO 3166-1 alpha-2 nationality');
    table.string('household_id', 16).notNullable().references('household.id').index().comment('Household of permanent residence');
    table.string('unit_code', 5).notNullable().index().comment('Commune or ward of permanent residence');
    table.text('address').notNullable().comment('Address of permanent residence');
    table.string('father_id', 12).comment('Personal id of the father, when registered');
    table.string('mother_id', 12).comment('Personal id of the mother, when registered');
    table.date('date_of_death').comment('Date of death; null while alive');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('citizen');
  await knex.schema.dropTable('household');
  await knex.schema.dropTable('ethnic_group');
}
