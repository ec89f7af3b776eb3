import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subject_request', (table) => {
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Request id, quoted in disclosure records');
    table.string('subject_id', 12).notNullable().index().comment('Personal id of the data subject');
    table.string('requested_by', 12).notNullable().index().comment('Personal id of who asked: the subject, or a parent for a child');
    table.string('holder_agency', 40).notNullable().comment('Agency that holds the data');
    table.string('recipient_agency', 40).notNullable().comment('Agency the data is to be given to');
    table.string('case_id', 100).notNullable().comment('Dossier of the recipient agency the data is for (X-Case-Id)');
    table.jsonb('field_groups').notNullable().comment('Field groups to give, as "<policy>:<group>"');
    table.timestamp('valid_until', { useTz: true }).notNullable().comment('After this the request has expired, used or not');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it was made');
    table.timestamp('used_at', { useTz: true }).comment('When the recipient used it; a request is used once');
    table.string('used_by_request', 64).comment('Request id of the one gateway request that used it');
    table.timestamp('withdrawn_at', { useTz: true }).comment('When the citizen withdrew it before use');
    table.index(['subject_id', 'recipient_agency', 'case_id'], 'subject_request_claim_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('subject_request');
}
