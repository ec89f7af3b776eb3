// A caller's own rows are indexed by time: an officer's or a system's (principal) and an agency's
// (agency). Their views read the log newest first for that caller alone, and without an index they walk
// the whole log by time whenever the caller has fewer rows in it than a page: at 10 million rows, 13.7 s
// for an officer with none in a register and 2.7 s for an agency with none, where the platform's
// access-log view asks every register at once. The agency's index was dropped in Nov 2025 as serving
// oversight alone (disclosureLogIndexMigration.ts); the account had none. Each is appended to in time
// order, at the end of its caller's range.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.index(['principal', 'at'], 'disclosure_log_principal_index');
    table.index(['agency', 'at'], 'disclosure_log_agency_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('disclosure_log', (table) => {
    table.dropIndex(['principal', 'at'], 'disclosure_log_principal_index');
    table.dropIndex(['agency', 'at'], 'disclosure_log_agency_index');
  });
}
