import type { Knex } from 'knex';

// The catalogue of sharing services as last seen in the policies: every non-secret field group of every
// policy, kept after it leaves the policies so callers see what went away and when (issue 14, item 1).
// Rebuilt from the policies on disk when they change (subgraphs/platform/src/sharingCatalogue).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sharing_service', (table) => {
    table.string('id', 200).primary().comment('The service id, as consents and connections name it: <policy>:<group>, e.g. population.citizen:identity');
    table.string('register', 40).notNullable().comment('The subgraph whose policy declares the group (population, land, platform, ...)');
    table.string('owner_agency', 40).notNullable().comment('Agency code of the policy owner (no foreign key: a removed service keeps the owner it had)');
    table.string('level', 16).notNullable().comment("Classification of the group: 'public', 'internal', 'personal' or 'sensitive' (state secrets are never listed)");
    table.string('status', 16).notNullable().comment("'active', 'disabled' (the group carries disabled: in its policy) or 'removed' (no longer in the policies)");
    table.specificType('purposes', 'text[]').notNullable().comment('Purposes the rules giving the group name (purposes and consent purposes), for the purpose filter');
    table.text('search_text').notNullable().comment('Id, type, field names, descriptions and owner name, lower-cased without Vietnamese diacritics, for the text filter');
    table.jsonb('entry').notNullable().comment('The service as last seen: policy, group, description, type, fields, rules, example query, how to connect, disabled notice');
    table.timestamp('first_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When the catalogue first saw the group in the policies');
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When the entry last changed');
    table.timestamp('removed_at', { useTz: true }).comment('When the group was first found missing from the policies; null while it is in them');
    table.index(['owner_agency', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sharing_service');
}
