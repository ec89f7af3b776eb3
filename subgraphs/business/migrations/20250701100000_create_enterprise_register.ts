import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('enterprise', (table) => {
    table.specificType('code', 'char(10)').primary().comment('10-digit enterprise code, also the tax code');
    table.text('name').notNullable().comment('Registered Vietnamese name, with diacritics (NFC)');
    table.text('kind').notNullable().comment("Legal form, e.g. 'Công ty TNHH một thành viên'");
    table.date('registered_on').notNullable().comment('Date of first registration');
    table.string('status', 10).notNullable().comment("'active', 'suspended' or 'dissolved'");
    table.string('unit_code', 5).notNullable().index().comment('Commune or ward of the head office (platform catalogue code)');
    table.text('address').notNullable().comment('Head-office address');
    table.string('legal_representative_id', 12).notNullable().index().comment('Personal id of the legal representative (population register)');
    table.bigInteger('charter_capital').notNullable().comment('Registered charter capital in VND');
  });
  await knex.raw(`alter table enterprise add constraint enterprise_status_check check (status in ('active', 'suspended', 'dissolved'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('enterprise');
}
