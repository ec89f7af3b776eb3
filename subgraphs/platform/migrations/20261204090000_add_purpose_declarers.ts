// Purposes are bound to who may declare them (and, for case work, to the format of the case id): the
// gateway refuses any other declaration. Existing databases get the starting values of the catalogue.
import type { Knex } from 'knex';
import { PURPOSES } from '../../../shared/catalogue/platformCatalogue.ts';
import { purposeColumns } from '../seeds/purposeColumns.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('purpose', (table) => {
    table.jsonb('declarable_by_agencies').comment('Agency codes whose callers may declare the purpose; null: any agency (or none)');
    table.jsonb('declarable_by_roles').notNullable().defaultTo('[]').comment('Roles of which a caller needs one to declare the purpose; empty: nobody');
    table.string('case_id_pattern', 200).comment('Regular expression X-Case-Id must match under the purpose; null: any dossier number');
    table.string('case_id_example', 100).comment('A case id of the expected format, shown in refusals');
  });
  for (const purpose of PURPOSES) {
    const { code, ...columns } = purposeColumns(purpose);
    await knex('purpose').where({ code }).update(columns);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('purpose', (table) => {
    table.dropColumns('declarable_by_agencies', 'declarable_by_roles', 'case_id_pattern', 'case_id_example');
  });
}
