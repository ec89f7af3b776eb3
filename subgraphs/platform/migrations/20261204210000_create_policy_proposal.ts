import type { Knex } from 'knex';

// Two-person policy changes: a proposal that widens access waits here until a second security officer
// approves it; each version names the version it was made on, once, so two changes on one base cannot
// both come into force.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('policy_version', (table) => {
    table.integer('based_on').unique().comment('The version in force when this one was made: unique, so of two changes on one base only one comes into force');
    table.text('approved_by').comment('For a change that widened access: subject of the second security officer who approved it');
  });
  await knex.schema.createTable('policy_proposal', (table) => {
    table.increments('id').primary().comment('Proposal number');
    table.string('status', 16).notNullable().comment("'pending' (widens access, awaits a second officer), 'applied' (in force at once), 'approved' or 'rejected'");
    table.string('action', 16).notNullable().comment("'change' or 'rollback'");
    table.integer('base_version').notNullable().comment('The version in force the proposal was made on');
    table.integer('restores_version').comment('For a rollback: the version whose files it restores');
    table.text('author').notNullable().comment('Subject of the security officer who proposed it');
    table.text('reason').notNullable().comment('Why, in the author’s words');
    table.jsonb('files').notNullable().comment('Every policy file of the proposed set: path -> YAML text');
    table.jsonb('changed_files').notNullable().comment('Paths the proposal adds, changes or removes');
    table.boolean('widening').notNullable().comment('True when some access would be wider than under the base version');
    table.jsonb('changes').notNullable().comment('The plain-language diff: [{widening, text}]');
    table.jsonb('impact').notNullable().comment('The impact replay over recent disclosure-log entries, as computed when proposed');
    table.text('decided_by').comment('Subject of the officer who approved or rejected it (the author, for a change in force at once)');
    table.text('decision_reason').comment('Why it was approved or rejected');
    table.timestamp('decided_at', { useTz: true }).comment('When it was applied, approved or rejected');
    table.integer('version').comment('The policy version it put in force, if any');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it was proposed');
    table.index(['status', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('policy_proposal');
  await knex.schema.alterTable('policy_version', (table) => {
    table.dropColumn('based_on');
    table.dropColumn('approved_by');
  });
}
