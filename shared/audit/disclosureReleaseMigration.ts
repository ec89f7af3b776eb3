// Releases of restricted disclosures: an oversight officer lifts the restriction on one request's
// entries, and the data subjects see them from then on. The chain's rows are never edited; a release
// is a row of its own, append-only (an update or delete changes nothing), one per request.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('disclosure_release', (table) => {
    table.comment('Releases of restricted disclosures (append-only): from released_at the data subjects see the request');
    table.bigIncrements('id').comment('Order of the releases');
    table.string('request_id', 64).notNullable().unique().comment('The request whose restricted entries of this log are released');
    table.timestamp('released_at', { useTz: true }).notNullable().comment('When the restriction was lifted');
    table.text('principal').nullable().comment('The account of the officer who released it');
    table.string('agency', 64).nullable().comment("The releasing officer's agency");
    table.jsonb('roles').notNullable().comment("The releasing officer's roles");
    table.string('release_request_id', 64).notNullable().comment('The request (gateway x-request-id) that released it');
    table.text('reason').notNullable().comment('Why it may now be told (e.g. the investigation closed)');
  });
  // Rules rather than a trigger: no procedural function to keep. (INSERT ... ON CONFLICT cannot be used here.)
  await knex.raw('create rule disclosure_release_no_update as on update to disclosure_release do instead nothing');
  await knex.raw('create rule disclosure_release_no_delete as on delete to disclosure_release do instead nothing');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('disclosure_release');
}
