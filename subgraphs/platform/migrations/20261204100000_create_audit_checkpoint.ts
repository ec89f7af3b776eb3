// The witnessed checkpoints of every agency's disclosure log, kept in the platform's database, where no
// agency can write: `npm run audit:verify` checks each agency's chain against them.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_checkpoint', (table) => {
    table.string('service', 40).notNullable().comment('The service whose disclosure log it is (population, …)');
    table.bigInteger('seq').notNullable().comment('The row of that log at the head of the chain when the agency signed');
    table.string('hash', 64).notNullable().comment('That row\'s hash');
    table.timestamp('at', { useTz: true }).notNullable().comment('When the agency signed it');
    table.text('signature').notNullable().comment('The agency\'s Ed25519 signature (base64)');
    table.timestamp('witnessed_at', { useTz: true }).notNullable().comment('When the platform countersigned it');
    table.text('witness_signature').notNullable().comment('The platform\'s Ed25519 signature over the signed checkpoint and witnessed_at (base64)');
    table.primary(['service', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_checkpoint');
}
