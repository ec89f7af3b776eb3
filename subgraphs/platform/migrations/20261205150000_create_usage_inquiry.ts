import type { Knex } from 'knex';

// Usage inquiries (issue 14, item 6): an owner agency's officer asks a consumer agency how data received
// under a connection was used, for a period and optionally one data subject; the consumer's officer
// answers. Who asked, answered or withdrew, and when, are columns of the row: each happens once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('usage_inquiry', (table) => {
    table.comment('Questions owner agencies ask consumer agencies about how shared data was used, and the answers');
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Inquiry id');
    table.uuid('connection_request_id').notNullable().references('connection_request.id').comment('The connection the data was shared under (between the two agencies)');
    table.string('owner_agency', 40).notNullable().references('agency.code').comment('The agency asking: the owner agency of the connection');
    table.string('consumer_agency', 40).notNullable().references('agency.code').comment('The agency asked: the consumer agency of the connection');
    table.date('period_start').notNullable().comment('First day of the period asked about');
    table.date('period_end').notNullable().comment('Last day of the period asked about');
    table.string('data_subject', 12).nullable().comment('The one person asked about (12-digit personal id), or null for all the data');
    table.text('question').notNullable().comment('The question, in the asking officer’s words');
    table.text('asked_by').notNullable().comment('Account (`sub`) of the owner officer who asked');
    table.timestamp('asked_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was asked (millisecond precision: the list pages on it)');
    table.date('due_on').notNullable().comment('The day by which the consumer should answer (USAGE_INQUIRY_WORKING_DAYS working days after it was asked)');
    table.string('state', 16).notNullable().comment("'open', 'answered' or 'withdrawn'");
    table.text('answer').nullable().comment('The consumer’s answer');
    table.text('answered_by').nullable().comment('Account (`sub`) of the consumer officer who answered');
    table.timestamp('answered_at', { useTz: true }).nullable().comment('When it was answered');
    table.text('withdrawn_by').nullable().comment('Account (`sub`) of the owner officer who withdrew it');
    table.timestamp('withdrawn_at', { useTz: true }).nullable().comment('When it was withdrawn');
    table.text('withdraw_reason').nullable().comment('Why it was withdrawn');
    table.index(['owner_agency', 'asked_at'], 'usage_inquiry_owner_index');
    table.index(['consumer_agency', 'asked_at'], 'usage_inquiry_consumer_index');
  });
  await knex.raw("alter table usage_inquiry add constraint usage_inquiry_state_check check (state in ('open', 'answered', 'withdrawn'))");
  await knex.raw('alter table usage_inquiry add constraint usage_inquiry_period_check check (period_end >= period_start)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('usage_inquiry');
}
