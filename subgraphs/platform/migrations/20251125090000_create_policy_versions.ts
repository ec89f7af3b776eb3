import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('policy_version', (table) => {
    table.increments('version').primary().comment('Version number of the whole policy set, in order of change');
    table.string('hash', 64).notNullable().comment('SHA-256 of the policy set, to compare with what services report');
    table.string('action', 16).notNullable().comment("'initial' (files found at first start), 'change' or 'rollback'");
    table.text('author').notNullable().comment('Subject of the security officer who made the change');
    table.text('reason').notNullable().comment('Why, in the officer’s words');
    table.integer('restores_version').comment('For a rollback: the version whose files were restored');
    table.jsonb('files').notNullable().comment('Every policy file of the version: path -> YAML text');
    table.jsonb('changed_files').notNullable().comment('Paths this version added, changed or removed');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When the version came into force');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('policy_version');
}
