// Where the count of the open day stands, so that a restarted register continues it instead of counting
// the whole day again (which took minutes of a tenth of a core per register late in a busy day): the last
// log row counted and the field grouping it was counted under, beside the day's run; and the distinct
// people of the open day so far, which its figures count but cannot be summed from. A closed day keeps
// neither: its figures are final.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sharing_statistics_run', (table) => {
    table.bigInteger('after_seq').comment('For the open day: the last disclosure_log seq its figures count (null once closed)');
    table.string('grouping', 64).comment('For the open day: fingerprint of the field groups it was counted under (a change recounts the day)');
  });
  await createSubjectPerRow(knex);
}

/** The open day's people, a row each, as this migration made them (until sharingStatisticsSubjectListsMigration.ts). */
export async function createSubjectPerRow(knex: Knex): Promise<void> {
  await knex.schema.createTable('sharing_statistics_subject', (table) => {
    table.comment('The distinct data subjects counted so far in the open day, per service, consumer agency and purpose; removed when the day closes');
    table.date('day').notNullable().comment('The open day in the province');
    table.string('service', 200).notNullable().comment('The sharing service (field group) a field of which was disclosed about the person');
    table.string('consumer_agency', 64).notNullable().comment('The agency it was disclosed to');
    table.string('purpose', 64).notNullable().comment("The purpose declared ('' when none was declared)");
    table.text('subject').notNullable().comment('The data subject');
    table.primary(['day', 'service', 'consumer_agency', 'purpose', 'subject']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sharing_statistics_subject');
  await knex.schema.alterTable('sharing_statistics_run', (table) => {
    table.dropColumn('after_seq');
    table.dropColumn('grouping');
  });
}
