// The people of the open day's count are saved as lists, one row per figure and round, instead of a row
// per person: a row per person cost Postgres about 12 µs a person (an insert into a five-column key), so a
// day of people each new to the count cost as much again as appending the log (0.23 ms a row of twenty
// people; docs/performance.md). A list is not unique across replicas: each saves the people it counted,
// and a restart takes the union.
import type { Knex } from 'knex';
import { createSubjectPerRow } from './sharingStatisticsProgressMigration.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sharing_statistics_subject_list', (table) => {
    table.comment('The distinct data subjects counted so far in the open day, per service, consumer agency and purpose, as lists saved round by round (a person may be in several); removed when the day closes');
    table.bigIncrements('id').primary();
    table.date('day').notNullable().comment('The open day in the province');
    table.string('service', 200).notNullable().comment('The sharing service (field group) a field of which was disclosed about the people');
    table.string('consumer_agency', 64).notNullable().comment('The agency it was disclosed to');
    table.string('purpose', 64).notNullable().comment("The purpose declared ('' when none was declared)");
    table.specificType('subjects', 'text[]').notNullable().comment('The data subjects first counted in one round');
    table.index(['day']);
  });
  await knex.raw(`insert into sharing_statistics_subject_list (day, service, consumer_agency, purpose, subjects)
    select day, service, consumer_agency, purpose, array_agg(subject order by subject)
    from sharing_statistics_subject group by day, service, consumer_agency, purpose`);
  await knex.schema.dropTable('sharing_statistics_subject');
}

export async function down(knex: Knex): Promise<void> {
  await createSubjectPerRow(knex);
  await knex.raw(`insert into sharing_statistics_subject (day, service, consumer_agency, purpose, subject)
    select distinct day, service, consumer_agency, purpose, unnest(subjects) from sharing_statistics_subject_list`);
  await knex.schema.dropTable('sharing_statistics_subject_list');
}
