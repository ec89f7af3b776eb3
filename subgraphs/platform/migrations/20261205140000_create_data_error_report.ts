import type { Knex } from 'knex';

// Data-error reports (issue 14, item 5): a consumer agency's officer reports an error in one field of one
// record as received; the owner agency acknowledges, corrects or rejects it
// (subgraphs/platform/src/dataErrorReports/dataErrorRules.ts). Every transition is one event in
// data_error_report_event, written in the same transaction as the change. A correction leaves one
// data_correction_notice per agency the owner register's disclosure log shows receiving that field.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('data_error_report', (table) => {
    table.comment('Errors consumer agencies report in one field of one record they received, and what the owner agency did');
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Report id');
    table.string('register', 40).notNullable().comment('The register (subgraph name) the record was read from, e.g. population');
    table.string('type_name', 64).notNullable().comment('The GraphQL type of the record, e.g. Citizen');
    table.string('record_id', 64).notNullable().comment('The record’s id as the register names it (a 12-digit personal id for a Citizen)');
    table.string('field', 64).notNullable().comment('The field reported wrong, e.g. fullName (of a non-state-secret field group of the policies)');
    table.string('owner_agency', 40).notNullable().references('agency.code').comment('The owner agency of the field’s policy: it acknowledges, corrects or rejects');
    table.string('reporting_agency', 40).notNullable().references('agency.code').comment('The consumer agency that reported it (the reporting officer’s token agency)');
    table.text('reported_by').notNullable().comment('Account (`sub`) of the officer who reported it');
    table.text('value_seen').notNullable().comment('The value as the reporting agency received it');
    table.text('problem').notNullable().comment('What is wrong with it, in the reporter’s words');
    table.text('evidence').notNullable().comment('A reference to the evidence (document number, dossier, file)');
    table.string('state', 16).notNullable().comment("'open', 'acknowledged', 'corrected', 'rejected' or 'withdrawn'");
    table.text('state_reason').nullable().comment('The reason of a rejection or a withdrawal');
    table.text('corrected_value').nullable().comment('Set on correction: the value the owner’s register now holds');
    table.text('correction_note').nullable().comment('Set on correction, optional: the owner’s note');
    table.date('due_on').notNullable().comment('The day by which the owner should correct or reject it (DATA_ERROR_REPORT_WORKING_DAYS working days after it was made, Asia/Ho_Chi_Minh)');
    table.string('data_subject', 12).nullable().comment('The person the record is about when its id is theirs (a Citizen’s personal id): the disclosure log is searched by it on correction; null otherwise');
    table.string('recipient_search', 24).nullable().comment("Set on correction: 'searched' (the log was searched for recipients) or 'no-subject-key' (the record’s id is not a person’s, so the log could not be searched)");
    table.integer('notices_sent').nullable().comment('Set on correction: how many agencies got a correction notice');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was reported (millisecond precision: the list pages on it)');
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it last changed');
    table.integer('version').notNullable().defaultTo(1).comment('Incremented by every change: of two officers acting at once on one version, only the first succeeds');
    table.index(['reporting_agency', 'created_at'], 'data_error_report_reporting_index');
    table.index(['owner_agency', 'state'], 'data_error_report_owner_index');
  });
  await knex.raw("alter table data_error_report add constraint data_error_report_state_check check (state in ('open', 'acknowledged', 'corrected', 'rejected', 'withdrawn'))");

  await knex.schema.createTable('data_error_report_event', (table) => {
    table.comment('History of data-error reports (append-only): one row per transition, who, when, from, to, why');
    table.bigIncrements('seq').comment('Order of the events');
    table.uuid('report_id').notNullable().references('data_error_report.id').comment('The report it happened to');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now()).comment('When it happened (the transaction’s time)');
    table.text('actor').notNullable().comment('Account (`sub`) of who acted');
    table.string('actor_agency', 40).nullable().comment('Agency of who acted');
    table.specificType('actor_roles', 'text[]').notNullable().comment('Roles of who acted, from their token');
    table.string('action', 16).notNullable().comment("The action of the rules table: 'report', 'withdraw', 'acknowledge', 'correct', 'reject'");
    table.string('from_state', 16).nullable().comment('State before; null for the report that created it');
    table.string('to_state', 16).notNullable().comment('State after');
    table.text('reason').nullable().comment('Why, in the actor’s words');
    table.jsonb('details').nullable().comment('What else the action set: the corrected value, note and notices of a correction');
    table.index(['report_id', 'seq'], 'data_error_report_event_report_index');
  });
  // As connection_request_event: an update or a delete of the history changes nothing.
  await knex.raw('create rule data_error_report_event_no_update as on update to data_error_report_event do instead nothing');
  await knex.raw('create rule data_error_report_event_no_delete as on delete to data_error_report_event do instead nothing');

  await knex.schema.createTable('data_correction_notice', (table) => {
    table.comment('Correction notices: one per corrected report and agency that the owner register’s disclosure log shows receiving the field');
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Notice id');
    table.uuid('report_id').notNullable().references('data_error_report.id').comment('The corrected report');
    table.string('agency', 40).notNullable().references('agency.code').comment('The agency notified: it received the field of the record within DATA_CORRECTION_WINDOW_DAYS before the correction');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was sent (the correction’s time; the list pages on it)');
    table.unique(['report_id', 'agency'], { indexName: 'data_correction_notice_once' });
    table.index(['agency', 'created_at'], 'data_correction_notice_agency_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('data_correction_notice');
  await knex.schema.dropTable('data_error_report_event');
  await knex.schema.dropTable('data_error_report');
}
