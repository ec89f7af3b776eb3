import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consent', (table) => {
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Consent id, quoted in disclosure records');
    table.string('subject_id', 12).notNullable().index().comment('Personal id of the data subject');
    table.string('granted_by', 12).notNullable().index().comment('Personal id of who gave it: the subject, or a parent for a child');
    table.string('grantee_agency', 40).notNullable().comment('Agency allowed to receive the data');
    table.string('purpose', 64).notNullable().comment('The one purpose the consent is for (Law 91/2025: consent per purpose)');
    table.jsonb('field_groups').notNullable().comment('Field groups covered, as "<policy>:<group>"; partial consent names some');
    table.timestamp('valid_from', { useTz: true }).notNullable().comment('From when the consent applies');
    table.timestamp('valid_until', { useTz: true }).notNullable().comment('Until when it applies; after that it has expired');
    table.string('channel', 32).notNullable().comment('How it was given: citizen-portal, one-stop-shop, paper-form');
    table.text('evidence_reference').comment('Reference of the evidence (signed form, portal transaction)');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it was recorded');
    table.timestamp('revoked_at', { useTz: true }).comment('When it was withdrawn; null while not withdrawn');
    table.index(['subject_id', 'grantee_agency', 'purpose'], 'consent_lookup_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consent');
}
