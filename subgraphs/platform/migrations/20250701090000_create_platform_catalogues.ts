import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('administrative_unit', (table) => {
    table.string('code', 5).primary().comment('Unit code: 2 digits for the province, 5 for a commune or ward');
    table.text('name').notNullable().comment('Official name with its kind, e.g. "Phường Phố Hiến"');
    table.string('kind', 8).notNullable().comment("'province', 'ward' or 'commune'");
    table.string('parent_code', 5).references('administrative_unit.code').comment('Province of a commune or ward');
    table.date('effective_from').notNullable().comment('Date from which the unit exists in this form');
  });
  await knex.schema.createTable('former_unit', (table) => {
    table.string('code', 5).primary().comment('Pre-reform commune code');
    table.text('name').notNullable().comment('Pre-reform commune name');
    table.text('district').notNullable().comment('Pre-reform district it belonged to');
    table.string('province_code', 2).notNullable().comment('Pre-reform province code');
    table.string('new_code', 5).notNullable().references('administrative_unit.code').index().comment('Unit it became part of on 1 July 2025');
  });
  await knex.schema.createTable('agency', (table) => {
    table.string('code', 40).primary().comment('Agency code used in tokens and policies');
    table.text('name').notNullable().comment('Official name');
    table.text('focal_point_name').notNullable().comment('Name of the data-sharing focal point');
    table.text('focal_point_role').notNullable().comment('Position of the focal point');
    table.string('focal_point_phone', 20).notNullable().comment('Office phone of the focal point');
    table.text('focal_point_email').notNullable().comment('Office e-mail of the focal point');
  });
  await knex.schema.createTable('purpose', (table) => {
    table.string('code', 64).primary().comment('Purpose code declared in X-Purpose');
    table.text('name').notNullable().comment('Short name');
    table.text('description').notNullable().comment('What processing the purpose covers');
  });
  await knex.schema.createTable('legal_basis', (table) => {
    table.string('code', 64).primary().comment('Legal-basis code cited by policies and audit records');
    table.string('kind', 16).notNullable().comment("'owner', 'statutory', 'consent', 'subject-request' or 'open'");
    table.text('title').notNullable().comment('What the basis allows');
    table.text('document').notNullable().comment('Legal document');
    table.text('provision').comment('Article or clause, when one provision');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['legal_basis', 'purpose', 'agency', 'former_unit', 'administrative_unit']) {
    await knex.schema.dropTable(table);
  }
}
