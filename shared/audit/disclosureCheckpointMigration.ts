// The agency's side of the witnessed log: its own copy of every checkpoint it signed (and, once the
// platform answered, the witness's countersignature), so checkpoints not yet witnessed survive a restart
// and are sent again; and the archive, where `npm run audit:archive` moves whole witnessed segments of
// old rows (each row kept whole, as JSON, so the archived chain verifies as it was written).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('disclosure_checkpoint', (table) => {
    table.bigInteger('seq').primary().comment('The row of disclosure_log at the head of the chain when signed');
    table.string('hash', 64).notNullable().comment('That row\'s hash');
    table.timestamp('at', { useTz: true }).notNullable().comment('When the agency signed it');
    table.text('signature').notNullable().comment('The agency\'s Ed25519 signature (base64)');
    table.timestamp('witnessed_at', { useTz: true }).nullable().comment('When the platform countersigned it (null: not yet)');
    table.text('witness_signature').nullable().comment('The platform\'s Ed25519 countersignature (base64)');
  });
  await knex.schema.createTable('disclosure_log_archive', (table) => {
    table.bigInteger('seq').primary().comment('The row\'s seq in disclosure_log');
    table.bigInteger('segment_end').notNullable().comment('seq of the witnessed checkpoint that closes the row\'s segment');
    table.json('row').notNullable().comment('The row as it was in disclosure_log, every column');
    table.timestamp('archived_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When npm run audit:archive moved it');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('disclosure_log_archive');
  await knex.schema.dropTable('disclosure_checkpoint');
}
