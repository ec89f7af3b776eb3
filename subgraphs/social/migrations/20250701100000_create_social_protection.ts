import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('benefit_program', (table) => {
    table.string('code', 20).primary().comment('Short programme code, e.g. TCXH-NCT80');
    table.text('name').notNullable().comment('Official name of the programme, with diacritics');
    table.text('legal_basis').notNullable().comment('Decree(s) the programme rests on');
  });
  await knex.schema.createTable('benefit', (table) => {
    table.string('id', 16).primary().comment('Benefit record id, e.g. TC00000001');
    table.string('citizen_id', 12).notNullable().index().comment('Personal id of the beneficiary (population register)');
    table.string('program_code', 20).notNullable().references('benefit_program.code').comment('Programme paying the benefit');
    table.integer('monthly_amount').notNullable().comment('Monthly amount in VND');
    table.date('started_on').notNullable().comment('First day the benefit is paid for');
    table.date('ended_on').comment('Last day the benefit was paid for; null while active');
    table.string('status', 6).notNullable().comment("'active' or 'ended'");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('benefit');
  await knex.schema.dropTable('benefit_program');
}
