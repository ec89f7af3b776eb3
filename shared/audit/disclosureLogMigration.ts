// The disclosure log every agency keeps in its own database: one row per request and data subject,
// chained by SHA-256 so that a changed, removed or inserted row breaks the chain (npm run audit:verify).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('disclosure_log', (table) => {
    table.bigIncrements('seq').primary().comment('Position in the chain');
    table.string('request_id', 64).notNullable().index().comment('Request id the gateway gave the request');
    table.timestamp('at', { useTz: true }).notNullable().comment('When the data was disclosed or refused');
    table.text('principal').nullable().comment('Subject of the caller (officer account, system, citizen id)');
    table.string('agency', 40).nullable().index().comment('Agency of the caller');
    table.jsonb('roles').notNullable().comment('Roles of the caller');
    table.string('purpose', 64).nullable().comment('Purpose the caller declared (X-Purpose)');
    table.string('case_id', 100).nullable().comment('Dossier number the caller gave (X-Case-Id)');
    table.string('data_subject', 12).nullable().index().comment('Personal id of the person the data is about');
    table.jsonb('fields').notNullable().comment('Fields asked for: [{field, decision, basis or reason, rule}]');
    table.string('decision', 12).notNullable().comment("'disclosed', 'refused' or 'partial'");
    table.string('prev_hash', 64).notNullable().comment('Hash of the previous row (64 zeros for the first)');
    table.string('hash', 64).notNullable().comment('SHA-256 of prev_hash and this row');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('disclosure_log');
}
