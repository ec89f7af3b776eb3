// Each register's daily figures of its own sharing (issue 14, item 4), computed from its own disclosure
// log by shared/statistics/sharingStatisticsAggregator.ts: one row per province day, service (field
// group), consumer agency and purpose. Recomputing a day replaces its rows, so the table is not
// append-only; the log stays the record. `sharing_statistics_run` says which days are done.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sharing_statistics', (table) => {
    table.comment('Daily aggregates of the disclosure log of this register: one row per day, service, consumer agency and purpose');
    table.date('day').notNullable().comment('The day in the province (Asia/Ho_Chi_Minh, UTC+7) the requests were answered');
    table.string('service', 200).notNullable().comment('The sharing service: the field group `<policy>:<group>` the fields belong to');
    table.string('owner_agency', 64).notNullable().comment('The owner agency of the service (the owner of its policy)');
    table.string('consumer_agency', 64).notNullable().comment('The agency whose officer or system asked');
    table.string('purpose', 64).notNullable().comment("The purpose declared in X-Purpose ('' when none was declared)");
    table.integer('requests').notNullable().comment('Requests that asked for at least one field of the service');
    table.integer('records_disclosed').notNullable().comment('Records (one data subject in one request) with at least one field of the service disclosed');
    table.jsonb('refusals').notNullable().comment('Records with a field of the service refused, by reason: {reason: count}');
    table.integer('distinct_subjects').notNullable().comment('Distinct data subjects with a field of the service disclosed in the day (exact, per row)');
    table.primary(['day', 'service', 'consumer_agency', 'purpose']);
  });
  await knex.raw('create index sharing_statistics_owner_index on sharing_statistics (owner_agency, day)');
  await knex.raw('create index sharing_statistics_consumer_index on sharing_statistics (consumer_agency, day)');
  await knex.schema.createTable('sharing_statistics_run', (table) => {
    table.comment('Days of the disclosure log aggregated into sharing_statistics, and whether the day was closed when it was');
    table.date('day').primary().comment('The day in the province');
    table.boolean('closed').notNullable().comment('True once computed after the day ended: it is not computed again');
    table.timestamp('computed_at', { useTz: true }).notNullable().comment('When its rows were last computed');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sharing_statistics_run');
  await knex.schema.dropTable('sharing_statistics');
}
