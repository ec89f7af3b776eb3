import type { Knex } from 'knex';

// Connection agreements (issue 14, item 2): a consumer agency asks to connect to field groups of one
// owner agency, for a purpose, under a legal basis; the owner approves, returns, refuses, suspends or
// ends it (subgraphs/platform/src/connections/connectionRules.ts). Every transition is one event in
// connection_request_event, written in the same transaction as the state change.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('connection_request', (table) => {
    table.comment('Requests to connect a consumer agency system to field groups of one owner agency, and their current state');
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Request id');
    table.string('consumer_agency', 40).notNullable().references('agency.code').comment('The agency that asks to receive the data (the asking officer’s token agency)');
    table.string('owner_agency', 40).notNullable().references('agency.code').comment('The one agency owning every field group asked for: it decides');
    table.text('requested_by').notNullable().comment('Account (`sub`) of the officer who drafted it');
    table.string('purpose', 64).notNullable().references('purpose.code').comment('The purpose the consumer will declare (X-Purpose) when reading');
    table.string('legal_basis', 64).notNullable().references('legal_basis.code').comment('The legal basis the consumer relies on');
    table.specificType('field_groups', 'text[]').notNullable().comment('Field groups asked for, as "<policy>:<group>" (as consents name them)');
    table.text('system_name').notNullable().comment('Name of the consuming information system');
    table.text('contact').notNullable().comment('Who to contact about the connection at the consumer agency');
    table.date('period_start').notNullable().comment('First day the connection is asked for');
    table.date('period_end').notNullable().comment('Last day the connection is asked for');
    table.string('state', 16).notNullable().comment("'draft', 'submitted', 'returned', 'approved', 'refused', 'suspended' or 'ended'; an approved one past approved_until reads as expired");
    table.date('approved_until').nullable().comment('Set on approval: the connection counts through that day (Asia/Ho_Chi_Minh)');
    table.text('conditions').nullable().comment('Conditions the owner set on approval');
    table.text('state_reason').nullable().comment('The reason of the last return, refusal, suspension, withdrawal or end');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was drafted (millisecond precision: the list pages on it)');
    table.timestamp('submitted_at', { useTz: true }).nullable().comment('When it was first submitted');
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it last changed');
    table.integer('version').notNullable().defaultTo(1).comment('Incremented by every change: of two officers acting at once on one version, only the first succeeds');
    table.index(['consumer_agency', 'purpose', 'state'], 'connection_request_enforcement_index');
    table.index(['owner_agency', 'state'], 'connection_request_owner_index');
  });
  await knex.raw("alter table connection_request add constraint connection_request_period_check check (period_end >= period_start)");
  await knex.raw(
    "alter table connection_request add constraint connection_request_state_check check (state in ('draft', 'submitted', 'returned', 'approved', 'refused', 'suspended', 'ended'))",
  );

  await knex.schema.createTable('connection_request_event', (table) => {
    table.comment('History of connection requests (append-only): one row per transition, who, when, from, to, why');
    table.bigIncrements('seq').comment('Order of the events');
    table.uuid('request_id').notNullable().references('connection_request.id').comment('The request it happened to');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it happened (the transaction’s time)');
    table.text('actor').notNullable().comment('Account (`sub`) of who acted');
    table.string('actor_agency', 40).nullable().comment('Agency of who acted; null for a security officer without one');
    table.specificType('actor_roles', 'text[]').notNullable().comment('Roles of who acted, from their token');
    table.string('action', 16).notNullable().comment("The action of the rules table: 'draft', 'update', 'submit', 'resubmit', 'withdraw', 'return', 'approve', 'refuse', 'suspend', 'resume', 'end'");
    table.string('from_state', 16).nullable().comment('State before; null for the draft that created it');
    table.string('to_state', 16).notNullable().comment('State after');
    table.text('reason').nullable().comment('Why, in the actor’s words');
    table.jsonb('details').nullable().comment('What else the action set: changed fields of an update, approvedUntil and conditions of an approval');
    table.index(['request_id', 'seq'], 'connection_request_event_request_index');
  });
  // As disclosure_release: rules rather than a trigger (no procedural function to keep); an update or a
  // delete of the history changes nothing.
  await knex.raw('create rule connection_request_event_no_update as on update to connection_request_event do instead nothing');
  await knex.raw('create rule connection_request_event_no_delete as on delete to connection_request_event do instead nothing');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('connection_request_event');
  await knex.schema.dropTable('connection_request');
}
