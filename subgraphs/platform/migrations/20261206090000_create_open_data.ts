import type { Knex } from 'knex';
import { PURPOSES } from '../../../shared/catalogue/platformCatalogue.ts';
import { purposeColumns } from '../seeds/purposeColumns.ts';

// Open data (issue 15): which datasets exist, their sources and columns stay in the open-data list's files
// (open-data/); the platform keeps what publishers change and publish. A dataset's published rows are
// kept per version, one row per table row, so that a 200,000-row version pages in constant memory and
// each page is one indexed range read (primary key version_id, row_no).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('open_data_dataset', (table) => {
    table.comment('What the platform holds of one dataset of the open-data list: publisher edits, the current version, withdrawal');
    table.string('id', 80).primary().comment('The dataset id of the open-data list (open-data/datasets/<id>.dataset.yaml)');
    table.jsonb('metadata').nullable().comment('The publisher’s edits of title, description and keywords (vi, en), over the list’s; null: as the list says');
    table.text('metadata_modified_by').nullable().comment('Account (`sub`) of the publisher who last edited the metadata');
    table.timestamp('metadata_modified_at', { useTz: true, precision: 3 }).nullable().comment('When the metadata was last edited by a publisher');
    table.bigInteger('current_version_id').nullable().comment('The version served (open_data_version.id); null: never published');
    table.timestamp('data_modified_at', { useTz: true, precision: 3 }).nullable().comment('When the published rows last changed');
    table.timestamp('data_confirmed_at', { useTz: true, precision: 3 }).nullable().comment('When the rows were last published or confirmed unchanged by a refresh: freshness counts from it');
    table.text('data_confirmed_by').nullable().comment('Account (`sub`) of who last published or confirmed the rows');
    table.timestamp('withdrawn_at', { useTz: true, precision: 3 }).nullable().comment('Set while the dataset is withdrawn: its rows and downloads are not served');
    table.text('withdrawn_reason').nullable().comment('Why it was withdrawn, in the publisher’s words');
    table.text('withdrawn_by').nullable().comment('Account (`sub`) of the publisher who withdrew it');
    table.integer('version').notNullable().defaultTo(1).comment('Incremented by every change: of two publishers acting at once, only the first succeeds');
  });

  await knex.schema.createTable('open_data_version', (table) => {
    table.comment('Every version of every dataset ever published (kept: a new version never replaces an old one)');
    table.bigIncrements('id').comment('Version id (internal)');
    table.string('dataset_id', 80).notNullable().references('open_data_dataset.id').comment('The dataset');
    table.integer('number').notNullable().comment('1, 2, ... per dataset');
    table.timestamp('published_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was published');
    table.text('published_by').notNullable().comment('Account (`sub`) of the publisher');
    table.string('published_by_agency', 40).nullable().comment('Agency of the publisher');
    table.string('how', 16).notNullable().comment("'refresh' (computed from the source) or 'upload' (a CSV the publisher sent)");
    table.integer('row_count').notNullable().comment('Rows of the version');
    table.string('sha256', 64).notNullable().comment('SHA-256 (hex) of the content: the column names then each row, as JSON lines');
    table.jsonb('columns').notNullable().comment('The column names, in order, as published');
    table.unique(['dataset_id', 'number'], { indexName: 'open_data_version_number_unique' });
  });
  await knex.raw("alter table open_data_version add constraint open_data_version_how_check check (how in ('refresh', 'upload'))");

  await knex.schema.createTable('open_data_row', (table) => {
    table.comment('The rows of each version, in order: a page is a range of row_no');
    table.bigInteger('version_id').notNullable().references('open_data_version.id').comment('The version');
    table.integer('row_no').notNullable().comment('1, 2, ... within the version');
    table.jsonb('cells').notNullable().comment('The values in the columns’ order (text, number or null: suppressed or empty)');
    table.primary(['version_id', 'row_no']);
  });

  await knex.schema.createTable('open_data_notice', (table) => {
    table.comment('Outbox of notices to publishers (reminders of overdue datasets); e-mail delivery is not built');
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Notice id');
    table.string('dataset_id', 80).notNullable().comment('The dataset');
    table.string('publisher_agency', 40).notNullable().comment('The publisher agency');
    table.text('focal_point').nullable().comment('The agency’s focal point from the agency directory, as written there');
    table.string('kind', 24).notNullable().comment("'overdue' (the dataset passed its due date)");
    table.string('period_key', 40).notNullable().comment('The overdue period the notice is for (the due date): one notice per dataset per period');
    table.text('message').notNullable().comment('The text of the notice');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was written');
    table.unique(['dataset_id', 'kind', 'period_key'], { indexName: 'open_data_notice_once_unique' });
    table.index(['publisher_agency', 'created_at'], 'open_data_notice_agency_index');
  });

  await knex.schema.createTable('open_data_problem_report', (table) => {
    table.comment('Problems anyone reports with a dataset (QĐ 27/2025 Đ9), answered and closed by the operator or the publisher');
    table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()')).comment('Report id');
    table.string('dataset_id', 80).notNullable().comment('The dataset (an id of the open-data list)');
    table.string('publisher_agency', 40).notNullable().comment('The dataset’s publisher agency when reported');
    table.text('description').notNullable().comment('The problem, in the reporter’s words (10 to 2000 characters)');
    table.text('contact').notNullable().comment('An e-mail address or a phone number to answer (personal: the operator and the publisher only)');
    table.string('state', 16).notNullable().defaultTo('open').comment("'open', 'answered' or 'closed'");
    table.text('answer').nullable().comment('The answer of the operator or the publisher');
    table.text('answered_by').nullable().comment('Account (`sub`) of who answered');
    table.timestamp('answered_at', { useTz: true, precision: 3 }).nullable().comment('When it was answered');
    table.text('closed_by').nullable().comment('Account (`sub`) of who closed it');
    table.timestamp('closed_at', { useTz: true, precision: 3 }).nullable().comment('When it was closed');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now()).comment('When it was reported');
    table.index(['publisher_agency', 'created_at'], 'open_data_problem_report_agency_index');
  });
  await knex.raw("alter table open_data_problem_report add constraint open_data_problem_report_state_check check (state in ('open', 'answered', 'closed'))");

  // The purpose under which a publisher or the operator reads a reporter's contact. A fresh database gets
  // it with the rest of the catalogue from the seed; an existing one (seeded already) here.
  if (await knex('purpose').first('code')) {
    const feedback = PURPOSES.find((purpose) => purpose.code === 'open-data-feedback')!;
    await knex('purpose').insert(purposeColumns(feedback)).onConflict('code').ignore();
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex('purpose').where('code', 'open-data-feedback').delete();
  await knex.schema.dropTable('open_data_problem_report');
  await knex.schema.dropTable('open_data_notice');
  await knex.schema.dropTable('open_data_row');
  await knex.schema.dropTable('open_data_version');
  await knex.schema.dropTable('open_data_dataset');
}
